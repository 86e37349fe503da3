import { HttpError, badRequest } from '@mytoutatice/server-kit';
import { copyFile } from '../files/copy.ts';
import { createFolder } from '../files/folders.ts';
import { trashFile } from '../files/trash.ts';
import { updateFile } from '../files/update-file.ts';
import { guardWrite, type DavContext } from './dav-context.ts';
import { destinationSegments, findByPath, isAtOrBelow, parentFolder, pathKey } from './dav-paths.ts';
import { existing } from './dav-writes.ts';
import { copyDeadProperties } from './dead-properties.ts';

function overwriteOf(header: string | undefined): boolean {
  if (header === undefined || header === 'T') return true;
  if (header === 'F') return false;
  throw badRequest('Overwrite vaut T ou F.');
}


/**
 * COPY and MOVE (RFC 4918 §9.8–9.9) through the Drive's own copy and move. A destination that
 * exists is, with `Overwrite: T`, put in the trash first (recoverable, as a DELETE would be).
 */
export async function copyOrMove(ctx: DavContext, move: boolean): Promise<void> {
  const source = await existing(ctx);
  if (source.parentId === null) throw new HttpError(403, 'forbidden', 'Le dossier racine ne se copie ni ne se déplace.');
  const target = destinationSegments(ctx.req.get('destination'));
  const overwrite = overwriteOf(ctx.req.get('overwrite'));
  const depth = ctx.req.get('depth') ?? 'infinity';
  if (depth !== 'infinity' && (move || depth !== '0')) throw badRequest('Depth vaut infinity (ou 0 pour COPY).');
  const from = pathKey(ctx.segments);
  const to = pathKey(target);
  if (isAtOrBelow(from, to) || isAtOrBelow(to, from)) {
    throw new HttpError(403, 'forbidden', 'La source et la destination ne peuvent pas se contenir.');
  }
  const parent = await parentFolder(ctx.db, target);
  const replaced = await findByPath(ctx.db, target);
  if (replaced && !overwrite) throw new HttpError(412, 'precondition_failed', 'La destination existe (Overwrite: F).');
  await guardWrite(ctx, [...(move ? [{ segments: ctx.segments, deep: true }] : []), { segments: target, deep: true }]);

  if (replaced) {
    await trashFile(ctx.db, replaced.id);
    ctx.locks.removeAtOrBelow(ctx.instance.id, to);
  }
  const name = target.at(-1);
  if (move) {
    await updateFile(ctx.db, source.id, { parentId: parent.id, name }, 'fail');
    ctx.locks.removeAtOrBelow(ctx.instance.id, from);
  } else {
    const alongside = (copies: ReadonlyMap<string, string>) => copyDeadProperties(ctx.db, copies);
    if (source.type === 'directory' && depth === '0') {
      await ctx.db.transaction(async () => {
        const folder = await createFolder(ctx.db, parent.id, name, null);
        await alongside(new Map([[source.id, folder.id]]));
      });
    } else {
      await copyFile(ctx.databases, { instance: ctx.instance, createdBy: null, id: source.id, body: { parentId: parent.id, name }, conflict: 'fail', alongside });
    }
  }
  ctx.res.status(replaced ? 204 : 201).end();
}
