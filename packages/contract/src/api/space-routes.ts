import * as z from 'zod/mini';
import { AppToken, InstalledApps } from '../apps.ts';
import { ChangeBatch, MAX_CHANGES_WAIT_S } from '../changes.ts';
import { CreateInstanceBody, CreatedInstance, InstanceInfo, VerifiedAppPassword, VerifyAppPasswordBody } from '../instances.ts';
import { Me, OnboardingBody, Space } from '../space.ts';
import { pathParam, queryParam, type ApiRoute } from './api-route.ts';

export const readChangesRoute = {
  method: 'get',
  path: '/changes',
  service: 'storage',
  operationId: 'readChanges',
  summary: 'Read the changes feed, or wait for the next change',
  description: 'Each change is the latest state of one file or document; resume from `last`. The realtime WebSocket (`/api/realtime`) pushes the same batches.',
  tags: ['changes'],
  permission: { resource: 'changes' },
  params: [
    queryParam('since', 'A seq: only what changed after it; 0 (everything) when absent.', z.int().check(z.nonnegative())),
    queryParam('limit', 'Page size, 1 to 1000; 100 when absent.', z.int().check(z.minimum(1))),
    queryParam('wait', `Seconds to hold the answer while nothing is newer (at most ${MAX_CHANGES_WAIT_S}).`, z.int().check(z.nonnegative())),
  ],
  responses: { 200: { description: 'One batch, possibly empty.', payload: ChangeBatch } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const getInstanceRoute = {
  method: 'get',
  path: '/instance',
  service: 'storage',
  operationId: 'getInstance',
  summary: 'Get the space with its quota and usage',
  tags: ['space'],
  permission: 'owner-only',
  responses: { 200: { description: 'The space.', payload: InstanceInfo } },
  errors: [],
} as const satisfies ApiRoute;

export const createInstanceRoute = {
  method: 'post',
  path: '/instances',
  service: 'storage',
  operationId: 'createInstance',
  summary: 'Create an instance on a storage backend (gateway only)',
  description: 'Called by the gateway during onboarding with an admin token; refused through `/api`.',
  tags: ['space'],
  permission: 'admin',
  body: CreateInstanceBody,
  responses: { 201: { description: 'The instance.', payload: CreatedInstance } },
  errors: ['bad_request', 'invalid_email', 'space_exists', 'forbidden'],
} as const satisfies ApiRoute;

export const verifyAppPasswordRoute = {
  method: 'post',
  path: '/instances/{id}/app-passwords/verify',
  service: 'storage',
  operationId: 'verifyAppPassword',
  summary: 'Check a device app password (gateway only)',
  description: 'The gateway’s check of a WebDAV client’s Basic auth; refused through `/api`.',
  tags: ['space'],
  permission: 'admin',
  params: [pathParam('id', 'The instance id.')],
  body: VerifyAppPasswordBody,
  responses: { 200: { description: 'The app password that matched.', payload: VerifiedAppPassword } },
  errors: ['bad_request', 'invalid_token', 'no_space', 'forbidden'],
} as const satisfies ApiRoute;

export const getMeRoute = {
  method: 'get',
  path: '/gateway/me',
  service: 'gateway',
  operationId: 'getMe',
  summary: 'Who is signed in, and their space if they have one',
  tags: ['gateway'],
  permission: 'session',
  responses: { 200: { description: 'The person and their space (null before onboarding).', payload: Me } },
  errors: [],
} as const satisfies ApiRoute;

export const createSpaceRoute = {
  method: 'post',
  path: '/gateway/onboarding',
  service: 'gateway',
  operationId: 'createSpace',
  summary: 'Create one’s space (accepting the terms of use)',
  tags: ['gateway'],
  permission: 'session',
  body: OnboardingBody,
  responses: { 201: { description: 'The new space.', payload: Space } },
  errors: ['bad_request', 'invalid_email', 'email_locked', 'cgu_not_accepted', 'space_exists'],
} as const satisfies ApiRoute;

export const listAppsRoute = {
  method: 'get',
  path: '/gateway/apps',
  service: 'gateway',
  operationId: 'listApps',
  summary: 'List the installed apps',
  tags: ['gateway'],
  permission: 'session',
  responses: { 200: { description: 'The apps, with their URLs resolved.', payload: InstalledApps } },
  errors: [],
} as const satisfies ApiRoute;

export const mintAppTokenRoute = {
  method: 'post',
  path: '/gateway/apps/{slug}/token',
  service: 'gateway',
  operationId: 'mintAppToken',
  summary: 'Get a short-lived bearer for `/api` limited to an app’s manifest permissions',
  description: 'Only an ENT session mints one: an app token does not open `/gateway`.',
  tags: ['gateway'],
  permission: 'session',
  params: [pathParam('slug', 'The installed app’s slug.')],
  responses: { 200: { description: 'The token and when it expires.', payload: AppToken } },
  errors: ['not_found'],
} as const satisfies ApiRoute;

/** The changes feed, the space itself, and the gateway's own routes (outside `/api`). */
export const spaceRoutes: readonly ApiRoute[] = [readChangesRoute, getInstanceRoute, createInstanceRoute, verifyAppPasswordRoute, getMeRoute, createSpaceRoute, listAppsRoute, mintAppTokenRoute];
