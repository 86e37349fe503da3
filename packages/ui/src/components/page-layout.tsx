import { useId, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider.tsx';
import { Button } from './button.tsx';
import { classNames } from './class-names.ts';
import { Icon } from './icon.tsx';

export type PageLayoutProps = {
  /** The page's `<h1>`. */
  title: ReactNode;
  /** Buttons beside the title (« Importer des fichiers », « Nouveau dossier » …). */
  actions?: ReactNode;
  /** Navigation links; on phones, folded behind a « Menu » button. */
  sidebar?: ReactNode;
  /** The navigation's accessible name; « Navigation » by default. */
  sidebarLabel?: string;
  children?: ReactNode;
  className?: string;
};

/**
 * An app's page, as the `<main>` landmark (the shell must not wrap apps in another): title and
 * actions, optional side navigation, content. Mark the current link `aria-current="page"`.
 */
export function PageLayout({ title, actions, sidebar, sidebarLabel, children, className }: PageLayoutProps) {
  const t = useT();
  const navId = useId();
  const [navOpen, setNavOpen] = useState(false);
  // Following a link on a phone folds the navigation again.
  const onNavClick = (event: MouseEvent) => {
    if ((event.target as Element).closest('a')) setNavOpen(false);
  };

  return (
    // The title belongs to the main content (axe: all content in landmarks), so the whole page is <main>.
    <main className={classNames('mt-page', sidebar != null && 'mt-page--with-sidebar', className)}>
      <div className="mt-page__header">
        {sidebar != null ? (
          <Button
            className="mt-page__nav-toggle"
            variant="ghost"
            icon={<Icon name="menu" />}
            hideLabel
            aria-expanded={navOpen}
            aria-controls={navId}
            onClick={() => setNavOpen(!navOpen)}
          >
            {t('nav.menu')}
          </Button>
        ) : null}
        <h1 className="mt-page__title">{title}</h1>
        {actions != null ? <div className="mt-page__actions">{actions}</div> : null}
      </div>
      {sidebar != null ? (
        <nav
          id={navId}
          className={classNames('mt-page__sidebar', navOpen && 'mt-page__sidebar--open')}
          aria-label={sidebarLabel ?? t('nav.main')}
          onClick={onNavClick}
        >
          {sidebar}
        </nav>
      ) : null}
      <div className="mt-page__main">{children}</div>
    </main>
  );
}
