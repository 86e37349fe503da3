import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnt } from './app.ts';
import {
  CLIENT_ID,
  PUBLIC_URL,
  REDIRECT_URI,
  authorizeUrl,
  browser,
  followToClient,
  form,
  location,
  pkce,
  signIn,
  startEnt,
} from './test-client.ts';
import type { RunningEnt } from './test-client.ts';

let run: RunningEnt;
let issuer: string;

beforeAll(async () => {
  run = await startEnt();
  issuer = run.issuer;
});
afterAll(() => run.close());

async function verifyAccessToken(token: string) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  return jwtVerify(token, jwks, { issuer, audience: CLIENT_ID, typ: 'at+jwt' });
}

function silentAuthorizeUrl(): string {
  return authorizeUrl(issuer, {
    prompt: 'none',
    redirect_uri: `${PUBLIC_URL}/silent-renew.html`,
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
  });
}

describe(createEnt.name, () => {
  it('publishes a discovery document with its issuer and keys', async () => {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`, { headers: { origin: PUBLIC_URL } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(issuer);
    expect(doc.jwks_uri).toBe(`${issuer}/jwks`);
    expect(doc.end_session_endpoint).toBe(`${issuer}/session/end`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${issuer}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('signs a pupil in with PKCE and issues a JWT access token for the gateway', async () => {
    const { tokens, tokenResponse } = await signIn(issuer, 'eleve');
    expect(tokenResponse.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBeLessThanOrEqual(900);

    const { payload, protectedHeader } = await verifyAccessToken(tokens.access_token);
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      iss: issuer,
      aud: CLIENT_ID,
      client_id: CLIENT_ID,
      sub: '8a3e5d9c-1b2f-4e67-8d40-2c9f6a1b3e02',
      email: 'jordan.abiven@eleve.ac-rennes.fr',
      name: 'Jordan Abiven',
      preferred_username: 'eleve',
      profil: 'eleve',
    });
    expect(payload.roles).toBeUndefined();
    expect(String(payload.scope).split(' ').sort()).toEqual(['email', 'openid', 'profile']);

    expect(decodeJwt(tokens.id_token)).toMatchObject({
      aud: CLIENT_ID,
      sub: payload.sub,
      email: payload.email,
      name: payload.name,
      preferred_username: 'eleve',
      profil: 'eleve',
    });
  });

  it('gives the same claims at the userinfo endpoint, to the Home origin', async () => {
    const { tokens } = await signIn(issuer, 'eleve');
    const res = await fetch(`${issuer}/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: PUBLIC_URL },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
    expect(await res.json()).toEqual({
      sub: '8a3e5d9c-1b2f-4e67-8d40-2c9f6a1b3e02',
      email: 'jordan.abiven@eleve.ac-rennes.fr',
      name: 'Jordan Abiven',
      preferred_username: 'eleve',
      profil: 'eleve',
    });
    for (const wrong of ['nope', tokens.id_token]) {
      const refused = await fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${wrong}` } });
      expect(refused.status).toBe(401);
    }
  });

  it('marks teachers as staff and the académie administrator with the admin role', async () => {
    const teacher = decodeJwt((await signIn(issuer, 'enseignant')).tokens.access_token);
    expect(teacher).toMatchObject({ profil: 'staff', email: 'annabel.bourde@ac-rennes.fr', preferred_username: 'enseignant' });
    const admin = decodeJwt((await signIn(issuer, 'admin')).tokens.access_token);
    expect(admin).toMatchObject({ profil: 'staff', name: 'Sophie Schaal', roles: ['admin'] });
  });

  it('refreshes into another JWT access token', async () => {
    const { tokens } = await signIn(issuer, 'agent');
    expect(tokens.refresh_token).toBeTruthy();
    const res = await fetch(`${issuer}/token`, {
      ...form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: CLIENT_ID }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL },
    });
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as { access_token: string };
    const { payload } = await verifyAccessToken(refreshed.access_token);
    expect(payload).toMatchObject({ preferred_username: 'agent', name: 'Yannick Bré', profil: 'staff' });
  });

  it('renews silently with prompt=none while the ENT session lasts', async () => {
    const { tab } = await signIn(issuer, 'eleve');
    const callback = await followToClient(tab, silentAuthorizeUrl());
    expect(callback.pathname).toBe('/silent-renew.html');
    expect(callback.searchParams.get('code')).toBeTruthy();
  });

  it('refuses an authorization request without code_challenge', async () => {
    const res = await browser(issuer).request(authorizeUrl(issuer, {}));
    const target = new URL(location(res), issuer);
    expect(target.origin + target.pathname).toBe(REDIRECT_URI);
    expect(target.searchParams.get('error')).toBe('invalid_request');
    expect(target.searchParams.get('code')).toBeNull();
  });

  it('refuses a token request with the wrong code_verifier', async () => {
    const tab = browser(issuer);
    const { challenge } = pkce();
    const interaction = location(await tab.request(authorizeUrl(issuer, { code_challenge: challenge, code_challenge_method: 'S256' })));
    const callback = await followToClient(tab, location(await tab.request(`${interaction}/login`, form({ login: 'eleve', password: 'demo' }))));
    const res = await fetch(`${issuer}/token`, form({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: pkce().verifier,
    }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('login page', () => {
  async function openLogin() {
    const tab = browser(issuer);
    const res = await tab.request(authorizeUrl(issuer, { code_challenge: pkce().challenge, code_challenge_method: 'S256' }));
    const interaction = location(res);
    return { tab, interaction, page: await tab.request(interaction) };
  }

  it('is a French form with labelled fields and no inline script', async () => {
    const { page } = await openLogin();
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<html lang="fr">');
    expect(text).toContain("<title>Connexion à l&#39;ENT Toutatice</title>");
    expect(text).toMatch(/<label for="login">Identifiant<\/label>\s*<input[^>]+id="login"/);
    expect(text).toMatch(/<label for="password">Mot de passe<\/label>\s*<input type="password" id="password"/);
    expect(text).toContain('<button type="submit">Se connecter</button>');
    expect(text).toContain('Comptes de démonstration : enseignant, eleve, agent, admin — mot de passe demo');
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses a wrong password in French and keeps the login typed', async () => {
    const { tab, interaction } = await openLogin();
    const res = await tab.request(`${interaction}/login`, form({ login: 'eleve', password: 'mauvais' }));
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('Identifiant ou mot de passe incorrect.');
    expect(text).toMatch(/id="login" name="login" value="eleve"/);
    expect(res.headers.get('location')).toBeNull();
  });

  it('refuses an unknown login the same way', async () => {
    const { tab, interaction } = await openLogin();
    const res = await tab.request(`${interaction}/login`, form({ login: 'inconnu', password: 'demo' }));
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Identifiant ou mot de passe incorrect.');
  });

  it('escapes what was typed', async () => {
    const { tab, interaction } = await openLogin();
    const res = await tab.request(`${interaction}/login`, form({ login: '"><script>x</script>', password: 'x' }));
    const text = await res.text();
    expect(text).not.toContain('<script>x</script>');
    expect(text).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe('logout', () => {
  it('ends the ENT session and returns to the Home, with no click when the Home asks', async () => {
    const { tab, tokens } = await signIn(issuer, 'eleve');
    const end = new URL('/session/end', issuer);
    end.searchParams.set('id_token_hint', tokens.id_token);
    end.searchParams.set('post_logout_redirect_uri', `${PUBLIC_URL}/`);
    end.searchParams.set('state', 'bye');
    const page = await tab.request(end.href);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<html lang="fr">');
    expect(text).toContain('Se déconnecter</button>');
    expect(text).toContain('data-auto-submit="true"');
    expect(text).toContain('<script src="/static/logout.js" defer></script>');
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)/);

    // What /static/logout.js does: submit the form as it stands.
    const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1] ?? '';
    const fields = Object.fromEntries(
      [...text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(fields).toMatchObject({ logout: 'yes' });
    const confirmed = await tab.request(action, form(fields));
    expect(confirmed.status).toBe(303);
    expect(location(confirmed)).toBe(`${PUBLIC_URL}/?state=bye`);

    const silent = await followToClient(tab, silentAuthorizeUrl());
    expect(silent.searchParams.get('error')).toBe('login_required');

    const again = await tab.request(authorizeUrl(issuer, { code_challenge: pkce().challenge, code_challenge_method: 'S256' }));
    expect(location(again)).toMatch(/^\/interaction\//);

    const refresh = await fetch(`${issuer}/token`, form({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: CLIENT_ID,
    }));
    expect(refresh.status).toBe(400);
  });

  it('asks before logging out when no client vouches for the request', async () => {
    const { tab } = await signIn(issuer, 'eleve');
    const text = await (await tab.request('/session/end')).text();
    expect(text).toContain('data-auto-submit="false"');
    expect(text).toContain("Voulez-vous vous déconnecter de l&#39;ENT Toutatice ?");
  });

  it('serves the auto-submit script as a file', async () => {
    const res = await fetch(`${issuer}/static/logout.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(await res.text()).toContain('data-auto-submit');
  });
});

