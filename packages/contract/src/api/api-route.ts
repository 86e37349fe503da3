import * as z from 'zod/mini';
import type { ErrorCode } from '../errors.ts';

/**
 * What a caller's token must allow for a route; the storage checks every call against it
 * (`storage/src/auth/permit.ts`), scoped tokens carrying grants of a type and verbs.
 *  - `{ resource: 'files', verb }`: the person's files (manifest type `io.mytoutatice.files`).
 *  - `{ resource: 'documents', verb }`: documents of the doctype in the path's `{doctype}`.
 *  - `{ resource: 'changes' }`: the feed; a scoped token would see only what it may read.
 *  - `'owner-only'`: the person's own session (the shell), never an app-scoped token.
 *  - `'session'`: an ENT session, with or without a space (the gateway's own routes).
 *  - `'admin'`: the gateway's own calls to a storage backend; never reachable through `/api`.
 *  - `'link'`: a capability URL; the path carries the grant, no bearer token.
 *  - `'public'`: anyone.
 * `read` is GET; `write` is anything that changes state.
 */
export type RoutePermission =
  | { readonly resource: 'files' | 'documents'; readonly verb: 'read' | 'write' }
  | { readonly resource: 'changes' }
  | 'owner-only'
  | 'session'
  | 'admin'
  | 'link'
  | 'public';

export type HttpMethod = 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiParam {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodMiniType;
  readonly required: boolean;
}

/** A JSON body or answer is a schema named in the OpenAPI components; `binary` is raw bytes. */
export type ApiPayload = z.ZodMiniType | 'binary';

export interface ApiResponse {
  readonly description: string;
  readonly payload?: ApiPayload;
  /** Headers the answer carries, by name, with what they hold. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiRoute {
  readonly method: HttpMethod;
  /** OpenAPI form, `{name}` for path parameters, relative to the server (`/api` for storage routes). */
  readonly path: string;
  /** Who answers it: storage routes go through the gateway's `/api` proxy; gateway routes are its own. */
  readonly service: 'storage' | 'gateway';
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly permission: RoutePermission;
  readonly params?: readonly ApiParam[];
  readonly body?: ApiPayload;
  /**
   * The body's field (an array of ids) naming files the route reads or writes: each is checked
   * like a path id (inside a folder-limited grant's folder, else 404).
   */
  readonly bodyFileIds?: string;
  /**
   * For a documents route that also touches files: the token needs files `verb` too. Without
   * `bodyFileIds` the files are the whole instance's, out of a folder-limited grant's reach (403).
   */
  readonly alsoFiles?: 'read' | 'write';
  /** Successful answers by status. */
  readonly responses: Readonly<Record<number, ApiResponse>>;
  /** Problems this route may answer besides those every route of its permission may (see openapi.ts). */
  readonly errors: readonly ErrorCode[];
}

export function pathParam<const N extends string>(name: N, description: string, schema: z.ZodMiniType = z.string()) {
  return { in: 'path', name, description, schema, required: true } as const satisfies ApiParam;
}

export function queryParam<const N extends string, S extends z.ZodMiniType, R extends boolean = false>(
  name: N,
  description: string,
  schema: S,
  // Not a default value: with one, `required` is typed `boolean` and a required parameter reads as optional.
  required?: R,
) {
  return { in: 'query', name, description, schema, required: (required ?? false) as R } as const satisfies ApiParam;
}

export function headerParam<const N extends string>(name: N, description: string, schema: z.ZodMiniType = z.string(), required = false) {
  return { in: 'header', name, description, schema, required } as const satisfies ApiParam;
}

/** `?limit=&cursor=`: what every keyset-paged listing takes. */
export const pageParams = [
  queryParam('limit', 'Page size, 1 to 1000 (larger asks get 1000); 100 when absent.', z.int().check(z.minimum(1))),
  queryParam('cursor', 'The `next` of the previous page; absent for the first page.', z.string()),
] as const;

/** `?conflict=`: what to do when the name is taken in the target folder. */
export const conflictParam = queryParam(
  'conflict',
  '`fail` (default): 409 `name_conflict` with a `suggestedName`; `rename`: take the next free « name (n) ».',
  z.enum(['fail', 'rename']),
);
