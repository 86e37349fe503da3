import type { ReactNode } from 'react';
import type { Document } from '@mytoutatice/contract';
import { useDocuments } from '@mytoutatice/sdk/react';
import { EmptyState, ErrorPanel, errorText, Loading, PageLayout, useT } from '@mytoutatice/ui';

export type DocumentsPageProps = {
  title: string;
  doctype: string;
  /** Heading of the list, when there is one. */
  listTitle?: string;
  empty: { title: string; text: string; icon?: ReactNode };
  loadError: string;
  /** What a row shows for one document. */
  label: (doc: Document) => string;
  actions?: ReactNode;
};

/** An app's first screen over one doctype: its documents, or the empty state that explains it. */
export function DocumentsPage({ title, doctype, listTitle, empty, loadError, label, actions }: DocumentsPageProps) {
  const t = useT();
  const docs = useDocuments(doctype);
  let body: ReactNode;
  if (docs.isPending) body = <Loading />;
  else if (docs.isError) body = <ErrorPanel title={loadError} detail={errorText(t, docs.error)} onRetry={() => void docs.refetch()} />;
  else if (docs.data.items.length === 0) body = <EmptyState title={empty.title} text={empty.text} icon={empty.icon} />;
  else
    body = (
      <section aria-label={listTitle ?? title}>
        {listTitle && <h2>{listTitle}</h2>}
        <ul className="mt-list">
          {docs.data.items.map((doc) => (
            <li key={doc.id}>{label(doc)}</li>
          ))}
        </ul>
      </section>
    );
  return (
    <PageLayout title={title} actions={actions}>
      {body}
    </PageLayout>
  );
}
