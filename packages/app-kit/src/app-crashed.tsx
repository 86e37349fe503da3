import { ErrorPanel, errorText, useT } from '@mytoutatice/ui';

/**
 * What an app's area shows when the app crashed: the dictionary's sentence for the error's code
 * (« Une erreur est survenue. » for a crash that has none), never the error's own text, which
 * may be the server's or a stack's words.
 */
export function AppCrashed({ name, error }: { name: string; error: unknown }) {
  const t = useT();
  return <ErrorPanel title={t('error.appCrashed', { name })} detail={errorText(t, error)} onRetry={() => window.location.reload()} />;
}
