import { I18nProvider, PageLayout, useT } from '@mytoutatice/ui';
import { readShellConfig } from '../../config.ts';
import { AppPasswordsSection } from './app-passwords-section.tsx';
import { settingsMessages, type SettingsKey } from './settings-messages.ts';

/** « Paramètres »: for now, the devices that reach the space by WebDAV. Loaded on demand. */
export function SettingsPage({ slug }: { slug: string }) {
  return (
    <I18nProvider messages={settingsMessages}>
      <Settings slug={slug} />
    </I18nProvider>
  );
}

function Settings({ slug }: { slug: string }) {
  const t = useT<SettingsKey>();
  // The address people reach the Home at, as the gateway put it in the page.
  const davUrl = `${readShellConfig().publicUrl.replace(/\/+$/, '')}/dav/files/`;
  return (
    <PageLayout title={t('settings.title')}>
      <AppPasswordsSection davUrl={davUrl} username={slug} />
    </PageLayout>
  );
}
