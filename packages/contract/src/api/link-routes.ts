import { CreateLinkBody, LinkCode, LinkId, LinkUnlock, LinkVisit, PublicLink, PublicLinkList, UnlockLinkBody, UpdateLinkBody } from '../links.ts';
import { pathParam, queryParam, type ApiRoute } from './api-route.ts';
import * as z from 'zod/mini';

const tags = ['links'];
const linkId = pathParam('id', 'The link’s id (the owner’s handle on it, not its code).', LinkId);
const code = pathParam('code', 'The link’s code, from its address `/public/{code}`.', LinkCode);
const link = { description: 'The link as its owner sees it.', payload: PublicLink };

export const createLinkRoute = {
  method: 'post',
  path: '/gateway/links',
  service: 'gateway',
  operationId: 'createLink',
  summary: 'Make a public link to one of one’s files or folders (« Générer un lien »)',
  tags,
  permission: 'session',
  body: CreateLinkBody,
  responses: { 201: link },
  errors: ['bad_request', 'no_space', 'not_found', 'in_trash'],
} as const satisfies ApiRoute;

export const listLinksRoute = {
  method: 'get',
  path: '/gateway/links',
  service: 'gateway',
  operationId: 'listLinks',
  summary: 'List the public links one made to an item',
  tags,
  permission: 'session',
  params: [queryParam('itemId', 'The file or folder.', z.string().check(z.minLength(1)), true)],
  responses: { 200: { description: 'The item’s links, oldest first.', payload: PublicLinkList } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const changeLinkRoute = {
  method: 'patch',
  path: '/gateway/links/{id}',
  service: 'gateway',
  operationId: 'changeLink',
  summary: 'Change a link’s access, password, expiry or GPS setting',
  description: 'A new password (or none) ends every visit unlocked with the previous one.',
  tags,
  permission: 'session',
  params: [linkId],
  body: UpdateLinkBody,
  responses: { 200: link },
  errors: ['bad_request', 'not_found'],
} as const satisfies ApiRoute;

export const disableLinkRoute = {
  method: 'delete',
  path: '/gateway/links/{id}',
  service: 'gateway',
  operationId: 'disableLink',
  summary: 'Turn a link off (« Désactiver le lien »): its code stops working at once',
  tags,
  permission: 'session',
  params: [linkId],
  responses: { 204: { description: 'Turned off.' } },
  errors: ['not_found'],
} as const satisfies ApiRoute;

export const visitLinkRoute = {
  method: 'get',
  path: '/gateway/public/links/{code}',
  service: 'gateway',
  operationId: 'visitLink',
  summary: 'What a public link’s page may show',
  description: 'Before the password of a protected link: the owner’s display name only. Send the unlock token as Bearer after it.',
  tags,
  permission: 'public',
  params: [code],
  responses: { 200: { description: 'The visit.', payload: LinkVisit } },
  errors: ['not_found'],
} as const satisfies ApiRoute;

export const unlockLinkRoute = {
  method: 'post',
  path: '/gateway/public/links/{code}/unlock',
  service: 'gateway',
  operationId: 'unlockLink',
  summary: 'Give a protected link’s password; answers the unlock token (an hour)',
  description: 'Wrong passwords are throttled per link (429 with Retry-After).',
  tags,
  permission: 'public',
  params: [code],
  body: UnlockLinkBody,
  responses: { 200: { description: 'The unlock token.', payload: LinkUnlock } },
  errors: ['bad_request', 'not_found', 'wrong_password', 'too_many_attempts'],
} as const satisfies ApiRoute;

/**
 * The gateway's public link routes. What a link opens is then reached through
 * `/api/links/{code}/<storage path>` with no login (the unlock token as Bearer for a protected
 * link): 404 `not_found` for an unknown, expired or disabled code, 401 `password_required` before
 * the password, the link's access as the grant.
 */
export const linkRoutes: readonly ApiRoute[] = [createLinkRoute, listLinksRoute, changeLinkRoute, disableLinkRoute, visitLinkRoute, unlockLinkRoute];
