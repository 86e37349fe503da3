import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import type { DownloadVia } from '@mytoutatice/contract';

export const DOWNLOAD_TOKEN_AUDIENCE = 'mytoutatice-download';
const ISSUER = 'mytoutatice-storage';
export const DOWNLOAD_LINK_TTL_SECONDS = 5 * 60;

const DownloadClaims = z.object({
  /** The instance holding the file: readable by the gateway to route the link to its backend. */
  sub: z.uuid(),
  fid: z.string().min(1),
  exp: z.number(),
});

export interface DownloadGrant {
  instanceId: string;
  fileId: string;
  /** The sharing (and member) a link was made through. */
  via?: DownloadVia;
}

/**
 * Capability tokens for download links: a compact JWT naming one file of one instance, valid a
 * few minutes, signed by this backend with the internal secret under its own audience (so it can
 * never be replayed as an internal token, nor the reverse).
 */
export class DownloadTokens {
  readonly #key: Uint8Array;

  constructor(secret: string) {
    this.#key = new TextEncoder().encode(secret);
  }

  async sign(grant: DownloadGrant, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_TTL_SECONDS * 1000);
    const token = await new SignJWT({ fid: grant.fileId, ...(grant.via ? { via: grant.via } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(DOWNLOAD_TOKEN_AUDIENCE)
      .setSubject(grant.instanceId)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.#key);
    return { token, expiresAt };
  }

  /** The grant, or undefined when the token is forged, tampered with or expired. */
  async verify(token: string): Promise<DownloadGrant | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: DOWNLOAD_TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
      });
      const claims = DownloadClaims.safeParse(payload);
      return claims.success ? { instanceId: claims.data.sub, fileId: claims.data.fid } : undefined;
    } catch {
      return undefined;
    }
  }
}
