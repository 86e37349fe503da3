import { HttpError, badRequest, notFound } from '@mytoutatice/server-kit';
import { sendFileContent } from '../files/content-response.ts';
import { contentKey, type FileRow } from '../files/file-rows.ts';
import { createFolder } from '../files/folders.ts';
import { trashFile } from '../files/trash.ts';
import { uploadFile } from '../files/upload.ts';
import { overwriteFile } from '../versions/overwrite.ts';
import { guardWrite, type DavContext } from './dav-context.ts';
import { etagOf, findByPath, parentFolder, pathKey } from './dav-paths.ts';

export const ALLOWED = 'OPTIONS, GET, HEAD, PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND, PROPPATCH, LOCK, UNLOCK';

export function methodNotAllowed(detail: string): HttpError {
  return new HttpError(405, 'method_not_allowed', detail, { headers: { Allow: ALLOWED } });
}

export async function existing(ctx: DavContext): Promise<FileRow> {
  const row = await findByPath(ctx.db, ctx.segments);
  if (!row) throw notFound('Ce fichier ou dossier n’existe pas.');
  return row;
}

export async function get(ctx: DavContext): Promise<void> {
  const row = await existing(ctx);
  if (row.type === 'directory') throw methodNotAllowed('Un dossier se liste avec PROPFIND.');
  await sendFileContent(ctx.req, ctx.res, { blobs: ctx.databases.blobs, instanceId: ctx.instance.id, key: contentKey(row) }, row);
}

/** PUT: a new file, or a new version of an existing one (the same steps as the REST upload and overwrite). */
export async function put(ctx: DavContext): Promise<void> {
  const { req, res, segments } = ctx;
  // A partial PUT would be taken for the whole content (RFC 9110 §9.3.4).
  if (req.get('content-range') !== undefined) throw badRequest('PUT ne prend pas de Content-Range.');
  const row = await findByPath(ctx.db, segments);
  if (segments.length === 0 || row?.type === 'directory') throw methodNotAllowed('On ne peut pas écrire un dossier.');
  await guardWrite(ctx, [{ segments, deep: false }]);
  const contentLength = req.get('content-length');
  if (row) {
    const file = await overwriteFile(ctx.databases, ctx.maxFileBytes, {
      instance: ctx.instance,
      id: row.id,
      contentDigest: req.get('content-digest'),
      contentLength,
      ifMatch: req.get('if-match'),
      body: req,
    });
    res.status(204).setHeader('ETag', etagOf(file.sha256)).end();
    return;
  }
  const parent = await parentFolder(ctx.db, segments);
  const file = await uploadFile(ctx.databases, ctx.maxFileBytes, {
    instance: ctx.instance,
    createdBy: null,
    parentId: parent.id,
    name: segments.at(-1),
    conflict: 'fail',
    contentDigest: req.get('content-digest'),
    contentLength,
    body: req,
  });
  res.status(201).setHeader('ETag', etagOf(file.sha256)).end();
}

export async function mkcol(ctx: DavContext): Promise<void> {
  const { req, res, segments } = ctx;
  const hasBody = (req.get('content-length') ?? '0') !== '0' || req.get('transfer-encoding') !== undefined;
  if (hasBody) throw new HttpError(415, 'unsupported_media_type', 'MKCOL ne prend pas de corps.');
  if (await findByPath(ctx.db, segments)) throw methodNotAllowed('Cet élément existe déjà.');
  const parent = await parentFolder(ctx.db, segments);
  await guardWrite(ctx, [{ segments, deep: false }]);
  await createFolder(ctx.db, parent.id, segments.at(-1), null);
  res.status(201).end();
}

/** DELETE puts the item in the trash, as « Supprimer » does in the Drive. */
export async function remove(ctx: DavContext): Promise<void> {
  const row = await existing(ctx);
  await guardWrite(ctx, [{ segments: ctx.segments, deep: true }]);
  await trashFile(ctx.db, row.id);
  ctx.locks.removeAtOrBelow(ctx.instance.id, pathKey(ctx.segments));
  ctx.res.status(204).end();
}
