import * as z from 'zod/mini';
import { AppManifest, AppToken, InstalledApp, InstalledApps } from '../apps.ts';
import { AppPassword, AppPasswordList, CreateAppPasswordBody, CreatedAppPassword } from '../app-passwords.ts';
import { Change, ChangeBatch, ChangeKind } from '../changes.ts';
import { AlbumData, ContactData, Document, DocumentBody, DocumentListing, NoteData } from '../documents.ts';
import { CreateNoteBody, NoteImageUploaded, NoteItem, NoteList } from '../notes.ts';
import { ErrorCode, PROBLEM_CONTENT_TYPE, Problem, errorStatus } from '../errors.ts';
import type { ErrorCode as Code } from '../errors.ts';
import {
  CopyFileBody,
  CreateFolderBody,
  DownloadLink,
  FileDoc,
  FileKind,
  FileList,
  FileSort,
  FolderListing,
  LocatedFile,
  PatchFileBody,
  SearchResults,
  SortOrder,
} from '../files.ts';
import { FileVersion, FileVersionList } from '../file-versions.ts';
import { CreateInstanceBody, CreatedInstance, InstanceInfo } from '../instances.ts';
import { DocumentRef, ReferencedFiles, ReferencesBody, ReferencingDocuments } from '../references.ts';
import { Me, OnboardingBody, Profile, SessionUser, Space } from '../space.ts';
import { AddSharingMembersBody, ChangeSharingRoleBody, CopySharedItemBody, CreateSharingBody, Sharing, SharingList, SharingMember, SharingRole } from '../sharings.ts';
import { CreateLinkBody, LinkAccess, LinkUnlock, LinkVisit, PublicLink, PublicLinkList, UnlockLinkBody, UpdateLinkBody } from '../links.ts';
import { NotificationData } from '../notifications.ts';
import { PeopleSearch, Person } from '../people.ts';
import { ZipSelectionBody } from '../zip.ts';
import type { ApiParam, ApiPayload, ApiResponse, ApiRoute } from './api-route.ts';
import { apiRoutes } from './api-routes.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

/** Schemas published under `components/schemas`, by name; bodies and answers must be one of them. */
const componentSchemas: Readonly<Record<string, z.ZodMiniType>> = {
  AddSharingMembersBody,
  AlbumData,
  AppManifest,
  AppPassword,
  AppPasswordList,
  AppToken,
  Change,
  ChangeBatch,
  ChangeKind,
  ChangeSharingRoleBody,
  ContactData,
  CopyFileBody,
  CopySharedItemBody,
  CreateAppPasswordBody,
  CreateFolderBody,
  CreateInstanceBody,
  CreateLinkBody,
  CreatedAppPassword,
  CreateSharingBody,
  CreatedInstance,
  DownloadLink,
  Document,
  DocumentBody,
  DocumentListing,
  DocumentRef,
  ErrorCode,
  FileDoc,
  FileKind,
  FileList,
  FileSort,
  FileVersion,
  FileVersionList,
  FolderListing,
  InstalledApp,
  InstalledApps,
  InstanceInfo,
  LinkAccess,
  LinkUnlock,
  LinkVisit,
  LocatedFile,
  Me,
  CreateNoteBody,
  NoteData,
  NoteImageUploaded,
  NoteItem,
  NoteList,
  NotificationData,
  OnboardingBody,
  PatchFileBody,
  PeopleSearch,
  Person,
  Problem,
  Profile,
  PublicLink,
  PublicLinkList,
  ReferencedFiles,
  ReferencesBody,
  ReferencingDocuments,
  SearchResults,
  SessionUser,
  Sharing,
  SharingList,
  SharingMember,
  SharingRole,
  SortOrder,
  Space,
  UnlockLinkBody,
  UpdateLinkBody,
  ZipSelectionBody,
};

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** The problems any route may answer, by who checks the caller before the route runs. */
function commonErrors(route: ApiRoute): Code[] {
  const json = route.body !== undefined && route.body !== 'binary' ? (['bad_request', 'payload_too_large', 'unsupported_media_type'] as const) : [];
  if (route.permission === 'public') return ['internal'];
  if (route.permission === 'link') return [...json, 'upstream_unavailable', 'upstream_timeout', 'internal'];
  if (route.permission === 'session') return [...json, 'unauthenticated', 'invalid_token', 'upstream_unavailable', 'internal'];
  return [...json, 'unauthenticated', 'invalid_token', 'no_space', 'upstream_unavailable', 'upstream_timeout', 'internal'];
}

