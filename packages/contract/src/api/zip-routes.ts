import { ZipSelectionBody } from '../zip.ts';
import { pathParam, type ApiRoute } from './api-route.ts';

const read = { resource: 'files', verb: 'read' } as const;
const tags = ['files'];

const zip = {
  description:
    'A zip, streamed (UTF-8 names, ZIP64 past 4 GiB, empty folders kept; trashed items left out). A content lost midway aborts the connection: the download fails rather than ending short.',
  payload: 'binary',
  headers: { 'Content-Disposition': 'attachment, with the folder’s name (or the selection’s) and `.zip`.' },
} as const;

export const zipFolderRoute = {
  method: 'get',
  path: '/files/{id}/zip',
  service: 'storage',
  operationId: 'zipFolder',
  summary: 'Download a folder with everything in it as a zip',
  description: 'Paths in the zip are relative to the folder; `root` zips everything.',
  tags,
  permission: read,
  params: [pathParam('id', 'The folder; `root` for everything.')],
  responses: { 200: zip },
  errors: ['not_found', 'not_a_folder', 'in_trash'],
} as const satisfies ApiRoute;

export const zipSelectionRoute = {
  method: 'post',
  path: '/files/zip',
  service: 'storage',
  operationId: 'zipSelection',
  summary: 'Download files and folders (from one or several folders) as one zip',
  description: 'Each item sits at the top of the zip; two items of the same name get « nom (2) ».',
  tags,
  permission: read,
  bodyFileIds: 'ids',
  body: ZipSelectionBody,
  responses: { 200: zip },
  errors: ['invalid_name', 'not_found', 'in_trash'],
} as const satisfies ApiRoute;

export const zipRoutes: readonly ApiRoute[] = [zipFolderRoute, zipSelectionRoute];
