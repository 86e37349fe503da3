import type { Locale, TParams, Translate } from './translate.ts';

/** `drive.shared.members` for a dictionary holding `drive.shared.members.one` and `….other`. */
export type PluralKey<K extends string> = K extends `${infer Base}.other` ? Base : never;

/** `plural('drive.shared.members', 3)` → « 3 personnes »: `{count}` is filled in. */
export type Plural<K extends string> = (key: PluralKey<K>, count: number, params?: TParams) => string;

/**
 * Messages that depend on a count, chosen by the locale's plural rules (CLDR, through
 * `Intl.PluralRules`): `key.one` for « 0 » and « 1 » in French, for « 1 » alone in English;
 * `key.other` otherwise, or for a category the dictionary has no message of (French « many »).
 * So never « 1 personnes » nor « personne(s) ».
 */
export function createPlural<K extends string>(locale: Locale, t: Translate<K>): Plural<K> {
  const rules = new Intl.PluralRules(locale);
  return (key, count, params) => {
    const values = { ...params, count };
    const exact = `${key}.${rules.select(count)}` as K;
    const text = t(exact, values);
    // The translate function gives back an unknown key as is.
    return text === exact ? t(`${key}.other` as K, values) : text;
  };
}
