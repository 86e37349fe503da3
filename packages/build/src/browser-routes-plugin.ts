import { parseSync, type Plugin } from 'vite';

/** The contract's route tables (one file per resource) and their shared parameters (`api-route.ts`). */
const ROUTE_FILE = /\/packages\/contract\/src\/api\/[a-z-]+-routes?\.ts$/;
/**
 * Calls that only build values (zod schemas, the contract's parameter helpers): the bundler may
 * drop those nobody reads, such as the parameters of a route once its entry is cut.
 */
export const BUILDS_VALUES_ONLY = ['z', 'pathParam', 'queryParam', 'headerParam'];
/** What a browser calling a route needs of its entry (see the sdk's `transport.call`). */
const WIRE_KEYS = new Set(['method', 'path', 'service']);

type Node = { type: string; start: number; end: number; [key: string]: unknown };

const unwrap = (node: Node): Node => (node.type === 'TSSatisfiesExpression' || node.type === 'TSAsExpression' ? unwrap(node.expression as Node) : node);
const keyOf = (property: Node) => {
  const key = property.key as Node & { name?: string; value?: unknown };
  return String(key.name ?? key.value);
};
const propertiesOf = (node: Node) => (node.properties as Node[]).filter((p) => p.type === 'Property');

type Cut = { start: number; end: number; replacement: string };

function splice(code: string, cuts: Cut[]): string {
  let out = code;
  for (const { start, end, replacement } of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}

/**
 * Cuts the contract's route entries down to what the browser uses — method, path, service and
 * each success's schema — for the shared modules' build (with `BUILDS_VALUES_ONLY` as the
 * bundler's pure functions, so what the cut entries named goes too). The summaries,
 * descriptions, parameters, bodies and error lists document the API (OpenAPI) and check it on
 * the servers; in the shell they would be kilobytes of text and schemas no code reads.
 */
export function browserRoutesPlugin(): Plugin {
  return {
    name: 'mytoutatice:browser-routes',
    enforce: 'pre',
    transform(code, id) {
      if (!ROUTE_FILE.test(id)) return null;
      const { program } = parseSync(id, code);
      const body = program.body as unknown as Node[];
      // `responses: { 201: sharing }`: an answer shared by several routes of the file.
      const constants = new Map<string, Node>();
      for (const statement of body) {
        const declaration = (statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement) as Node | null;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const declarator of declaration.declarations as Node[]) {
          const init = declarator.init as Node | null;
          if (init) constants.set((declarator.id as Node & { name: string }).name, unwrap(init));
        }
      }
      const text = (node: Node) => code.slice(node.start, node.end);
      const answer = (value: Node): string => {
        const object = value.type === 'Identifier' ? constants.get((value as Node & { name: string }).name) : unwrap(value);
        const payload = object?.type === 'ObjectExpression' ? propertiesOf(object).find((p) => keyOf(p) === 'payload') : undefined;
        // Raw bytes are read by their callers, never parsed: no need to say so.
        return payload && text(payload.value as Node) !== "'binary'" ? `{ payload: ${text(payload.value as Node)} }` : '{}';
      };
      const cuts: Cut[] = [];
      for (const statement of body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : null;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const declarator of declaration.declarations as Node[]) {
          const init = declarator.init as Node | null;
          const route = init && unwrap(init);
          if (!route || route.type !== 'ObjectExpression' || !/Route$/.test((declarator.id as Node & { name: string }).name)) continue;
          const kept = propertiesOf(route).flatMap((property) => {
            const key = keyOf(property);
            if (WIRE_KEYS.has(key)) return [text(property)];
            if (key !== 'responses') return [];
            // Only successes are read (a 304 or a 206 never reaches `call`).
            const statuses = propertiesOf(unwrap(property.value as Node))
              .filter((status) => /^20[0-4]$/.test(keyOf(status)))
              .map((status) => `${keyOf(status)}: ${answer(status.value as Node)}`);
            return [`responses: { ${statuses.join(', ')} }`];
          });
          cuts.push({ start: init.start, end: init.end, replacement: `{ ${kept.join(', ')} }` });
        }
      }
      return { code: splice(code, cuts), map: null };
    },
  };
}