describe('ENT desktop', () => {
  it('shows French tiles with a link to MyToutatice', async () => {
    const res = await fetch(`${issuer}/`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("<h1>Bureau de l'ENT Toutatice</h1>");
    expect(text).toContain(`<a href="${PUBLIC_URL}/">MyToutatice</a>`);
    expect(text).toContain('Messagerie');
    expect(text).toContain('Cahier de textes');
    expect(text.match(/>démo</g)).toHaveLength(2);
  });

  it('embeds the Home in a frame', async () => {
    const res = await fetch(`${issuer}/bureau/mytoutatice`);
    expect(await res.text()).toContain(`<iframe src="${PUBLIC_URL}/" title="MyToutatice">`);
    expect(res.headers.get('content-security-policy')).toContain(`frame-src ${PUBLIC_URL}`);
  });
});

describe('signing keys', () => {
  it('stay the same across restarts with the same keys file', async () => {
    const kidOf = async (r: RunningEnt) => {
      const { keys } = (await (await fetch(`${r.issuer}/jwks`)).json()) as { keys: { kid: string; d?: string }[] };
      expect(keys).toHaveLength(1);
      expect(keys[0]?.d).toBeUndefined();
      return keys[0]?.kid;
    };
    const second = await startEnt({ keysFile: run.keysFile });
    try {
      const kid = await kidOf(run);
      expect(kid).toBeTruthy();
      expect(await kidOf(second)).toBe(kid);
      const { tokens } = await signIn(second.issuer, 'eleve');
      expect(decodeProtectedHeader(tokens.access_token).kid).toBe(kid);
    } finally {
      await second.close();
    }
  });
});
