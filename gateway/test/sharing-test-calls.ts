import type { Sharing, SharingMemberInput } from '@mytoutatice/contract';
import { startGateway, type GatewayHarness } from './gateway-harness.ts';

type Json = { id: string; name: string; createdBy?: string | null };

export const jsonBody = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Calls through the gateway as a signed-in person, for sharing tests. */
export function sharingCalls(gw: GatewayHarness) {
  const expectStatus = async (res: Response, status: number) => {
    if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    async folder(token: string, parent: string, name: string, base = '/api') {
      return (await (await expectStatus(await gw.call(token, `${base}/files/${parent}/folders`, jsonBody('POST', { name })), 201)).json()) as Json;
    },
    async upload(token: string, parent: string, name: string, content = name, base = '/api') {
      return (await (await expectStatus(await gw.call(token, `${base}/files/${parent}/files?name=${encodeURIComponent(name)}`, { method: 'POST', body: content }), 201)).json()) as Json;
    },
    async share(token: string, itemId: string, members: SharingMemberInput[]) {
      return (await (await expectStatus(await gw.call(token, '/gateway/sharings', jsonBody('POST', { itemId, members })), 201)).json()) as Sharing;
    },
    /** The names a listing shows. */
    async names(token: string, path: string) {
      const res = await expectStatus(await gw.call(token, path), 200);
      return ((await res.json()) as { items: Json[] }).items.map((item) => item.name).sort();
    },
    /** The status and problem code of an answer. */
    async outcome(res: Response) {
      const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { code?: string }) : {};
      return body.code === undefined ? res.status : `${res.status} ${body.code}`;
    },
  };
}

/** Signed-in people for sharing tests, on two storage nodes behind one gateway. */
export type TwoNodeClass = { gw: GatewayHarness; calls: ReturnType<typeof sharingCalls>; teacher: string; pupil: string; agent: string; secondPupil: string };

/** The teacher (`enseignant`) and the agent on the first node, the two pupils (`eleve`, `admin`) on the second. */
export async function twoNodeClass(): Promise<TwoNodeClass> {
  const gw = await startGateway({}, { nodes: 2 });
  return {
    gw,
    calls: sharingCalls(gw),
    teacher: await gw.onboard('enseignant'),
    pupil: await gw.onboard('eleve', gw.secondStorage),
    agent: await gw.onboard('agent'),
    secondPupil: await gw.onboard('admin', gw.secondStorage),
  };
}
