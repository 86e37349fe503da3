import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { errorCodes, errorStatus, type ErrorCode } from '../errors.ts';
import type { ApiRoute } from './api-route.ts';
import { apiRoutes } from './api-routes.ts';
import { openApiDocument, openApiJson } from './openapi.ts';

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Doc = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { enum?: string[] }> } };

const doc = () => JSON.parse(openApiJson()) as Doc;
const operations = (d: Doc) =>
  Object.entries(d.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => method !== 'servers')
      .map(([method, op]) => ({ path, method, op })),
  );

/** The codes a problem answer promises, read back from the document. */
function problemCodes(op: Operation): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [status, response] of Object.entries(op.responses)) {
    const schema = response.content?.['application/problem+json']?.schema as { allOf: [unknown, { properties: { code: { enum: string[] } } }] } | undefined;
    if (schema) found.set(status, schema.allOf[1].properties.code.enum);
  }
  return found;
}

describe(openApiDocument.name, () => {
  it('is a valid OpenAPI 3.1 document (and the validator does refuse a broken one)', async () => {
    const result = await validate(doc());
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);

    const broken = doc();
    const [first, second] = operations(broken);
    if (!first || !second) throw new Error('the document has fewer than two operations');
    second.op.operationId = first.op.operationId;
    expect((await validate(broken)).valid).toBe(false);
  });

  it('gives the same bytes on every build, whatever the order of the table', () => {
    const once = openApiJson();
    expect(openApiJson()).toBe(once);
    expect(openApiJson([...apiRoutes].reverse())).toBe(once);
    const paths = Object.keys(doc().paths);
    expect(paths).toEqual([...paths].sort());
  });

  it('sorts the keys of every object at every depth, so a diff of two versions shows only what changed', () => {
    const unsorted: string[] = [];
    const visit = (value: unknown, where: string) => {
      if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${where}[${i}]`));
      else if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.join() !== [...keys].sort().join()) unsorted.push(where);
        for (const key of keys) visit((value as Record<string, unknown>)[key], `${where}.${key}`);
      }
    };
    visit(doc(), '$');
    expect(unsorted).toEqual([]);
  });

  it('answers problems only with existing codes, each under its own status', () => {
    const d = doc();
    expect(d.components.schemas.ErrorCode?.enum).toEqual([...errorCodes]);
    let checked = 0;
    for (const { path, method, op } of operations(d)) {
      for (const [status, codes] of problemCodes(op)) {
        for (const code of codes) {
          expect(errorCodes, `${method} ${path}`).toContain(code);
          expect(String(errorStatus[code as ErrorCode]), `${method} ${path} ${code}`).toBe(status);
          checked++;
        }
      }
      expect(problemCodes(op).get('500'), `${method} ${path}`).toEqual(['internal']);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('documents every route callers reach once, with a unique operationId', () => {
    const d = doc();
    const documented = operations(d).map(({ path, method }) => `${method} ${path}`);
    const reachable = apiRoutes.filter((r) => r.permission !== 'admin').map((r) => `${r.method} ${r.path}`);
    expect(documented.sort()).toEqual([...new Set(reachable)].sort());
    const ids = operations(d).map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(d.paths['/files/{id}/children']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/FolderListing',
    });
  });

  it('refuses a body that is not a named component, or path parameters that do not match the path', () => {
    const route: ApiRoute = {
      method: 'post',
      path: '/things/{id}',
      service: 'storage',
      operationId: 'makeThing',
      summary: 'Make a thing',
      tags: ['things'],
      permission: { resource: 'files', verb: 'write' },
      params: [{ in: 'path', name: 'id', description: 'The thing.', schema: z.string(), required: true }],
      body: z.object({ anonymous: z.string() }),
      responses: { 204: { description: 'Made.' } },
      errors: [],
    };
    expect(() => openApiDocument([route])).toThrow(/not one of the OpenAPI components/);
    expect(() => openApiDocument([{ ...route, body: undefined, params: [] }])).toThrow(/path parameters/);
  });
});
