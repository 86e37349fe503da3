import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map']);
/** Vite's content hash in a file name: `drive-Bx3k9_aZ.js`. Such files never change. */
const HASHED = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

type Asset = { body: Buffer; gzip?: Buffer; br?: Buffer; type: string; etag: string; immutable: boolean };

/**
 * The built bundles, read and compressed once at boot and served from memory: they are small,
 * read on every page load, and precompressing at the highest levels costs nothing per request.
 */
export class AssetStore {
  private readonly assets = new Map<string, Asset>();

  /** Adds every file under `dir`, served at `${urlPrefix}/<relative path>`. */
  addDirectory(urlPrefix: string, dir: string, skip: (relPath: string) => boolean = () => false): void {
    for (const file of walk(dir)) {
      const rel = relative(dir, file).split(sep).join('/');
      if (skip(rel)) continue;
      this.addFile(`${urlPrefix}/${rel}`, readFileSync(file));
    }
  }

  addFile(url: string, body: Buffer): void {
    const ext = extname(url);
    const asset: Asset = {
      body,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      immutable: HASHED.test(url),
    };
    if (COMPRESSIBLE.has(ext) && body.length > 512) {
      asset.gzip = gzipSync(body, { level: 9 });
      asset.br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    }
    this.assets.set(url, asset);
  }

  has(url: string): boolean {
    return this.assets.has(url);
  }

  /** Answers the request if `url` is a known asset; returns false otherwise. */
  serve(req: IncomingMessage, res: ServerResponse, url: string): boolean {
    const asset = this.assets.get(url);
    if (!asset) return false;
    res.setHeader('content-type', asset.type);
    res.setHeader('etag', asset.etag);
    res.setHeader('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === asset.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const accepted = String(req.headers['accept-encoding'] ?? '');
    let body = asset.body;
    if (asset.br && /\bbr\b/.test(accepted)) {
      res.setHeader('content-encoding', 'br');
      body = asset.br;
    } else if (asset.gzip && /\bgzip\b/.test(accepted)) {
      res.setHeader('content-encoding', 'gzip');
      body = asset.gzip;
    }
    res.setHeader('content-length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
