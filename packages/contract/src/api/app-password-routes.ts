import { AppPasswordList, CreateAppPasswordBody, CreatedAppPassword } from '../app-passwords.ts';
import { pathParam, type ApiRoute } from './api-route.ts';

const tags = ['app-passwords'];

export const listAppPasswordsRoute = {
  method: 'get',
  path: '/instance/app-passwords',
  service: 'storage',
  operationId: 'listAppPasswords',
  summary: 'List the space’s device app passwords, oldest first',
  tags,
  permission: 'owner-only',
  responses: { 200: { description: 'Labels and dates; never the passwords.', payload: AppPasswordList } },
  errors: [],
} as const satisfies ApiRoute;

export const createAppPasswordRoute = {
  method: 'post',
  path: '/instance/app-passwords',
  service: 'storage',
  operationId: 'createAppPassword',
  summary: 'Create a device app password; the answer is the only time it is shown',
  description: 'The label is trimmed, 1 to 100 characters, without control characters. Only a hash of the password is kept.',
  tags,
  permission: 'owner-only',
  body: CreateAppPasswordBody,
  responses: { 201: { description: 'The new password, with what the list will show of it.', payload: CreatedAppPassword } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const revokeAppPasswordRoute = {
  method: 'delete',
  path: '/instance/app-passwords/{id}',
  service: 'storage',
  operationId: 'revokeAppPassword',
  summary: 'Revoke a device app password: DAV clients using it are refused from then on',
  tags,
  permission: 'owner-only',
  params: [pathParam('id', 'An app password id, from listAppPasswords.')],
  responses: { 204: { description: 'Revoked.' } },
  errors: ['not_found'],
} as const satisfies ApiRoute;

/**
 * Device app passwords, the owner's to manage from the Home's settings: DAV clients, which cannot
 * do OIDC, sign in with one (user name: the space's slug). Never open to an app's token.
 */
export const appPasswordRoutes: readonly ApiRoute[] = [listAppPasswordsRoute, createAppPasswordRoute, revokeAppPasswordRoute];
