import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { HttpError } from '@mytoutatice/server-kit';
import { readConfig } from '../config/config.ts';
import { startLocalIssuer } from '../../test/local-issuer.ts';
import type { LocalIssuer } from '../../test/local-issuer.ts';
import { accessTokens, idTokens } from '../../test/provider-token-shapes.ts';
import type { TokenShape } from '../../test/provider-token-shapes.ts';
import { createTokenVerifier } from './verify-token.ts';
import type { TokenVerifierOptions } from './verify-token.ts';

let op: LocalIssuer;
beforeAll(async () => {
  op = await startLocalIssuer();
});
afterAll(async () => {
  await op.close();
});

const verifier = (options: Partial<TokenVerifierOptions> = {}) =>
  createTokenVerifier({ issuer: op.issuer, audience: 'mytoutatice', profileClaim: 'profil', ...options });
const token = ({ typ, claims }: TokenShape, extra: Record<string, unknown> = {}) => op.sign({ ...claims, ...extra }, { typ });

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe(createTokenVerifier.name, () => {
  it.each(Object.entries(accessTokens))('accepts a %s access token and reads the person from it', async (_provider, shape) => {
    await expect(verifier()(await token(shape))).resolves.toEqual({
      sub: 'u-1042',
      username: 'eleve',
      name: 'Élise Lève',
      email: 'eleve@exemple.fr',
      profile: 'pupil',
    });
  });

  it.each(Object.entries(idTokens))('never lets a %s id_token open the API', async (_provider, shape) => {
    const error = await refusal(verifier()(await token(shape)));
    expect(error).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('accepts typ JWT written as the media type, and tokens with no typ at all when their claims say access token', async () => {
    await expect(verifier()(await op.sign(accessTokens.lemonldap.claims, { typ: 'application/jwt' }))).resolves.toMatchObject({ sub: 'u-1042' });
    await expect(verifier()(await op.sign(accessTokens.lemonldap.claims, { typ: null }))).resolves.toMatchObject({ sub: 'u-1042' });
    await expect(verifier()(await op.sign(accessTokens.rfc9068.claims, { typ: 'application/AT+JWT' }))).resolves.toMatchObject({ sub: 'u-1042' });
  });

  it('refuses access tokens issued to another client, and tokens of other types', async () => {
    const refused = [
      await token(accessTokens.keycloak, { azp: 'another-client' }),
      await token(accessTokens.lemonldap, { aud: ['another-client'], client_id: 'another-client' }),
      await token(accessTokens.rfc9068, { aud: 'another-client' }),
      // A JWT typed at+jwt must name the API in its audience: `azp` is not enough there.
      await token(accessTokens.rfc9068, { aud: 'account', azp: 'mytoutatice' }),
      await token({ ...accessTokens.lemonldap, typ: 'app+jwt' }),
      await token({ ...accessTokens.lemonldap, typ: 'logout+jwt' }),
      // An id_token that happens to carry a scope still carries its at_hash.
      await token(idTokens.lemonldap, { scope: 'openid' }),
    ];
    for (const jwt of refused) {
      expect(await refusal(verifier()(jwt))).toMatchObject({ status: 401, code: 'invalid_token' });
    }
  });

  it('takes only at+jwt tokens when configured so', async () => {
    const { OIDC_ACCESS_TOKEN_TYPES } = readConfig({ INTERNAL_TOKEN_SECRET: 'x'.repeat(32), OIDC_ACCESS_TOKEN_TYPES: 'at+jwt' });
    const strict = verifier({ accessTokenTypes: OIDC_ACCESS_TOKEN_TYPES });
    await expect(strict(await token(accessTokens.rfc9068))).resolves.toMatchObject({ sub: 'u-1042' });
    expect(await refusal(strict(await token(accessTokens.lemonldap)))).toMatchObject({ status: 401, code: 'invalid_token' });
    expect(await refusal(strict(await token(accessTokens.keycloak)))).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('says only that the session is not valid, and logs the reason at debug level', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const verify = verifier({ log });
    const good = await token(accessTokens.lemonldap);
    const [h, p] = good.split('.') as [string, string, string];
    const badSignature = `${h}.${p}.${'A'.repeat(342)}`;

    const error = await refusal(verify(badSignature));
    expect(error).toMatchObject({ status: 401, code: 'invalid_token', detail: 'Votre session n’est pas valide : reconnectez-vous.' });
    expect(error.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(error.message).not.toMatch(/ERR_|JWS|JWT/);
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ level: 20, code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', msg: 'access token refused' }),
    );

    lines.length = 0;
    await refusal(verify(await token(idTokens.lemonldap)));
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ code: 'not_an_access_token' }));
  });

  it('tells an expired token apart, and a token that is not a JWT is refused the same way', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(verifier()(await token(accessTokens.lemonldap, { exp: now - 120 })))).toMatchObject({
      status: 401,
      detail: 'Votre session a expiré : reconnectez-vous.',
    });
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const { claims } = accessTokens.lemonldap;
    for (const malformed of [
      'not-a-jwt',
      'a.b.c',
      '..',
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
      `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2ln`,
      `${b64({ alg: 'RS256', kid: 'unknown', typ: 'JWT' })}.${b64(claims)}.c2ln`,
      `${b64({ alg: 'RS256', kid: 'local-1', typ: 'JWT' })}.bm90IGpzb24.c2ln`,
    ]) {
      expect(await refusal(verifier()(malformed))).toMatchObject({ status: 401, code: 'invalid_token' });
    }
    expect(await refusal(verifier()(await token(accessTokens.lemonldap, { iss: 'http://evil.example' })))).toMatchObject({ status: 401 });
  });

  it('answers 502, not 401, when the issuer cannot be reached: signing in again would not help', async () => {
    const gone = createTokenVerifier({ issuer: 'http://127.0.0.1:9', audience: 'mytoutatice', profileClaim: 'profil' });
    expect(await refusal(gone(await token(accessTokens.lemonldap)))).toMatchObject({ status: 502, code: 'upstream_unavailable' });
  });
});
