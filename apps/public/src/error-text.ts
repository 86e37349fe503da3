import { isApiError } from '@mytoutatice/sdk';
import type { Translate } from '@mytoutatice/ui';

/** The dictionary's sentence for an error's stable code, never a raw server message. */
export function errorText(t: Translate, error: unknown): string {
  if (!isApiError(error)) return t('error.generic');
  const key = `error.${error.code}` as Parameters<Translate>[0];
  const text = t(key);
  return text === key ? t('error.generic') : text;
}
