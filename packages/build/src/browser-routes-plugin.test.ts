import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserRoutesPlugin } from './browser-routes-plugin.ts';

const contractApi = fileURLToPath(new URL('../../contract/src/api/', import.meta.url));

function transformed(file: string): string {
  const plugin = browserRoutesPlugin();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
  const id = `${contractApi}${file}`;
  const result = transform.call({}, readFileSync(id, 'utf8'), id);
  if (!result) throw new Error(`${file} left as it was`);
  return result.code;
}

describe(browserRoutesPlugin.name, () => {
  it('keeps what a browser call needs of each route, and none of the documentation', () => {
    const code = transformed('file-routes.ts');
    expect(code).toContain("export const getFileRoute = { method: 'get', path: '/files/{id}', service: 'storage', responses: { 200: { payload: FileDoc } } };");
    expect(code).toContain("responses: { 200: { payload: FileDoc }, 204: {} }");
    const source = readFileSync(`${contractApi}file-routes.ts`, 'utf8');
    const routes = [...source.matchAll(/export const (\w+Route) = /g)].map((m) => m[1]);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(code).toMatch(new RegExp(`export const ${route} = \\{ method: '\\w+', path: '[^']+', service: 'storage', responses: `));
    for (const [, summary] of source.matchAll(/summary: '([^']+)'/g)) expect(code).not.toContain(summary);
    expect(code).not.toMatch(/errors:|permission:|summary:/);
  });

  it('reads an answer shared by several routes of a file', () => {
    expect(transformed('sharing-routes.ts')).toContain("path: '/gateway/sharings/{id}', service: 'gateway', responses: { 200: { payload: Sharing } }");
  });

  it('leaves every other module alone', () => {
    const transform = browserRoutesPlugin().transform as (code: string, id: string) => unknown;
    expect(transform.call({}, 'export const x = 1;', '/repo/packages/contract/src/files.ts')).toBeNull();
  });
});
