import { parseSync, type Plugin } from 'vite';

/** The contract's route tables (one file per resource) and their shared parameters (`api-route.ts`). */
const ROUTE_FILE = /\/packages\/contract\/src\/api\/[a-z-]+-routes?\.ts$/;
/** The helpers declaring a parameter; their second argument is its description. */
const PARAM_HELPERS = new Set(['pathParam', 'queryParam', 'headerParam']);
/** What a browser calling a route needs of its entry (see the sdk's `transport.call`). */
const WIRE_KEYS = new Set(['method', 'path', 'service']);

type Node = { type: string; start: number; end: number; [key: string]: unknown };

const unwrap = (node: Node): Node => (node.type === 'TSSatisfiesExpression' || node.type === 'TSAsExpression' ? unwrap(node.expression as Node) : node);
const keyOf = (property: Node) => {
  const key = property.key as Node & { name?: string; value?: unknown };
  return String(key.name ?? key.value);
};
const propertiesOf = (node: Node) => (node.properties as Node[]).filter((p) => p.type === 'Property');

/** Every node below `node`, depth first. */
function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
  } else if (node !== null && typeof node === 'object' && typeof (node as Node).type === 'string') {
    yield node as Node;
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') yield* walk(child);
  }
}

type Cut = { start: number; end: number; replacement: string };

function splice(code: string, cuts: Cut[]): string {
  let out = code;
  for (const { start, end, replacement } of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}

/**
 * Drops the module's own constants nothing reads any more (`const fileId = pathParam('id', '')`):
 * a call is kept by the bundler, which cannot tell it has no effect.
 */
function withoutUnused(id: string, code: string): string {
  for (;;) {
    const body = parseSync(id, code).program.body as unknown as Node[];
    const unused = body.filter((statement) => {
      if (statement.type !== 'VariableDeclaration') return false;
      const names = (statement.declarations as Node[]).map((d) => (d.id as Node & { name?: string }).name ?? '');
      const rest = code.slice(0, statement.start) + code.slice(statement.end);
      return names.every((name) => name !== '' && !new RegExp(`\\b${name}\\b`).test(rest));
    });
    if (unused.length === 0) return code;
    code = splice(code, unused.map((statement) => ({ start: statement.start, end: statement.end, replacement: '' })));
  }
}

/**
 * Cuts the contract's route entries down to what the browser uses — method, path, service and
 * each success's schema — for the shared modules' build, and the parameters
 * declared beside them down to their names. The summaries,
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
      // Parameters declared beside the routes (`const fileId = pathParam('id', '…')`) lose their description.
      for (const node of walk(program)) {
        const callee = node.type === 'CallExpression' ? (node.callee as Node & { name?: string }) : undefined;
        const description = (node.arguments as Node[] | undefined)?.[1];
        if (callee?.type !== 'Identifier' || !PARAM_HELPERS.has(callee.name ?? '') || !description) continue;
        if (!cuts.some((cut) => cut.start <= description.start && description.end <= cut.end)) {
          cuts.push({ start: description.start, end: description.end, replacement: "''" });
        }
      }
      return { code: withoutUnused(id, splice(code, cuts)), map: null };
    },
  };
}
