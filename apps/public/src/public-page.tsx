import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@mytoutatice/sdk';
import type { LinkVisit } from '@mytoutatice/contract';
import { ErrorPanel, Icon, Loading, errorText, formatDate, useT } from '@mytoutatice/ui';
import type { unlockTokenStore } from './link-code.ts';
import type { PublicKey } from './messages.ts';
import { FileView } from './file-view.tsx';
import { FolderView } from './folder-view.tsx';
import { PasswordForm } from './password-form.tsx';
import { useVisitor } from './visitor-context.tsx';

type Tokens = ReturnType<typeof unlockTokenStore>;

/**
 * The whole public page: what the link opens, the password form before it, or a plain French
 * page once the link is gone (disabled, expired, mistyped: a visitor cannot tell, nor need to).
 */
export function PublicPage({ tokens }: { tokens: Tokens }) {
  const t = useT<PublicKey>();
  const visitor = useVisitor();
  const queryClient = useQueryClient();
  const visit = useQuery({ queryKey: ['visit'], queryFn: ({ signal }) => visitor.visit({ signal }) });

  let body;
  if (visit.isPending) body = <Loading />;
  else if (visit.isError) {
    body = isApiError(visit.error) && visit.error.status === 404 ? <Gone /> : <ErrorPanel title={errorText(t, visit.error)} onRetry={() => void visit.refetch()} />;
  } else if (visit.data.needsPassword) {
    body = (
      <PasswordForm
        ownerName={visit.data.ownerName}
        onUnlocked={(token) => {
          tokens.set(token);
          void queryClient.invalidateQueries();
        }}
      />
    );
  } else body = <Opened visit={visit.data} />;

  return (
    <main className="pl-page">
      <header className="pl-header">
        <Icon name="share" size={24} />
        <span className="pl-brand">MyToutatice</span>
      </header>
      {body}
    </main>
  );
}

function Opened({ visit }: { visit: Extract<LinkVisit, { needsPassword: false }> }) {
  const t = useT<PublicKey>();
  return (
    <>
      <h1 className="pl-title">{t('public.sharedBy', { name: visit.ownerName })}</h1>
      <p className="pl-meta">
        {visit.access === 'write' ? t('public.editable') : null}
        {visit.expiresAt ? ` ${t('public.expires', { date: formatDate(visit.expiresAt) })}` : null}
      </p>
      {visit.item.kind === 'folder' ? <FolderView root={visit.item} editable={visit.access === 'write'} /> : <FileView fileId={visit.item.id} />}
    </>
  );
}

function Gone() {
  const t = useT<PublicKey>();
  return (
    <section className="pl-gone" aria-labelledby="pl-gone-title">
      <Icon name="alert" size={40} />
      <h1 id="pl-gone-title">{t('public.gone.title')}</h1>
      <p>{t('public.gone.text')}</p>
    </section>
  );
}
