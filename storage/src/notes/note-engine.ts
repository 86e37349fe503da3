import type { Logger } from 'pino';
import * as Y from 'yjs';
import { docToJson, jsonToMarkdown, noteText, noteTitle, replaceDocContent } from '@mytoutatice/notes-doc';
import { AsyncLock, type SqlDb } from '@mytoutatice/sql';
import { HttpError } from '@mytoutatice/server-kit';
import { getRegularFile, type FileRow } from '../files/file-rows.ts';
import { updateFile } from '../files/update-file.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceById } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { isNumberedOf, noteFileName, noteTextOf, readMarkdown, sha256Hex, writeMarkdown } from './note-files.ts';
import { GroupCommit } from './group-commit.ts';
import { appendUpdates, compactNote, findNote, insertNote, markWritten, pendingUpdates } from './note-rows.ts';
import { parseMarkdown } from './markdown-parser.ts';

export interface NoteEngineDeps {
  instances: InstanceRecords;
  databases: InstanceDatabases;
  maxFileBytes: number;
  logger: Logger;
  /** After the note's file changed (content, name): lists and Drive follow live. */
  onFileWritten: (instanceId: string) => void;
}

/** The transaction origin of what the server itself writes into a note (an overwrite from elsewhere, a version restored). */
export const SERVER_ORIGIN = { source: 'local' as const, context: { server: true } };

/**
 * One note held in memory while people edit it: the updates acknowledged since the last
 * compaction are in its log (`note_updates`), appended *before* the update is applied and
 * acknowledged, several at once when they arrive together. Compaction folds the log into the
 * stored state, writes the Markdown file and names it after its first heading.
 */
export class LoadedNote {
  readonly instanceId: string;
  readonly fileId: string;
  readonly #deps: NoteEngineDeps;
  readonly #db: SqlDb;
  readonly #log: GroupCommit<Uint8Array, number>;
  /** Logged, not yet applied to the document: compaction must not drop them from the log. */
  readonly #unapplied = new Set<number>();
  #lastLogged = 0;
  readonly #saving = new AsyncLock();

  constructor(deps: NoteEngineDeps, instanceId: string, fileId: string) {
    this.#deps = deps;
    this.instanceId = instanceId;
    this.fileId = fileId;
    this.#db = deps.databases.db(instanceId);
    this.#log = new GroupCommit((updates) => appendUpdates(this.#db, fileId, updates));
  }

  /** Makes an update durable; answers its log id, to be passed to `applied` once Yjs has it. */
  async log(update: Uint8Array): Promise<number> {
    const id = await this.#log.add(update);
    this.#unapplied.add(id);
    this.#lastLogged = Math.max(this.#lastLogged, id);
    return id;
  }

  applied(id: number): void {
    this.#unapplied.delete(id);
  }

