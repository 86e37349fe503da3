import type { Logger } from 'pino';
import {
  ErrorCode,
  queryString,
  routePath,
  type ApiRoute,
  type RouteAnswer,
  type RouteCallInput,
} from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { InternalTokenMinter } from '../auth/internal-token.ts';

/** A storage node and who calls it: a fresh internal token for each call (tokens live a minute). */
export type StorageTarget = { readonly backendUrl: string; readonly token: () => Promise<string> };

/** A space as the directory knows it. */
export type StorageSpace = { readonly backendUrl: string; readonly instanceId: string };

export type StorageClientOptions = {
  mint: InternalTokenMinter;
  log: Logger;
  /** A call that carries no content answers within this, or the node is taken as hung (504). */
  timeoutMs: number;
};

/** A file's content sent as the body (an upload), streamed: it takes as long as it takes, so no timeout. */
export type ContentBody = { readonly body: ReadableStream<Uint8Array> | null; readonly headers?: Readonly<Record<string, string>> };

type Schema = { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } };

function payloadOf(route: ApiRoute, status: number): Schema | 'binary' | undefined {
  return route.responses[status]?.payload as Schema | 'binary' | undefined;
}

/**
 * The gateway's one way to call a storage node: routes of the contract's table, answers checked
 * against its schemas. What the storage refuses (4xx) is passed on with its own status, code and
 * detail (a `name_conflict` stays one, with its `suggestedName`); a node that cannot be reached
 * or answers nonsense (5xx, a malformed answer) is 502 `upstream_unavailable`, logged; one that
 * does not answer in time is 504 `upstream_timeout`.
 */
export class StorageClient {
  readonly #mint: InternalTokenMinter;
  readonly #log: Logger;
  readonly #timeoutMs: number;

  constructor(options: StorageClientOptions) {
    this.#mint = options.mint;
    this.#log = options.log;
    this.#timeoutMs = options.timeoutMs;
  }

  /** The space's owner: what the person themself may do. */
  asOwner(space: StorageSpace): StorageTarget {
    return { backendUrl: space.backendUrl, token: () => this.#mint('owner', space.instanceId) };
  }

  /** The gateway's own admin calls (creating an instance, checking an app password). */
  asAdmin(backendUrl: string): StorageTarget {
    return { backendUrl, token: () => this.#mint('admin') };
  }

  /**
   * Calls a route; answers its JSON payload, checked against the route's response schema. The
   * body is the route's JSON, or `content` streamed (then without a timeout).
   */
  async call<R extends ApiRoute>(target: StorageTarget, route: R, input: RouteCallInput<R>, content?: ContentBody): Promise<RouteAnswer<R>> {
    const signal = content ? undefined : AbortSignal.timeout(this.#timeoutMs);
    const init: RequestInit & { duplex?: 'half' } = content
      ? { body: content.body, duplex: 'half', headers: { ...content.headers } }
      : input.body === undefined
        ? {}
        : { body: JSON.stringify(input.body), headers: { 'content-type': 'application/json' } };
    const res = await this.#send(target, route, input, init, signal);
    const payload = payloadOf(route, res.status);
    if (payload === undefined || payload === 'binary') {
      await res.body?.cancel().catch(() => undefined);
      return undefined as RouteAnswer<R>;
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      throw this.#upstreamFailure(route, signal?.aborted ? 'timeout' : 'unreadable answer', err);
    }
    const parsed = payload.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
      throw this.#upstreamFailure(route, `answer breaks the contract (${issues.join('; ')})`);
    }
    return parsed.data as RouteAnswer<R>;
  }

  /** Calls a route that answers a file's content; answers the 2xx response, its body unread (and no timeout: it streams). */
  async content<R extends ApiRoute>(target: StorageTarget, route: R, input: RouteCallInput<R>): Promise<Response> {
    return this.#send(target, route, input, {}, undefined);
  }

  async #send<R extends ApiRoute>(target: StorageTarget, route: R, input: RouteCallInput<R>, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
    const url = `${target.backendUrl}${routePath(route, input.params ?? ({} as never))}${queryString(input.query as Record<string, string | number | undefined>)}`;
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        method: route.method.toUpperCase(),
        headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${await target.token()}` },
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      throw this.#upstreamFailure(route, signal?.aborted ? 'timeout' : 'unreachable', err);
    }
    if (res.ok) return res;
    throw await this.#refusal(route, res);
  }

  /** A storage refusal as the gateway's own answer, or the node failing. */
  async #refusal(route: ApiRoute, res: Response): Promise<HttpError> {
    if (res.status < 400 || res.status > 499) {
      await res.body?.cancel().catch(() => undefined);
      return this.#upstreamFailure(route, `answered ${res.status}`);
    }
    const body = (await res.json().catch(() => ({}))) as { code?: unknown; detail?: unknown; suggestedName?: unknown };
    const code = ErrorCode.safeParse(body.code);
    if (!code.success) return this.#upstreamFailure(route, `answered ${res.status} without a known problem code`);
    const detail = typeof body.detail === 'string' ? body.detail : undefined;
    const suggestedName = typeof body.suggestedName === 'string' ? body.suggestedName : undefined;
    return new HttpError(res.status, code.data, detail, suggestedName === undefined ? {} : { extras: { suggestedName } });
  }

  #upstreamFailure(route: ApiRoute, why: string, err?: unknown): HttpError {
    this.#log.warn({ err, operationId: route.operationId, why }, 'storage call failed');
    return why === 'timeout' ? new HttpError(504, 'upstream_timeout') : new HttpError(502, 'upstream_unavailable');
  }
}
