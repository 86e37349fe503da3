import { request } from 'node:http';
import type { Agent, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** Headers that describe one hop, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'cookie',
]);

export type ForwardOptions = {
  agent: Agent;
  /** `http://host:port` of the upstream. */
  target: URL;
  path: string;
  /** Replaces or adds request headers (e.g. the internal token); undefined removes one. */
  headers: Record<string, string | undefined>;
  timeoutMs: number;
  onError: (kind: 'unavailable' | 'timeout') => void;
  /**
   * Sees the upstream's answer (status, headers to send) first; true when it answers the client
   * itself, the upstream's body being left unread.
   */
  takeOver?: (answer: IncomingMessage, headers: Record<string, string | string[]>) => boolean;
};

/**
 * Streams a request to an upstream and its answer back, both ways without buffering. Dropping
 * the client aborts the upstream request (an interrupted upload leaves nothing half-written).
 */
export function forward(req: IncomingMessage, res: ServerResponse, options: ForwardOptions): void {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  }
  for (const [name, value] of Object.entries(options.headers)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  let timedOut = false;
  const upstream = request({
    agent: options.agent,
    protocol: options.target.protocol,
    hostname: options.target.hostname,
    port: options.target.port,
    method: req.method,
    path: options.path,
    headers,
  });
  upstream.setTimeout(options.timeoutMs, () => {
    timedOut = true;
    upstream.destroy();
  });
  upstream.on('response', (answer) => {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
    }
    if (options.takeOver?.(answer, out)) return;
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (res.headersSent) res.destroy();
    else options.onError(timedOut ? 'timeout' : 'unavailable');
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
