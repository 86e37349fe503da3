import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, type ErrorCode, type Problem } from '@mytoutatice/contract';
import { HttpError, notFound } from './http-error.ts';
import { problemTitles } from './problem-titles.ts';
import { lingerAfterEarlyAnswer } from './early-answer.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `X-Request-Id` when it looks sane (the gateway's, a client's), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Gives every request an id, echoed in `X-Request-Id` and in problems, for the logs. */
export const requestId: RequestHandler = (req, res, next) => {
  const id = requestIdFrom(req.headers['x-request-id']);
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

export function requestIdOf(res: Response): string {
  return String(res.locals.requestId ?? '');
}

/** Last route: anything unmatched is a 404 problem. */
export const unknownRoute: RequestHandler = () => {
  throw notFound('Aucune route ne correspond à cette adresse.');
};

/**
 * Errors raised by Express itself (bad percent-encoding in a path) or body-parser carry a 4xx
 * `status`; their own messages are not shown, ours are.
 */
function fromFrameworkError(err: unknown): HttpError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type } = err as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413) return new HttpError(413, 'payload_too_large', 'Le corps de la requête est trop volumineux.');
  if (status === 415) return new HttpError(415, 'unsupported_media_type', 'Encodage du corps non pris en charge.');
  if (type === 'entity.parse.failed') return new HttpError(400, 'bad_request', 'Le corps de la requête n’est pas du JSON valide.');
  return new HttpError(400, 'bad_request', 'Requête mal formée.');
}

/** Writes a problem+json answer; works on a bare Node response too (the gateway's hot path). */
export function sendProblem(res: ServerResponse, status: number, code: ErrorCode, requestIdValue: string, error?: HttpError): void {
  const body: Problem = {
    type: 'about:blank',
    title: problemTitles[code],
    status,
    code,
    requestId: requestIdValue,
  };
  if (error?.detail !== undefined) body.detail = error.detail;
  if (error?.extras.suggestedName !== undefined) body.suggestedName = error.extras.suggestedName;
  // A route that failed after describing a download (its length, name, ETag…) must not lend
  // those to the problem: a stale Content-Length truncates it or leaves the client waiting.
  for (const name of ['content-length', 'content-range', 'content-disposition', 'etag']) res.removeHeader(name);
  for (const [name, value] of Object.entries(error?.headers ?? {})) res.setHeader(name, value);
  res.statusCode = status;
  res.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * The one place where errors become answers: RFC 9457 problem+json with a stable `code`.
 * 4xx carry their detail; anything else is logged with the request id and answered as a bare 500.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const id = requestIdOf(res);
    const known = err instanceof HttpError ? err : fromFrameworkError(err);
    if (res.headersSent) {
      // Too late for a problem: the body was already streaming. Cut the connection so the
      // client sees an incomplete answer rather than a silently truncated one.
      if (!(known && known.status < 500)) logger.error({ err, requestId: id, url: req.originalUrl }, 'error after headers were sent');
      res.destroy();
      return;
    }
    if (known && known.status < 500) {
      lingerAfterEarlyAnswer(req);
      sendProblem(res, known.status, known.code, id, known);
      return;
    }
    logger.error({ err, requestId: id, method: req.method, url: req.originalUrl }, 'request failed');
    sendProblem(res, 500, 'internal', id);
  };
}
