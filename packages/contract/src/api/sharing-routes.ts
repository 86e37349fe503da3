import { AddSharingMembersBody, ChangeSharingRoleBody, CopySharedItemBody, CreateSharingBody, Sharing, SharingList } from '../sharings.ts';
import { FileDoc } from '../files.ts';
import { InstanceSlug } from '../instances.ts';
import { pathParam, type ApiRoute } from './api-route.ts';

const tags = ['sharings'];
const sharingId = pathParam('id', 'The sharing’s id.');
const memberSlug = pathParam('slug', 'The member’s space slug.', InstanceSlug);
const sharing = { description: 'The sharing as the caller sees it.', payload: Sharing };

export const createSharingRoute = {
  method: 'post',
  path: '/gateway/sharings',
  service: 'gateway',
  operationId: 'createSharing',
  summary: 'Share one of one’s files or folders with other spaces',
  description: 'Members are named by their space slug; an unknown slug is a 404 naming it (slugs are addresses, not secrets).',
  tags,
  permission: 'session',
  body: CreateSharingBody,
  responses: { 201: sharing },
  errors: ['bad_request', 'no_space', 'not_found', 'in_trash'],
} as const satisfies ApiRoute;

export const listSharingsRoute = {
  method: 'get',
  path: '/gateway/sharings',
  service: 'gateway',
  operationId: 'listSharings',
  summary: 'List what one has shared and what one has been given',
  tags,
  permission: 'session',
  responses: { 200: { description: 'Sent and received sharings.', payload: SharingList } },
  errors: [],
} as const satisfies ApiRoute;

export const getSharingRoute = {
  method: 'get',
  path: '/gateway/sharings/{id}',
  service: 'gateway',
  operationId: 'getSharing',
  summary: 'Get a sharing (the owner sees every member, a member only themself)',
  tags,
  permission: 'session',
  params: [sharingId],
  responses: { 200: sharing },
  errors: ['not_found'],
} as const satisfies ApiRoute;

export const stopSharingRoute = {
  method: 'delete',
  path: '/gateway/sharings/{id}',
  service: 'gateway',
  operationId: 'stopSharing',
  summary: 'Stop a sharing for everyone (owner only)',
  tags,
  permission: 'session',
  params: [sharingId],
  responses: { 204: { description: 'Stopped: no member reaches the item any more.' } },
  errors: ['forbidden', 'not_found'],
} as const satisfies ApiRoute;

export const addSharingMembersRoute = {
  method: 'post',
  path: '/gateway/sharings/{id}/members',
  service: 'gateway',
  operationId: 'addSharingMembers',
  summary: 'Add members, or change the role of those already in (owner only)',
  tags,
  permission: 'session',
  params: [sharingId],
  body: AddSharingMembersBody,
  responses: { 200: sharing },
  errors: ['bad_request', 'forbidden', 'not_found'],
} as const satisfies ApiRoute;

export const changeSharingRoleRoute = {
  method: 'patch',
  path: '/gateway/sharings/{id}/members/{slug}',
  service: 'gateway',
  operationId: 'changeSharingRole',
  summary: 'Change a member’s role (owner only)',
  tags,
  permission: 'session',
  params: [sharingId, memberSlug],
  body: ChangeSharingRoleBody,
  responses: { 200: sharing },
  errors: ['bad_request', 'forbidden', 'not_found'],
} as const satisfies ApiRoute;

export const removeSharingMemberRoute = {
  method: 'delete',
  path: '/gateway/sharings/{id}/members/{slug}',
  service: 'gateway',
  operationId: 'removeSharingMember',
  summary: 'Remove a member (owner), or leave the sharing (the member themself)',
  tags,
  permission: 'session',
  params: [sharingId, memberSlug],
  responses: { 204: { description: 'Removed: their access ends at once.' } },
  errors: ['forbidden', 'not_found'],
} as const satisfies ApiRoute;

export const copySharedItemRoute = {
  method: 'post',
  path: '/gateway/sharings/{id}/copy',
  service: 'gateway',
  operationId: 'copySharedItem',
  summary: 'Copy the shared item, or something in it, into one’s own space',
  tags,
  permission: 'session',
  params: [sharingId],
  body: CopySharedItemBody,
  responses: { 201: { description: 'The copy, in the caller’s space.', payload: FileDoc } },
  errors: ['bad_request', 'no_space', 'not_found', 'not_a_folder', 'in_trash', 'quota_exceeded', 'too_many_items'],
} as const satisfies ApiRoute;

/**
 * The gateway's sharing routes. What is shared is then reached in place through
 * `/api/sharings/{id}/<storage path>` (e.g. `/api/sharings/{id}/files/{itemId}/children`), with
 * the member's role as the grant: 404 for anyone neither owner nor member, at once after removal.
 */
export const sharingRoutes: readonly ApiRoute[] = [createSharingRoute, listSharingsRoute, getSharingRoute, stopSharingRoute, addSharingMembersRoute, changeSharingRoleRoute, removeSharingMemberRoute, copySharedItemRoute];
