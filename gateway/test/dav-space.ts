import type { GatewayHarness } from './gateway-harness.ts';

/** A WebDAV client's view of a space: where, who, and a real device app password. */
export type DavSpace = { url: string; slug: string; password: string; accessToken: string };

/** Onboards `login` through the gateway and creates a device app password for its space. */
export async function davSpace(gw: GatewayHarness, login: string): Promise<DavSpace> {
  const accessToken = await gw.onboard(login);
  const { space } = (await (await gw.call(accessToken, '/gateway/me')).json()) as { space: { slug: string } };
  return { url: `${gw.url}/dav/files/`, slug: space.slug, password: await gw.storage.createAppPassword(space.slug), accessToken };
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
