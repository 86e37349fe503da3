import { queryString, type ApiResponse, type ApiRoute, type RouteAnswer, type RouteCallInput } from '@mytoutatice/contract';
import { ApiError, apiErrorFrom, networkError } from './api-error.ts';
import { parseResponse } from './parse-response.ts';
import type { Schema } from './parse-response.ts';
import { routeTarget } from './route-target.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;
/** Returns the current access token (the shell's OIDC token, or an app's scoped token). */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export type TransportOptions = {
  /** Origin (and path prefix) of the gateway; '' for same-origin relative URLs. */
  baseUrl: string;
  getToken: TokenSource;
  /**
   * Called on a 401 to renew the token (once per request; concurrent 401s share one call), then
   * the request is sent again. Returning (or resolving to) `false` means no new token: no retry.
   */
  onUnauthorized?: () => boolean | void | Promise<boolean | void>;
  fetch?: typeof fetch;
  /** Delay before the first retry; doubled on each try. */
  retryDelayMs?: number;
};

export type RequestOptions = {
  method?: HttpMethod;
  query?: Query;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is; ignored when `json` is given. Sent again on a retry: a Blob, string or buffer, not a stream. */
  body?: BodyInit;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal | undefined;
};

export type Transport = {
  readonly baseUrl: string;
  /** The absolute (or same-origin) URL of an API path, with its query string. */
  url(path: string, query?: Query): string;
  /** Sends a request; resolves with a 2xx Response, throws ApiError otherwise. */
  send(path: string, options?: RequestOptions): Promise<Response>;
  /** Sends a request and validates the JSON answer against a contract schema. */
  request<T>(path: string, schema: Schema<T>, options?: RequestOptions): Promise<T>;
  /**
   * Calls a route of the contract's table: its path built from `params`, its query and JSON body
   * as the table types them, the answer checked against the route's schema for the status met.
   */
  call<R extends ApiRoute>(route: R, input: RouteCallInput<R>, options?: RouteCallOptions): Promise<RouteAnswer<R>>;
  /** `{ Authorization: 'Bearer …' }`, or `{}` without a token (for XMLHttpRequest uploads). */
  authorization(): Promise<Record<string, string>>;
  /** Runs `onUnauthorized`; false when there is no hook, it failed or it returned false. */
  renewToken(): Promise<boolean>;
};

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const TRANSIENT_STATUS: ReadonlySet<number> = new Set([502, 503, 504]);
const MAX_TRIES = 3;

export function createTransport(options: TransportOptions): Transport {
  const { getToken, onUnauthorized, retryDelayMs = 200 } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let renewing: Promise<boolean> | null = null;

  function url(path: string, query?: Query): string {
    return `${baseUrl}${path}${queryString(query)}`;
  }

  async function authorization(): Promise<Record<string, string>> {
    let token: string | null | undefined;
    try {
      token = await getToken();
    } catch (cause) {
      throw new ApiError({ status: 401, code: 'unauthenticated', title: 'Session indisponible', cause });
    }
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  function renewToken(): Promise<boolean> {
    if (!onUnauthorized) return Promise.resolve(false);
    renewing ??= (async () => {
      try {
        return (await onUnauthorized()) !== false;
      } catch {
        return false;
      } finally {
        renewing = null;
      }
    })();
    return renewing;
  }

  async function send(path: string, request: RequestOptions = {}): Promise<Response> {
    const method = request.method ?? 'GET';
    const { signal } = request;
    const retryable = IDEMPOTENT.has(method);
    let renewed = false;
    for (let tries = 1; ; ) {
      const headers: Record<string, string> = { ...(await authorization()), ...request.headers };
      let body = request.body;
      if (request.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(request.json);
      }
      let response: Response;
      try {
        response = await doFetch(url(path, request.query), { method, headers, body, signal });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (retryable && tries < MAX_TRIES) {
          await wait(retryDelayMs * 2 ** (tries++ - 1), signal);
          continue;
        }
        throw networkError(error);
      }
      if (response.ok) return response;
      if (retryable && TRANSIENT_STATUS.has(response.status) && tries < MAX_TRIES) {
        await discard(response);
        await wait(retryDelayMs * 2 ** (tries++ - 1), signal);
        continue;
      }
      const error = apiErrorFrom({
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await readText(response, signal),
        requestId: response.headers.get('x-request-id'),
      });
      if (response.status === 401 && !renewed) {
        renewed = true;
        if (await renewToken()) continue;
      }
      throw error;
    }
  }

  async function request<T>(path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
    const response = await send(path, { ...options, headers: { Accept: 'application/json', ...options.headers } });
    return parseResponse(schema, await readText(response, options.signal), response.status);
  }

  async function call<R extends ApiRoute>(route: R, input: RouteCallInput<R>, options: RouteCallOptions = {}): Promise<RouteAnswer<R>> {
    const { apiBase, headers, signal } = options;
    const response = await send(routeTarget(route, input.params ?? ({} as never), apiBase), {
      method: route.method.toUpperCase() as HttpMethod,
      query: input.query as Query | undefined,
      json: input.body,
      headers: { Accept: 'application/json', ...headers },
      signal,
    });
    const text = await readText(response, signal);
    const responses: Readonly<Record<number, ApiResponse>> = route.responses;
    const payload = responses[response.status]?.payload;
    if (payload === undefined || payload === 'binary') return undefined as RouteAnswer<R>;
    return parseResponse(payload as Schema<RouteAnswer<R>>, text, response.status);
  }

  return { baseUrl, url, send, request, call, authorization, renewToken };
}

async function readText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw networkError(error);
  }
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is not needed; a failure to drop it changes nothing.
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What every resource call accepts. */
export type CallOptions = { signal?: AbortSignal | undefined };
/** A route call's options: where the storage's routes are (`/api` by default), headers (`If-Match`). */
export type RouteCallOptions = CallOptions & { apiBase?: string | undefined; headers?: Readonly<Record<string, string>> | undefined };
/** Cursor pagination: `cursor` is the previous page's `next`. */
export type PageOptions = CallOptions & { cursor?: string | null | undefined; limit?: number | undefined };
