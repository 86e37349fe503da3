import type * as z from 'zod/mini';
import type { ApiRoute } from './api-route.ts';

/** `'/files/{id}/versions/{versionId}'` → `'id' | 'versionId'`. */
type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

/** The path parameters a route's path names, each a string (encoded when the path is built). */
export type RouteParams<R extends ApiRoute> = { readonly [K in PathParamNames<R['path']>]: string };

type QueryParam<R extends ApiRoute> = Extract<NonNullable<R['params']>[number], { readonly in: 'query' }>;
type Input<S> = S extends z.ZodMiniType ? z.input<S> : never;
type Output<S> = S extends z.ZodMiniType ? z.output<S> : never;

/** The route's query parameters by name: the required ones required, each as its schema takes it. */
export type RouteQuery<R extends ApiRoute> = {
  readonly [P in QueryParam<R> as P['required'] extends true ? P['name'] : never]: Input<P['schema']>;
} & {
  readonly [P in QueryParam<R> as P['required'] extends true ? never : P['name']]?: Input<P['schema']> | undefined;
};

/** The JSON body a route takes (`never` for none or raw bytes). */
export type RouteBody<R extends ApiRoute> = Input<R['body']>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;

/** What a route answers on success (2xx): the union of its JSON payloads, `undefined` for an empty answer. */
export type RouteAnswer<R extends ApiRoute> = {
  [S in keyof R['responses']]: S extends SuccessStatus
    ? R['responses'][S] extends { readonly payload: infer P }
      ? P extends 'binary'
        ? never
        : Output<P>
      : undefined
    : never;
}[keyof R['responses']];

/** The body as the server holds it once checked (defaults filled in). */
export type ParsedBody<R extends ApiRoute> = Output<R['body']>;

/** The query as the server holds it once checked: each declared parameter, absent when not given. */
export type ParsedQuery<R extends ApiRoute> = {
  readonly [P in QueryParam<R> as P['name']]: P['required'] extends true ? Output<P['schema']> : Output<P['schema']> | undefined;
};

/**
 * What a caller gives to call a route: its path parameters (when its path has some), its query,
 * its JSON body (when it takes one).
 */
export type RouteCallInput<R extends ApiRoute> = (keyof RouteParams<R> extends never ? { readonly params?: undefined } : { readonly params: RouteParams<R> }) & {
  readonly query?: RouteQuery<R>;
} & ([RouteBody<R>] extends [never] ? { readonly body?: undefined } : { readonly body: RouteBody<R> });
