import { Router } from 'express';
import {
  MAX_NOTE_MARKDOWN_BYTES,
  createNoteRoute,
  getNoteImageRoute,
  listNotesRoute,
  noteImageSrc,
  titleFromFileName,
  uploadNoteImageRoute,
} from '@mytoutatice/contract';
import { badRequest } from '@mytoutatice/server-kit';
import { claimsOf, creatorOf } from '../auth/internal-token.ts';
import { routeMounter } from '../auth/permit.ts';
import { pageSize } from '../http/pagination.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { createNote } from './create-note.ts';
import { listNotes } from './list-notes.ts';
import { PathResolver } from '../files/file-paths.ts';
import { contentKey, getFile } from '../files/file-rows.ts';
import { sendFileContent } from '../files/content-response.ts';
import { stripsGps } from '../files/gps/gps-free-content.ts';
import { noteAccess } from './note-access.ts';
import { addNoteImage, noteImageFile } from './note-images.ts';

export interface NoteRoutesOptions {
  instances: InstanceRecords;
  databases: InstanceDatabases;
  maxFileBytes: number;
}

/** The notes' own routes; the rest of a note (rename, trash, versions, download) is its file's. */
export function noteRoutes({ instances, databases, maxFileBytes }: NoteRoutesOptions): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });

  mount(listNotesRoute, async (_req, res, { query }) => {
    res.json(await listNotes(databases.db(instanceOf(res).id), query.q, pageSize(query.limit), query.cursor));
  });

  // Markdown is at most 2 MiB of characters; JSON escapes may double its bytes.
  mount(
    createNoteRoute,
    async (_req, res, { body }) => {
      const instance = instanceOf(res);
      const { file, excerpt } = await createNote(databases, maxFileBytes, instance, creatorOf(res), body);
      const db = databases.db(instance.id);
      const path = await new PathResolver(db).of(await getFile(db, file.id));
      res.status(201).json({ file: { ...file, path }, title: titleFromFileName(file.name), excerpt });
    },
    { jsonLimit: `${MAX_NOTE_MARKDOWN_BYTES * 2 + 4096}b` },
  );

  // A note's images are the note's (noteAccess, as its socket), not the files grant's: an image
  // lies in the owner's « Notes/Images », outside any item shared with the reader.
  // No body parser here: the body is the image, streamed to disk.
  mount(uploadNoteImageRoute, async (req, res, { query }) => {
    const access = await noteAccess({ instances, databases }, claimsOf(res), pathParam(req, 'id'));
    const imageId = await addNoteImage(databases, maxFileBytes, {
      instance: instanceOf(res),
      access,
      createdBy: creatorOf(res),
      contentType: req.get('content-type'),
      contentLength: req.get('content-length'),
      name: query.name ?? fileNameHeader(req.get('x-file-name')),
      body: req,
    });
    res.status(201).json({ src: noteImageSrc(access.fileId, imageId) });
  });

  mount(getNoteImageRoute, async (req, res) => {
    const access = await noteAccess({ instances, databases }, claimsOf(res), pathParam(req, 'id'));
    const file = await noteImageFile(databases.db(access.instanceId), access.fileId, pathParam(req, 'imageId'));
    await sendFileContent(req, res, { blobs: databases.blobs, instanceId: access.instanceId, key: contentKey(file), stripGps: stripsGps(res), immutable: true }, file);
  });

  return router;
}

/** `x-file-name` is percent-encoded UTF-8 (a header carries no other characters safely). */
function fileNameHeader(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    throw badRequest('L’en-tête x-file-name doit être encodé en pourcents (UTF-8).');
  }
}
