import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorCode } from '@mytoutatice/contract';
import { PROBLEM_CONTENT_TYPE } from '@mytoutatice/contract';
import type { Logger } from 'pino';
import type { ServerResponse } from 'node:http';

/** A caller-visible failure: services throw it, the one error handler turns it into problem+json. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly title: string;
  constructor(status: number, code: ErrorCode, title: string, detail?: string) {
    super(detail ?? title);
    this.status = status;
    this.code = code;
    this.title = title;
  }
}

export function sendProblem(
  res: Response | ServerResponse,
  status: number,
  code: ErrorCode,
  title: string,
  detail?: string,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = String(res.getHeader('x-request-id') ?? '');
  const body = JSON.stringify({ type: 'about:blank', title, status, code, detail, requestId: requestId || undefined });
  res.statusCode = status;
  res.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (err instanceof HttpError) {
      sendProblem(res, err.status, err.code, err.title, err.message === err.title ? undefined : err.message);
      return;
    }
    // Express's body parsers throw errors carrying a 4xx status: the caller's mistake.
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
    if (status >= 400 && status < 500) {
      sendProblem(res, status, status === 413 ? 'payload_too_large' : 'bad_request', 'Requête invalide');
      return;
    }
    log.error({ err, url: req.originalUrl, requestId: res.getHeader('x-request-id') }, 'unhandled error');
    sendProblem(res, 500, 'internal', 'Erreur interne');
  };
}
