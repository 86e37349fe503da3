import type { ReactNode } from 'react';

export type EmptyStateProps = {
  title: string;
  text?: ReactNode;
  /** Decorative, e.g. `<Icon name="folder" size={48} />`. */
  icon?: ReactNode;
  /** Usually one primary Button (« Importer des fichiers »). */
  action?: ReactNode;
  /** The heading level, to fit the page's outline (2 under a PageLayout). */
  level?: 2 | 3;
};

/** What an empty list shows: what is missing and how to add it. */
export function EmptyState({ title, text, icon, action, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="mt-empty">
      {icon ? (
        <div className="mt-empty__icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className="mt-empty__title">{title}</Heading>
      {text ? <p className="mt-empty__text">{text}</p> : null}
      {action ? <div className="mt-empty__action">{action}</div> : null}
    </div>
  );
}
