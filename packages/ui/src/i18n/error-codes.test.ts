import { ErrorCode } from '@mytoutatice/contract';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

describe('error sentences', () => {
  it('has a French and an English sentence for every stable error code of the contract', () => {
    const missing = (messages: Record<string, string>) => ErrorCode.options.filter((code) => !(`error.${code}` in messages));
    expect(missing(fr)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });
});
