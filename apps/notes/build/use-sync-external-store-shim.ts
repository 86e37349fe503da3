/**
 * `use-sync-external-store/shim` as an ES module. The package is CommonJS and `require`s React,
 * which is an external of the import map: Rolldown leaves such a `require` to fail in the browser.
 * React 19 has the hook itself, which the shim only forwards to.
 */
export { useSyncExternalStore } from 'react';
