import { Router } from 'express';
import { MAX_NOTE_MARKDOWN_BYTES, createNoteRoute, listNotesRoute, titleFromFileName } from '@mytoutatice/contract';
import { creatorOf } from '../auth/internal-token.ts';
import { routeMounter } from '../auth/permit.ts';
import { pageSize } from '../http/pagination.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { createNote } from './create-note.ts';
import { listNotes } from './list-notes.ts';
import { PathResolver } from '../files/file-paths.ts';
import { getFile } from '../files/file-rows.ts';

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

  return router;
}
