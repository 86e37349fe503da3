import { describe, expect, it } from 'vitest';
import { defaultKeysFile, readEntConfig } from './config.ts';

describe(readEntConfig.name, () => {
  it('defaults to the stable local setup', () => {
    expect(readEntConfig({})).toEqual({
      port: 8090,
      host: undefined,
      issuer: 'http://localhost:8090',
      publicUrl: 'http://localhost:8080',
      clientId: 'mytoutatice',
      keysFile: defaultKeysFile,
      accessTokenTtl: 900,
      logLevel: 'warn',
    });
    expect(defaultKeysFile).toMatch(/\/\.data\/ent\/keys\.json$/);
  });

  it('derives the issuer from ENT_PORT and trims trailing slashes', () => {
    const config = readEntConfig({ ENT_PORT: '9000', PUBLIC_URL: 'https://my.example.fr/' });
    expect(config.issuer).toBe('http://localhost:9000');
    expect(config.publicUrl).toBe('https://my.example.fr');
  });

  it('rejects bad values with the variable named', () => {
    expect(() => readEntConfig({ ACCESS_TOKEN_TTL: '-1' })).toThrow(/ACCESS_TOKEN_TTL/);
    expect(() => readEntConfig({ ENT_ISSUER: 'https://ent.example.fr/oidc' })).toThrow(/ENT_ISSUER/);
  });
});
