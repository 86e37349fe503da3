import * as z from 'zod/mini';

/** Most items one `POST /files/zip` may name (each is checked, then walked). */
export const MAX_ZIP_IDS = 1000;

/** `POST /files/zip`: files and folders (from one or several folders), zipped as one download. */
export const ZipSelectionBody = z.object({
  ids: z.array(z.string()).check(z.minLength(1), z.maxLength(MAX_ZIP_IDS)),
  /** The download's name (`.zip` added when missing); « Sélection.zip » when absent. */
  name: z.optional(z.string()),
});
export type ZipSelectionBody = z.infer<typeof ZipSelectionBody>;