/** The codes a route may answer, grouped by status. */
function problemsOf(route: ApiRoute): Map<number, Code[]> {
  const byStatus = new Map<number, Code[]>();
  for (const code of new Set([...route.errors, ...commonErrors(route)])) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

/** Sorted keys at every depth (arrays keep their order): the same table always gives the same bytes. */
function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value as Json;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}

/** A component's schema, without the per-document keys zod adds. */
function componentsJson(): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(componentSchemas)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => ref(id).$ref as string });
  const out: JsonObject = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
    out[id] = rest as JsonObject;
  }
  return out;
}

function inlineJson(schema: z.ZodMiniType): JsonObject {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return rest as JsonObject;
}

function payloadContent(payload: ApiPayload, names: Map<z.ZodMiniType, string>, where: string): JsonObject {
  if (payload === 'binary') return { 'application/octet-stream': { schema: { contentMediaType: 'application/octet-stream' } } };
  const name = names.get(payload);
  if (name === undefined) throw new Error(`${where}: the schema is not one of the OpenAPI components`);
  return { 'application/json': { schema: ref(name) } };
}

function parameterJson(param: ApiParam): JsonObject {
  return { in: param.in, name: param.name, description: param.description, required: param.required, schema: inlineJson(param.schema) };
}

function responseJson(response: ApiResponse, names: Map<z.ZodMiniType, string>, where: string): JsonObject {
  const json: JsonObject = { description: response.description };
  if (response.payload !== undefined) json.content = payloadContent(response.payload, names, where);
  if (response.headers) {
    json.headers = Object.fromEntries(
      Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
    );
  }
  return json;
}

function operationJson(route: ApiRoute, names: Map<z.ZodMiniType, string>): JsonObject {
  const where = `${route.method.toUpperCase()} ${route.path}`;
  const declared = (route.params ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const inPath = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  if (declared.join() !== inPath.join()) throw new Error(`${where}: path parameters declared ${declared.join()} ≠ ${inPath.join()}`);

  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(route.responses)) responses[status] = responseJson(response, names, where);
  for (const [status, codes] of problemsOf(route)) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\``).join(', '),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { allOf: [ref('Problem'), { properties: { code: { enum: codes } } }] } } },
    };
  }
  const anonymous = route.permission === 'link' || route.permission === 'public';
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [...route.tags],
    parameters: route.params?.map(parameterJson),
    requestBody: route.body === undefined ? undefined : { required: true, content: payloadContent(route.body, names, where) },
    responses,
    security: anonymous ? [] : undefined,
    'x-permission': route.permission,
  };
}

/**
 * The OpenAPI 3.1 document of what callers reach: storage routes under `/api` (the admin one is
 * the gateway's own business and left out) and the gateway's routes at the root.
 */
export function openApiDocument(routes: readonly ApiRoute[] = apiRoutes): JsonObject {
  const names = new Map(Object.entries(componentSchemas).map(([name, schema]) => [schema, name]));
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    if (route.permission === 'admin') continue;
    const item = (paths[route.path] ??= route.service === 'gateway' ? { servers: [{ url: '/' }] } : {});
    if (item[route.method] !== undefined) throw new Error(`${route.method.toUpperCase()} ${route.path} is in the table twice`);
    item[route.method] = operationJson(route, names);
  }
  return sortKeys({
    openapi: '3.1.1',
    info: {
      title: 'MyToutatice API',
      version: '1',
      description:
        'The personal cloud space API. Send the ENT access token as a bearer token. Errors are `application/problem+json` with a stable `code`; branch on it, never on `title` or `detail`. The realtime WebSocket (`/api/realtime`, subprotocols `mytoutatice.v1` and `bearer.<token>`) pushes the change batches of `GET /changes`.',
    },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: componentsJson(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  }) as JsonObject;
}

/** The document as served (compact: pretty-printed it is three times larger). */
export function openApiJson(routes: readonly ApiRoute[] = apiRoutes): string {
  return JSON.stringify(openApiDocument(routes));
}
