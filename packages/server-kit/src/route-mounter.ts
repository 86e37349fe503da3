import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ApiParam, ApiRoute, ParsedBody, ParsedQuery, RouteParams } from '@mytoutatice/contract';
import { badRequest } from './http-error.ts';
import { issueSentence, type InputIssue, type InputPlace } from './issue-sentence.ts';

/**
 * What a route's handler is handed: its body and query, checked against the contract's table, and
 * its path parameters as given (an id's form is the handler's to judge: one that cannot exist is
 * as unknown as one that does not, a 404 rather than a 400).
 */
export type RouteInput<R extends ApiRoute> = { readonly body: ParsedBody<R>; readonly query: ParsedQuery<R>; readonly params: RouteParams<R> };

export type RouteHandler<R extends ApiRoute> = (req: Request, res: Response, input: RouteInput<R>) => unknown;

export interface MountOptions {
  /**
   * Run once the input is checked, before the handler (a permission check, which may read the
   * parsed body for the ids it names). A guard that throws ends the request.
   */
  readonly guards?: readonly RequestHandler[];
  /** The largest JSON body taken (body-parser's notation); larger ones are 413 `payload_too_large`. */
  readonly jsonLimit?: string;
}

/** Most bodies are a few names and ids; routes taking lists or documents say how much more they take. */
const DEFAULT_JSON_LIMIT = '16kb';

const INPUT = 'routeInput';

type Schema = { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly InputIssue[] } } };

/** `/files/{id}/children` → `/files/:id/children`. */
export function expressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

function refuse(issues: readonly InputIssue[], input: unknown, place: InputPlace): never {
  const [first] = issues;
  throw badRequest(first ? issueSentence(first, input, place) : 'Requête mal formée.');
}

/** Query strings carry numbers as text: a numeric text the schema refuses as text is checked as a number. */
function parseQueryValue(schema: Schema, raw: string): ReturnType<Schema['safeParse']> {
  const asText = schema.safeParse(raw);
  if (asText.success || !/^-?[0-9]{1,15}(\.[0-9]+)?$/.test(raw)) return asText;
  return schema.safeParse(Number(raw));
}

function parseQuery(params: readonly ApiParam[], query: Request['query']): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (const param of params) {
    const raw: unknown = query[param.name];
    // `?limit=` is no limit; a required parameter given empty is checked as given (an empty name is the handler's to refuse).
    if (raw === undefined || (raw === '' && !param.required)) {
      if (param.required) refuse([{ code: 'invalid_type', path: [param.name] }], {}, 'query');
      continue;
    }
    if (typeof raw !== 'string') throw badRequest(`Le paramètre « ${param.name} » est donné plusieurs fois.`);
    const result = parseQueryValue(param.schema as Schema, raw);
    if (!result.success) refuse(result.error.issues.map((issue) => ({ ...issue, path: [param.name, ...issue.path] })), { [param.name]: raw }, 'query');
    parsed[param.name] = result.data;
  }
  return parsed;
}

/** Checks the query and the JSON body against the route's schemas; the parsed values go to `res.locals`. */
function checkInput(route: ApiRoute): RequestHandler {
  const queryParams = (route.params ?? []).filter((param) => param.in === 'query');
  const body = route.body === 'binary' ? undefined : (route.body as Schema | undefined);
  return (req, res, next) => {
    const query = parseQuery(queryParams, req.query);
    let parsedBody: unknown;
    if (body) {
      const result = body.safeParse(req.body);
      if (!result.success) refuse(result.error.issues, req.body, 'body');
      parsedBody = result.data;
      // Guards read the ids the body names (a move's destination) from the checked body.
      req.body = parsedBody;
    }
    // Express gives every `:name` of the path as one string.
    res.locals[INPUT] = { body: parsedBody, query, params: req.params };
    next();
  };
}

/**
 * Mounts the contract's `route` on `router`: method and path from the table, then the one check
 * of every request's input (query and JSON body against the table's schemas, 400 `bad_request`
 * with one French sentence naming the field), then `guards`, then `handler` with the parsed
 * values. A `binary` body is left unread for the handler to stream.
 */
export function mountRoute<R extends ApiRoute>(router: Router, route: R, handler: RouteHandler<R>, options: MountOptions = {}): void {
  const steps: RequestHandler[] = [];
  if (route.body !== undefined && route.body !== 'binary') steps.push(express.json({ limit: options.jsonLimit ?? DEFAULT_JSON_LIMIT }));
  steps.push(checkInput(route), ...(options.guards ?? []));
  router[route.method](expressPath(route.path), ...steps, (req: Request, res: Response) =>
    handler(req, res, res.locals[INPUT] as RouteInput<R>),
  );
}
