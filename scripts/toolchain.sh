#!/bin/sh
# Runs a command on Node 24 LTS and pnpm, provisioning both from the npm registry into
# .toolchain/ when the machine's Node is older (Debian ships Node 20), then installs the
# workspace from the lockfile. `npm start`, `npm test` and `npm run admin` all go through here.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major node)" -lt 24 ] || ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != 10 ]; then
  tc="$root/.toolchain"
  if [ ! -x "$tc/node_modules/.bin/node" ] || [ "$(node_major "$tc/node_modules/.bin/node")" -lt 24 ] || [ ! -x "$tc/node_modules/.bin/pnpm" ]; then
    echo "› provisioning Node 24 and pnpm 10 into .toolchain/ (npm registry)" >&2
    mkdir -p "$tc"
    npm install --prefix "$tc" --no-audit --no-fund --loglevel=error node@24 pnpm@10.34.9 >&2
  fi
  PATH="$tc/node_modules/.bin:$PATH"
  export PATH
fi

# Cheap when nothing changed; keeps node_modules true to the lockfile after every pull.
CI=true pnpm install --frozen-lockfile --reporter=silent >&2

exec "$@"
