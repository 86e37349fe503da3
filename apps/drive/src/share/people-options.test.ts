import { describe, expect, it } from 'vitest';
import { addressOf, initialsOf, nextActive, offered } from './people-options.ts';

describe(initialsOf.name, () => {
  it('takes the first and last names’ initials, upper case', () => {
    expect(initialsOf('Jordan Abiven')).toBe('JA');
    expect(initialsOf('Jean-Christophe Boulle')).toBe('JB');
    expect(initialsOf('  élodie ')).toBe('É');
  });
});

describe(nextActive.name, () => {
  it('goes round the options with the arrows, leaves Home and End to the text while none is highlighted', () => {
    expect(nextActive(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextActive(2, 'ArrowDown', 3)).toBe(0);
    expect(nextActive(-1, 'ArrowUp', 3)).toBe(2);
    expect(nextActive(0, 'ArrowUp', 3)).toBe(2);
    expect(nextActive(1, 'End', 3)).toBe(2);
    expect(nextActive(-1, 'Home', 3)).toBeNull();
    expect(nextActive(0, 'ArrowDown', 0)).toBeNull();
    expect(nextActive(0, 'a', 3)).toBeNull();
  });
});

describe(offered.name, () => {
  it('leaves out who is chosen or has access already', () => {
    const people = [
      { slug: 'eleve', name: 'Jordan Abiven', address: 'eleve.mytoutatice.cloud' },
      { slug: 'agent', name: 'Yannick Bré', address: 'agent.mytoutatice.cloud' },
    ];
    expect(offered(people, new Set(['eleve'])).map((p) => p.slug)).toEqual(['agent']);
  });
});

describe(addressOf.name, () => {
  it('gives a member the domain of one’s own space, or the bare slug when it is unknown', () => {
    expect(addressOf('eleve', { slug: 'enseignant', address: 'enseignant.mytoutatice.cloud' })).toBe('https://eleve.mytoutatice.cloud');
    expect(addressOf('eleve', null)).toBe('eleve');
  });
});
