import { describe, expect, it } from 'vitest';
import { bearerToken } from './authenticate.ts';

const withAuthorization = (authorization: string | undefined) => ({ headers: authorization === undefined ? {} : { authorization } });

describe(bearerToken.name, () => {
  it('reads the token whatever the case of the scheme, as HTTP says', () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      expect(bearerToken(withAuthorization(`${scheme} abc.def.ghi`))).toBe('abc.def.ghi');
    }
    expect(bearerToken(withAuthorization('Bearer   abc.def.ghi  '))).toBe('abc.def.ghi');
  });

  it('finds no token in other schemes or an empty header', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic ZWxldmU6ZGVtbw==', 'Bearerabc', 'Bearer a b']) {
      expect(bearerToken(withAuthorization(header))).toBeUndefined();
    }
  });
});
