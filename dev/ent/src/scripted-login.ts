/**
 * Signs in through the ENT's real authorization-code + PKCE flow without a browser: fetch and a
 * cookie jar, as oidc-client-ts and a person would do it. For tests, benchmarks and the demo
 * seed, which need real tokens from a real provider.
 */
import { createHash, randomBytes } from 'node:crypto';

export type OidcClientSettings = { issuer: string; publicUrl: string; clientId: string };

export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attrs.find((a) => a.trim().toLowerCase().startsWith('expires='));
      const expired = expires !== undefined && new Date(expires.split('=')[1] ?? '').getTime() <= Date.now();
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A fetch that never follows redirects and keeps cookies, like one browser tab. */
export function browser(issuer: string) {
  const jar = new CookieJar();
  async function request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.cookies.size) headers.set('cookie', jar.header());
    const res = await fetch(new URL(url, issuer), { ...init, headers, redirect: 'manual' });
    jar.store(res);
    return res;
  }
  return { issuer, jar, request };
}

export type Browser = ReturnType<typeof browser>;

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(client: OidcClientSettings, params: Record<string, string>): string {
  const url = new URL('/auth', client.issuer);
  const all: Record<string, string> = {
    client_id: client.clientId,
    redirect_uri: `${client.publicUrl}/auth/callback`,
    response_type: 'code',
    scope: 'openid profile email',
    state: randomBytes(8).toString('hex'),
    ...params,
  };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url.href;
}

export function location(res: Response): string {
  const value = res.headers.get('location');
  if (!value) throw new Error(`expected a redirect, got ${res.status}`);
  return value;
}

export function form(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

export interface SignedIn {
  tab: Browser;
  tokens: { access_token: string; id_token: string; refresh_token?: string; token_type: string; expires_in: number; scope: string };
  tokenResponse: Response;
}

/** The whole authorization-code + PKCE journey, as oidc-client-ts and a user would do it. */
export async function passwordSignIn(
  client: OidcClientSettings,
  login: string,
  password: string,
  tab = browser(client.issuer),
): Promise<SignedIn> {
  const { issuer } = client;
  const { verifier, challenge } = pkce();
  const start = await tab.request(authorizeUrl(client, { code_challenge: challenge, code_challenge_method: 'S256' }));
  const interaction = location(start);
  await tab.request(interaction);
  const afterLogin = await tab.request(`${interaction}/login`, form({ login, password }));
  if (afterLogin.status !== 303) throw new Error(`login failed for ${login}: ${afterLogin.status}`);
  const callback = await followToClient(tab, location(afterLogin), client.publicUrl);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.href}`);
  const tokenResponse = await fetch(`${issuer}/token`, {
    ...form({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${client.publicUrl}/auth/callback`,
      client_id: client.clientId,
      code_verifier: verifier,
    }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: client.publicUrl },
  });
  if (tokenResponse.status !== 200) throw new Error(`token endpoint: ${tokenResponse.status} ${await tokenResponse.text()}`);
  return { tab, tokens: (await tokenResponse.json()) as SignedIn['tokens'], tokenResponse };
}

/** Follows the ENT's own redirects until one leaves for the Home; returns that URL. */
export async function followToClient(tab: Browser, url: string, publicUrl: string): Promise<URL> {
  let next = new URL(url, tab.issuer);
  for (let hops = 0; hops < 10; hops++) {
    if (next.origin === new URL(publicUrl).origin) return next;
    next = new URL(location(await tab.request(next.href)), next);
  }
  throw new Error('too many redirects');
}
