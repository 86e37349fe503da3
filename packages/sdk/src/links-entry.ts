/**
 * Public links (« Générer un lien », and the public page's visitor): a shared module of its own
 * (`@mytoutatice/sdk/links`), fetched by the apps that use it rather than by every page's shell.
 */
export { MIN_LINK_PASSWORD } from '@mytoutatice/contract';
export { createLinks, createLinkVisitor } from './links.ts';
export type { LinksResource, LinkVisitor, LinkVisitorOptions } from './links.ts';
export { useLinks, useCreateLink, useDisableLink } from './react/use-links.ts';
