import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppPasswordLabel, MAX_APP_PASSWORD_LABEL } from './app-passwords.ts';

/** Mostly printable text, with spaces, emoji, controls and lone surrogates mixed in. */
const labelLike = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\t', '\n', '\u0000', '📱', '\ud800', '\u00a0'), maxLength: 110 }),
);

describe('AppPasswordLabel', () => {
  it('keeps a label trimmed, of 1 to 100 characters, free of controls and lone surrogates, and refuses the rest', () => {
    fc.assert(
      fc.property(labelLike, (raw) => {
        const parsed = AppPasswordLabel.safeParse(raw);
        const trimmed = raw.trim();
        const acceptable = trimmed !== '' && [...trimmed].length <= MAX_APP_PASSWORD_LABEL && !/[\p{Cc}\p{Cs}]/u.test(trimmed);
        expect(parsed.success).toBe(acceptable);
        if (parsed.success) expect(parsed.data).toBe(trimmed);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts characters as people see them, not UTF-16 units', () => {
    expect(AppPasswordLabel.safeParse('📱'.repeat(MAX_APP_PASSWORD_LABEL)).success).toBe(true);
    expect(AppPasswordLabel.safeParse('📱'.repeat(MAX_APP_PASSWORD_LABEL + 1)).success).toBe(false);
    expect(AppPasswordLabel.parse('  Téléphone de Zoé  ')).toBe('Téléphone de Zoé');
  });
});
