import { createContext, use, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { UiMessageKey } from './fr.ts';
import { createT } from './translate.ts';
import type { Locale, Messages, Translate } from './translate.ts';

type I18n = { locale: Locale; messages: readonly Messages[]; t: Translate<string> };

const french: I18n = { locale: 'fr', messages: [], t: createT<string>('fr') };
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
    return { locale: resolved, messages: all, t: createT<string>(resolved, all) };
  }, [resolved, messages, parent.messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The translate function; works without a provider (French, UI strings only). */
export function useT<K extends string = never>(): Translate<UiMessageKey | K> {
  return use(I18nContext).t;
}

export function useLocale(): Locale {
  return use(I18nContext).locale;
}
