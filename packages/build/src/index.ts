export { microFrontendConfig } from './micro-frontend-config.ts';
export type { MicroFrontend } from './micro-frontend-config.ts';
export { SHARED_MODULES, COMMONJS_MODULES } from './shared-modules.ts';
export type { SharedModule } from './shared-modules.ts';
