import * as z from 'zod/mini';
import { Doctype } from './documents.ts';

export const AppSlug = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,31}$/));

/** What every micro-frontend ships beside its bundle, as `manifest.json`. */
export const AppManifest = z.object({
  slug: AppSlug,
  name: z.string(),
  /** Names in other languages, keyed by BCP 47 tag; `name` is the French one. */
  names: z._default(z.record(z.string(), z.string()), {}),
  version: z.string(),
  /** Top-level route owned by the app, e.g. `/drive`; `/` for the Home page. */
  route: z.string().check(z.regex(/^\/[a-z0-9-]*$/)),
  /** Entry module, relative to the app's folder (hashed name, cached forever). */
  entry: z.string(),
  /** Stylesheets to load with the entry, relative to the app's folder. */
  styles: z._default(z.array(z.string()), []),
  /** Icon file, relative to the app's folder (SVG). */
  icon: z.string(),
  /** Whether the app is shown in the Home's grid (the Home page itself is not). */
  listed: z._default(z.boolean(), true),
  permissions: z._default(
    z.array(z.object({ type: Doctype, verbs: z.array(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])) })),
    [],
  ),
});
export type AppManifest = z.infer<typeof AppManifest>;

/** An installed app as the gateway serves it to the shell (URLs resolved). */
export const InstalledApp = z.extend(AppManifest, {
  entryUrl: z.string(),
  styleUrls: z.array(z.string()),
  iconUrl: z.string(),
});
export type InstalledApp = z.infer<typeof InstalledApp>;

/** `GET /gateway/apps`. */
export const InstalledApps = z.array(InstalledApp);

/** `POST /gateway/apps/:slug/token`: a bearer for `/api` that opens only what the app's manifest asks. */
export const AppToken = z.object({
  token: z.string(),
  expiresAt: z.string(),
});
export type AppToken = z.infer<typeof AppToken>;
