import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Router } from 'express';
import { EMAIL_PATTERN, createInstanceRoute, createSpaceRoute, getInstanceRoute, getMeRoute, slugFromUsername } from '@mytoutatice/contract';
import type { Me, SessionUser, Space } from '@mytoutatice/contract';
import { currentUser } from '../auth/authenticate.ts';
import type { Directory, DirectoryEntry } from '../directory/directory.ts';
import { HttpError, mountRoute } from '@mytoutatice/server-kit';
import type { StorageClient } from '../storage-client/storage-client.ts';

export type OnboardingDeps = {
  directory: Directory;
  storage: StorageClient;
  defaultBackendUrl: string;
  spaceDomain: string;
};

/** What people see as a space's address: `<slug>.<domain>` (`eleve.mytoutatice.cloud`). */
export function spaceAddress(spaceDomain: string, slug: string): string {
  return `${slug}.${spaceDomain}`;
}

/** `/gateway/me` and `/gateway/onboarding`, behind `authenticate`. */
export function onboardingRoutes(deps: OnboardingDeps): Router {
  const router = express.Router();
  const creating = new Map<string, Promise<Space>>();
  const address = (slug: string) => spaceAddress(deps.spaceDomain, slug);

  async function spaceOf(entry: DirectoryEntry): Promise<Space> {
    const info = await deps.storage.call(deps.storage.asOwner(entry), getInstanceRoute, {});
    return { slug: entry.slug, address: address(entry.slug), email: info.email, createdAt: info.createdAt };
  }

  async function freeSlug(user: SessionUser): Promise<string> {
    const base = slugFromUsername(user.username);
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await deps.directory.slugTaken(slug))) return slug;
    }
  }

  mountRoute(router, getMeRoute, async (_req, res) => {
    const user = currentUser(res);
    const entry = await deps.directory.find(user.sub);
    if (entry) await deps.directory.learn(user.sub, user);
    const slug = entry?.slug ?? (await freeSlug(user));
    const me: Me = {
      user,
      space: entry ? await spaceOf(entry) : null,
      proposedSlug: slug,
      proposedAddress: address(slug),
    };
    res.setHeader('cache-control', 'no-store');
    res.json(me);
  });

  mountRoute(router, createSpaceRoute, async (_req, res, { body }) => {
    const user = currentUser(res);
    const email = checkEmail(user, body.email.trim());
    if (!body.acceptCgu) {
      throw new HttpError(400, 'cgu_not_accepted', 'Vous devez accepter les CGU pour créer votre espace.');
    }
    if (await deps.directory.find(user.sub)) throw new HttpError(409, 'space_exists', 'Votre espace existe déjà.');
    // One creation per person at a time: a double click must not make two instances.
    let pending = creating.get(user.sub);
    if (!pending) {
      pending = create(user, email).finally(() => creating.delete(user.sub));
      creating.set(user.sub, pending);
    }
    res.status(201).json(await pending);
  });

  async function create(user: SessionUser, email: string): Promise<Space> {
    const slug = await freeSlug(user);
    const instanceId = randomUUID();
    // The storage's refusals (`space_exists` for a taken address, a bad email) pass on with their own code.
    const info = await deps.storage.call(deps.storage.asAdmin(deps.defaultBackendUrl), createInstanceRoute, { body: { id: instanceId, slug, email } });
    await deps.directory.add({ sub: user.sub, instanceId, slug, backendUrl: deps.defaultBackendUrl, createdAt: info.createdAt });
    await deps.directory.learn(user.sub, user);
    return { slug, address: address(slug), email: info.email, createdAt: info.createdAt };
  }

  return router;
}

/** Staff keep their professional email; pupils choose theirs. */
function checkEmail(user: SessionUser, email: string): string {
  if (user.profile === 'staff') {
    if (!user.email) throw new HttpError(400, 'invalid_email', 'L’ENT ne fournit pas d’adresse professionnelle.');
    if (email.toLowerCase() !== user.email.toLowerCase()) {
      throw new HttpError(400, 'email_locked', 'L’adresse professionnelle des personnels ne peut pas être modifiée.');
    }
    return user.email;
  }
  if (!EMAIL_PATTERN.test(email) || email.length > 254) {
    throw new HttpError(400, 'invalid_email', 'Adresse e-mail invalide, par exemple prenom.nom@exemple.fr.');
  }
  return email;
}
