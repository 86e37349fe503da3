import { describe, expect, it } from 'vitest';
import { createPlural } from './plural.ts';
import { createT } from './translate.ts';

const people = {
  fr: { 'found.one': '{count} personne trouvée dans {place}', 'found.other': '{count} personnes trouvées dans {place}' },
  en: { 'found.one': '{count} person found in {place}', 'found.other': '{count} people found in {place}' },
};
type Key = keyof typeof people.fr;

describe(createPlural.name, () => {
  it('follows French plural rules: 0 and 1 singular, never « 1 personnes »', () => {
    const plural = createPlural('fr', createT<Key>('fr', [people]));
    expect(plural('found', 0, { place: 'Rennes' })).toBe('0 personne trouvée dans Rennes');
    expect(plural('found', 1, { place: 'Rennes' })).toBe('1 personne trouvée dans Rennes');
    expect(plural('found', 2, { place: 'Rennes' })).toBe('2 personnes trouvées dans Rennes');
    // French's « many » (1 000 000) has no message of its own here: « other » is used.
    expect(plural('found', 1_000_000, { place: 'Rennes' })).toBe(`${(1_000_000).toLocaleString('fr')} personnes trouvées dans Rennes`);
  });

  it('follows English plural rules: 1 singular, 0 plural', () => {
    const plural = createPlural('en', createT<Key>('en', [people]));
    expect(plural('found', 1, { place: 'Rennes' })).toBe('1 person found in Rennes');
    expect(plural('found', 0, { place: 'Rennes' })).toBe('0 people found in Rennes');
    expect(plural('found', 1234, { place: 'Rennes' })).toBe('1,234 people found in Rennes');
  });
});
