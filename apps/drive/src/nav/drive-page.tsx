import { PageLayout, useT } from '@mytoutatice/ui';
import type { ReactNode } from 'react';
import type { DriveKey } from '../messages.ts';
import type { DriveView } from '../routes.ts';
import { QuotaBar } from './quota-bar.tsx';
import { SideNav } from './side-nav.tsx';

/** Every Drive screen: its title and actions, the Drive's navigation and the quota beside it. */
export function DrivePage({ current, title, actions, children }: { current: DriveView['kind']; title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const t = useT<DriveKey>();
  return (
    <PageLayout
      title={title}
      actions={actions}
      sidebarLabel={t('drive.nav.label')}
      sidebar={
        <>
          <SideNav current={current === 'sharing' ? 'shared' : current} />
          <QuotaBar />
        </>
      }
    >
      {children}
    </PageLayout>
  );
}
