import { createContext, use, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { UiMessageKey } from './fr.ts';
import { createPlural } from './plural.ts';
import type { Plural } from './plural.ts';
import { createT } from './translate.ts';
import type { Locale, Messages, Translate } from './translate.ts';

type I18n = { locale: Locale; messages: readonly Messages[]; t: Translate<string>; plural: Plural<string> };

function i18n(locale: Locale, messages: readonly Messages[]): I18n {
  const t = createT<string>(locale, messages);
  return { locale, messages, t, plural: createPlural(locale, t) };
}

const french = i18n('fr', []);
const I18nContext = createContext<I18n>(french);

export type I18nProviderProps = {
  /** Defaults to the enclosing provider's locale, else French. */
  locale?: Locale;
  /** An app's dictionaries, merged over the enclosing ones. Keep the object stable (module level). */
  messages?: Messages;
  children?: ReactNode;
};

export function I18nProvider({ locale, messages, children }: I18nProviderProps) {
  const parent = use(I18nContext);
  const resolved = locale ?? parent.locale;
  const value = useMemo(() => {
    const all = messages ? [...parent.messages, messages] : parent.messages;
    return i18n(resolved, all);
  }, [resolved, messages, parent.messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The translate function; works without a provider (French, UI strings only). */
export function useT<K extends string = never>(): Translate<UiMessageKey | K> {
  return use(I18nContext).t;
}

/** Messages chosen by a count (`key.one`, `key.other`), see `createPlural`. */
export function usePlural<K extends string = never>(): Plural<UiMessageKey | K> {
  // Held for any key (the context cannot know the app's); the app's keys type the call.
  return use(I18nContext).plural as Plural<UiMessageKey | K>;
}

export function useLocale(): Locale {
  return use(I18nContext).locale;
}
