import type { UiMessageKey } from './fr.ts';
import type { Translate } from './translate.ts';

/**
 * The dictionary's sentence for an error's stable `code` (the sdk's ApiError carries one), so
 * people never read a raw server message; « Une erreur est survenue » for anything else.
 */
export function errorText(t: Translate<UiMessageKey>, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code === undefined) return t('error.generic');
  // Codes are the contract's, each with its sentence in the ui dictionary; a newer server's may not be.
  const key = `error.${code}` as UiMessageKey;
  const text = t(key);
  return text === key ? t('error.generic') : text;
}
