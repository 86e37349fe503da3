import type { RequestHandler } from 'express';
import { stripsGps } from './gps-free-content.ts';

/** Keys of a file's `metadata` (what jobs learnt from its content) that place it on a map. */
const PLACE = /gps|latitude|longitude|altitude|location|position|coordinates/i;

/** A copy of `metadata` without anything that places the file, at any depth. */
function withoutPlace(metadata: unknown): unknown {
  if (Array.isArray(metadata)) return metadata.map(withoutPlace);
  if (metadata === null || typeof metadata !== 'object') return metadata;
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => !PLACE.test(key)).map(([key, value]) => [key, withoutPlace(value)]));
}

/** Every file document in an answer (one, a listing's folder and items, a batch) with its metadata cleaned. */
export function withoutGpsMetadata(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutGpsMetadata);
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, key === 'metadata' ? withoutPlace(value) : withoutGpsMetadata(value)]),
  );
}

/**
 * For a caller who may not see positions (a public link's visitor): JSON answers lose what file
 * metadata says of where a photo was taken, whichever route answers, so a route added later
 * cannot forget it. Bytes are cleaned where they are sent (gps-free-content.ts).
 */
export function gpsFreeJson(): RequestHandler {
  return (_req, res, next) => {
    if (stripsGps(res)) {
      const json = res.json.bind(res);
      res.json = (body: unknown) => json(withoutGpsMetadata(body));
    }
    next();
  };
}