  /** The highest log id whose update, and every one before it, the document holds. */
  #safeUpTo(): number {
    return this.#unapplied.size === 0 ? this.#lastLogged : Math.min(...this.#unapplied) - 1;
  }

  /** Fills `doc` from the stored state and log, or, for a Markdown file never opened as a note, from its content. */
  async load(doc: Y.Doc): Promise<void> {
    const file = await getRegularFile(this.#db, this.fileId);
    const note = await findNote(this.#db, this.fileId);
    if (!note) {
      const markdown = await readMarkdown(this.#deps.databases, this.instanceId, file);
      Y.applyUpdate(doc, (await parseMarkdown(markdown)).update);
      const json = docToJson(doc);
      await insertNote(
        this.#db,
        { fileId: this.fileId, state: Y.encodeStateAsUpdate(doc), writtenSha: file.sha256, writingSha: null, givenName: null },
        noteTextOf(noteText(json)),
        new Date().toISOString(),
      );
      return;
    }
    Y.applyUpdate(doc, note.state);
    const { updates, lastId } = await pendingUpdates(this.#db, this.fileId);
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        // Checked before it was logged; should one still fail, the rest of the note opens.
        this.#deps.logger.error({ err: error, fileId: this.fileId }, 'a logged note update could not be applied');
      }
    }
    this.#lastLogged = lastId;
    if (await this.#takeOverwrite(doc, file, note)) await this.#save(doc);
  }

  /**
   * When the file holds Markdown this note did not write (an upload or WebDAV over it, a Drive
   * version restored), that Markdown becomes the note's content, as one change every editor
   * receives, saved at once. Under the same lock as saves: between a save's steps the file and the
   * row are briefly apart, which must not read as a write from elsewhere.
   */
  async followFile(doc: Y.Doc): Promise<void> {
    const release = await this.#saving.acquire();
    try {
      const file = await getRegularFile(this.#db, this.fileId);
      const note = await findNote(this.#db, this.fileId);
      if (!note || file.trashedAt !== null) return;
      if (await this.#takeOverwrite(doc, file, note)) await this.#save(doc);
    } finally {
      release();
    }
  }

  /**
   * Takes the file's content into the document when another writer put it there; the caller then
   * saves, which records it. Until that save, nothing says the file was taken: a crash before it
   * takes it again at the next opening.
   */
  async #takeOverwrite(doc: Y.Doc, file: FileRow, note: { writtenSha: string | null; writingSha: string | null }): Promise<boolean> {
    if (file.sha256 === null || file.sha256 === note.writtenSha || file.sha256 === note.writingSha) return false;
    const markdown = await readMarkdown(this.#deps.databases, this.instanceId, file);
    replaceDocContent(doc, (await parseMarkdown(markdown)).json, SERVER_ORIGIN);
    this.#deps.logger.info({ fileId: this.fileId }, 'note content replaced by its file’s');
    return true;
  }

  /**
   * Compaction: the document's state replaces the log up to what it holds; then its Markdown goes
   * to the file (when it differs) and the file is named after the first heading, unless the
   * person named it. One at a time per note.
   */
  async save(doc: Y.Doc): Promise<void> {
    const release = await this.#saving.acquire();
    try {
      await this.#save(doc);
    } finally {
      release();
    }
  }

  async #save(doc: Y.Doc): Promise<void> {
    const upTo = this.#safeUpTo();
    const state = Y.encodeStateAsUpdate(doc);
    const json = docToJson(doc);
    const markdown = Buffer.from(jsonToMarkdown(json), 'utf8');
    const sha = sha256Hex(markdown);
    const db = this.#db;
    const file = await getRegularFile(db, this.fileId);
    const note = await findNote(db, this.fileId);
    if (!note) return;
    // A name other than the one given means the person renamed the note: it keeps theirs.
    const givenName = note.givenName !== null && note.givenName === file.name ? note.givenName : null;
    await compactNote(db, this.fileId, state, upTo, { writingSha: sha, givenName, ...noteTextOf(noteText(json)) }, new Date().toISOString());
    if (file.trashedAt !== null) return;
    let written = false;
    if (file.sha256 !== sha) {
      const instance = await instanceById(this.#deps.instances, this.instanceId);
      try {
        await writeMarkdown(this.#deps.databases, this.#deps.maxFileBytes, instance, this.fileId, markdown, file.sha256);
        written = true;
      } catch (error) {
        // Overwritten elsewhere since it was read: `reconcile` takes that content next.
        if (error instanceof HttpError && error.status === 412) return;
        throw error;
      }
    }
    await markWritten(db, this.fileId, sha);
    const renamed = givenName !== null && (await this.#followTitle(noteTitle(json), givenName));
    if (written || renamed) this.#deps.onFileWritten(this.instanceId);
  }

  /** Renames the file after the note's title (« (2) » when taken); answers whether it did. */
  async #followTitle(title: string | null, givenName: string): Promise<boolean> {
    const wanted = noteFileName(title);
    if (givenName === wanted || isNumberedOf(givenName, wanted)) return false;
    const renamed = await updateFile(this.#db, this.fileId, { name: wanted }, 'rename');
    await this.#db.run('UPDATE notes SET given_name = ? WHERE file_id = ?', renamed.name, this.fileId);
    return true;
  }

  /** Waits for appends in flight (the server is stopping). */
  settled(): Promise<void> {
    return this.#log.settled();
  }
}
