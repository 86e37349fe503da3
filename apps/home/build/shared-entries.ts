import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SHARED_MODULES, sharedModuleFormat } from '@mytoutatice/build';
import type { SharedModule } from '@mytoutatice/build';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `@tanstack/react-query` → `tanstack-react-query`: the entry's (and output file's) name. */
export function entryName(specifier: string): string {
  return specifier.replace(/^@/, '').replace(/[^a-zA-Z0-9]+/g, '-');
}

/**
 * Writes one entry file per shared module into `dir`. React ships only CommonJS, so its entries
 * re-export every named export explicitly (listed from the package itself, in production mode);
 * ES packages are re-exported as they are. single-spa is not built: it ships its own ESM.
 */
export function writeSharedEntries(dir: string, resolveFrom: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const require = createRequire(join(resolveFrom, 'package.json'));
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const entries: Record<string, string> = {};
  try {
    for (const specifier of SHARED_MODULES) {
      if (sharedModuleFormat(specifier) === 'prebuilt') continue;
      const file = join(dir, `${entryName(specifier)}.js`);
      writeFileSync(file, entrySource(specifier, require));
      entries[entryName(specifier)] = file;
    }
  } finally {
    // Assigning undefined would store the string "undefined", which Vite reads as development.
    if (previousEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousEnv;
  }
  return entries;
}

function entrySource(specifier: SharedModule, require: NodeJS.Require): string {
  const from = JSON.stringify(specifier);
  const format = sharedModuleFormat(specifier);
  if (format === 'esm') return `export * from ${from};\n`;
  if (format === 'esm+default') return `export * from ${from};\nexport { default } from ${from};\n`;
  const names = Object.keys(require(specifier) as object).filter((n) => n !== 'default' && IDENTIFIER.test(n));
  return `import m from ${from};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
}
