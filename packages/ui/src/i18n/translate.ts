import { en } from './en.ts';
import { fr } from './fr.ts';
import type { UiMessageKey } from './fr.ts';

export type Locale = 'fr' | 'en';
export const locales: readonly Locale[] = ['fr', 'en'];

/**
 * An app's own dictionaries, added on top of the UI's. French is the reference (its keys are the
 * app's keys); English may lag behind and falls back to French.
 */
export type Messages<K extends string = string> = {
  readonly fr: Readonly<Record<K, string>>;
  readonly en?: Readonly<Partial<Record<K, string>>>;
};

/** The keys of an app's dictionaries: `useT<MessageKeys<typeof driveMessages>>()`. */
export type MessageKeys<M extends Messages> = Extract<keyof M['fr'], string>;

export type TParams = Readonly<Record<string, string | number>>;
/** `t('status.uploading', { name })`: replaces `{name}`; numbers are formatted for the locale. */
export type Translate<K extends string = UiMessageKey> = (key: K, params?: TParams) => string;

/** `en`, `en-GB` → `en`; anything else (French is the default) → `fr`. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A translate function for a locale, over the UI's strings plus the given apps' dictionaries. */
export function createT<K extends string = never>(
  locale: Locale,
  extra: readonly Messages[] = [],
): Translate<UiMessageKey | K> {
  const french = new Map<string, string>(Object.entries(fr));
  const local = new Map<string, string | undefined>(locale === 'en' ? Object.entries(en) : []);
  for (const messages of extra) {
    for (const [key, value] of Object.entries(messages.fr)) french.set(key, value);
    if (locale === 'en') for (const [key, value] of Object.entries(messages.en ?? {})) local.set(key, value);
  }
  const numbers = new Intl.NumberFormat(locale);
  return (key, params) => {
    const template = local.get(key) ?? french.get(key) ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
