import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe(readConfig.name, () => {
  const read = (types: string) => readConfig({ INTERNAL_TOKEN_SECRET: 'x'.repeat(32), OIDC_ACCESS_TOKEN_TYPES: types }).OIDC_ACCESS_TOKEN_TYPES;

  it('reads the access token types as a list, in any case, with both by default', () => {
    expect(readConfig({ INTERNAL_TOKEN_SECRET: 'x'.repeat(32) }).OIDC_ACCESS_TOKEN_TYPES).toEqual(['at+jwt', 'JWT']);
    expect(read(' AT+JWT , jwt ')).toEqual(['at+jwt', 'JWT']);
    expect(read('JWT')).toEqual(['JWT']);
  });

  it('refuses an empty or unknown type at boot', () => {
    expect(() => read('')).toThrow(/OIDC_ACCESS_TOKEN_TYPES/);
    expect(() => read('at+jwt,id_token')).toThrow(/OIDC_ACCESS_TOKEN_TYPES/);
  });
});
