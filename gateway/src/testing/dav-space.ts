import type { GatewayHarness } from './gateway-harness.ts';

/** A WebDAV client's view of a space: where, who, and a real device app password. */
export type DavSpace = { url: string; slug: string; password: string; accessToken: string };

/** Onboards `login` through the gateway and creates a device app password for its space. */
export async function davSpace(gw: GatewayHarness, login: string, email: string): Promise<DavSpace> {
  const { access_token } = await gw.tokenFor(login);
  const created = await gw.call(access_token, '/gateway/onboarding', {
    method: 'POST',
    body: JSON.stringify({ email, acceptCgu: true }),
    headers: { 'content-type': 'application/json' },
  });
  if (created.status !== 201) throw new Error(`onboarding ${login}: ${created.status}`);
  const { slug } = (await created.json()) as { slug: string };
  return { url: `${gw.url}/dav/files/`, slug, password: await gw.storage.createAppPassword(slug), accessToken: access_token };
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
