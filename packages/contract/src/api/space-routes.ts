import * as z from 'zod/mini';
import { InstalledApps } from '../apps.ts';
import { ChangeBatch, MAX_CHANGES_WAIT_S } from '../changes.ts';
import { CreateInstanceBody, CreatedInstance, InstanceInfo } from '../instances.ts';
import { Me, OnboardingBody, Space } from '../space.ts';
import { queryParam, type ApiRoute } from './api-route.ts';

/** The changes feed, the space itself, and the gateway's own routes (outside `/api`). */
export const spaceRoutes: readonly ApiRoute[] = [
  {
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
  },
  {
    method: 'get',
    path: '/instance',
    service: 'storage',
    operationId: 'getInstance',
    summary: 'Get the space with its quota and usage',
    tags: ['space'],
    permission: 'owner-only',
    responses: { 200: { description: 'The space.', payload: InstanceInfo } },
    errors: [],
  },
  {
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
  },
  {
    method: 'get',
    path: '/gateway/me',
    service: 'gateway',
    operationId: 'getMe',
    summary: 'Who is signed in, and their space if they have one',
    tags: ['gateway'],
    permission: 'session',
    responses: { 200: { description: 'The person and their space (null before onboarding).', payload: Me } },
    errors: [],
  },
  {
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
  },
  {
    method: 'get',
    path: '/gateway/apps',
    service: 'gateway',
    operationId: 'listApps',
    summary: 'List the installed apps',
    tags: ['gateway'],
    permission: 'session',
    responses: { 200: { description: 'The apps, with their URLs resolved.', payload: InstalledApps } },
    errors: [],
  },
];
