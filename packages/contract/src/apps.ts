import { z } from 'zod';

/** What every micro-frontend ships beside its bundle, as `manifest.json`. */
export const AppManifest = z.object({
  slug: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  name: z.string(),
  /** Names in other languages, keyed by BCP 47 tag; `name` is the French one. */
  names: z.record(z.string(), z.string()).default({}),
  version: z.string(),
  /** Top-level route owned by the app, e.g. `/drive`; `/` for the Home page. */
  route: z.string().regex(/^\/[a-z0-9-]*$/),
  /** Entry module, relative to the app's folder (hashed name, cached forever). */
  entry: z.string(),
  /** Stylesheets to load with the entry, relative to the app's folder. */
  styles: z.array(z.string()).default([]),
  /** Icon file, relative to the app's folder (SVG). */
  icon: z.string(),
  /** Whether the app is shown in the Home's grid (the Home page itself is not). */
  listed: z.boolean().default(true),
  permissions: z
    .array(z.object({ type: z.string(), verbs: z.array(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])) }))
    .default([]),
});
export type AppManifest = z.infer<typeof AppManifest>;

/** An installed app as the gateway serves it to the shell (URLs resolved). */
export const InstalledApp = AppManifest.extend({
  entryUrl: z.string(),
  styleUrls: z.array(z.string()),
  iconUrl: z.string(),
});
export type InstalledApp = z.infer<typeof InstalledApp>;
