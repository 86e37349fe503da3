import type { IncomingMessage, ServerResponse } from 'node:http';
import { openApiJson } from '@mytoutatice/contract';

export const OPENAPI_PATH = '/api/openapi.json';

/**
 * `GET /api/openapi.json`, without a token: the contract's OpenAPI document, built on the first
 * ask and kept (it only changes with a release). Answers whether it served the request; anything
 * else under `/api` stays the proxy's.
 */
export function openApiRoute(): (req: IncomingMessage, res: ServerResponse) => boolean {
  let body: Buffer | undefined;
  // Asked of every request ahead of the `/api` proxy (the hot path): no allocation to say no.
  const isOurs = (url: string) => url.startsWith(OPENAPI_PATH) && (url.length === OPENAPI_PATH.length || url[OPENAPI_PATH.length] === '?');
  return (req, res) => {
    if (!isOurs(req.url ?? '') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    body ??= Buffer.from(openApiJson());
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.byteLength,
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
