import { describe, expect, it } from 'vitest';
import { caretColour } from './caret-colour.ts';

describe(caretColour.name, () => {
  it('gives one person the same colour every time, and people different ones', () => {
    expect(caretColour('eleve')).toBe(caretColour('eleve'));
    const colours = new Set(['eleve', 'prof', 'parent', 'admin', 'cpe'].map(caretColour));
    expect(colours.size).toBeGreaterThan(1);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});
