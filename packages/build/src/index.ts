export { microFrontendConfig } from './micro-frontend-config.ts';
export type { MicroFrontend } from './micro-frontend-config.ts';
export { SHARED_MODULES, sharedModuleFormat } from './shared-modules.ts';
export type { SharedModule, SharedModuleFormat } from './shared-modules.ts';
export { BUILDS_VALUES_ONLY, browserRoutesPlugin } from './browser-routes-plugin.ts';
