import { describe, expect, it } from 'vitest';
import { errorText } from './error-text.ts';
import { fr } from './fr.ts';
import { createT } from './translate.ts';

describe(errorText.name, () => {
  const t = createT('fr');
  it('says what the stable code means, in the dictionary’s words', () => {
    expect(errorText(t, { code: 'quota_exceeded', message: 'Quota exceeded: 413 from upstream' })).toBe(fr['error.quota_exceeded']);
  });
  it('falls back to the generic sentence for unknown codes and for anything not an API error', () => {
    expect(errorText(t, { code: 'no_such_code' })).toBe(fr['error.generic']);
    expect(errorText(t, new Error('socket hang up'))).toBe(fr['error.generic']);
    expect(errorText(t, undefined)).toBe(fr['error.generic']);
  });
});
