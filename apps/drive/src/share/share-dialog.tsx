import type { FileDoc, Person, Sharing, SharingRole } from '@mytoutatice/contract';
import {
  useAddSharingMembers,
  useChangeSharingRole,
  useCreateSharing,
  useMe,
  useRemoveSharingMember,
  useSharings,
  useStopSharing,
} from '@mytoutatice/sdk/react';
import { Button, Dialog, errorText, Icon, usePlural, useT, useToast } from '@mytoutatice/ui';
import { useState } from 'react';
import { ConfirmDialog } from '../items/confirm-dialog.tsx';
import type { DriveKey } from '../messages.ts';
import { LinkSection } from './link-section.tsx';
import { PeopleCombobox, PersonAvatar } from './people-combobox.tsx';
import { addressOf } from './people-options.ts';
import { RoleSelect } from './role-select.tsx';
import { RoleExplanations } from './role-explanations.tsx';

type Recipient = { person: Person; role: SharingRole };

/**
 * « Partager « nom » »: people searched in the académie's directory, each with a role, « Envoyer »;
 * then who has access (role changed, « Retirer »), « Arrêter le partage », and the public link.
 */
export function ShareDialog({ item, onClose }: { item: FileDoc; onClose: () => void }) {
  const t = useT<DriveKey>();
  const plural = usePlural<DriveKey>();
  const toast = useToast();
  const me = useMe();
  const sharings = useSharings();
  const existing = sharings.data?.sent.find((sharing) => sharing.item.id === item.id);
  const [recipients, setRecipients] = useState<readonly Recipient[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [stopping, setStopping] = useState<Sharing | null>(null);
  const create = useCreateSharing();
  const add = useAddSharingMembers();
  const folder = item.type === 'directory';
  const ownSlug = me.data?.space?.slug;
  const excluded = new Set([...recipients.map((r) => r.person.slug), ...(existing?.members.map((m) => m.slug) ?? []), ...(ownSlug ? [ownSlug] : [])]);
  const fail = (cause: unknown) => setError(errorText(t, cause));

  const send = () => {
    if (recipients.length === 0) return;
    setError(null);
    const members = recipients.map(({ person, role }) => ({ slug: person.slug, role }));
    const done = () => {
      toast.success(plural('drive.share.sent', recipients.length, { name: item.name }));
      setRecipients([]);
    };
    if (existing) add.mutate({ id: existing.id, members }, { onSuccess: done, onError: fail });
    else create.mutate({ itemId: item.id, members }, { onSuccess: done, onError: fail });
  };

  return (
    <>
      <Dialog
        open
        onClose={onClose}
        title={t('drive.share.title', { name: item.name })}
        className="mt-share"
        onSubmit={send}
        actions={
          <Button type="submit" variant="primary" disabled={recipients.length === 0 || create.isPending || add.isPending}>
            {t('drive.share.send')}
          </Button>
        }
      >
        <PeopleCombobox
          excluded={excluded}
          onChoose={(person) => {
            setRecipients((list) => [...list, { person, role: 'write' }]);
          }}
        />
        {recipients.length > 0 && (
          <ul className="mt-share__people" aria-label={t('drive.share.recipients')}>
            {recipients.map(({ person, role }) => (
              <li key={person.slug} className="mt-share__person mt-chip">
                <PersonAvatar name={person.name} />
                <span className="mt-person">
                  <span className="mt-person__name">{person.name}</span>
                  <span className="mt-person__address">{person.address}</span>
                </span>
                <RoleSelect
                  label={t('drive.share.roleOf', { name: person.name })}
                  value={role}
                  folder={folder}
                  onChange={(next) => setRecipients((list) => list.map((r) => (r.person.slug === person.slug ? { ...r, role: next } : r)))}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  hideLabel
                  icon={<Icon name="close" />}
                  onClick={() => setRecipients((list) => list.filter((r) => r.person.slug !== person.slug))}
                >
                  {t('drive.share.removeRecipient', { name: person.name })}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className="mt-field__error">
            {error}
          </p>
        )}
        <RoleExplanations folder={folder} />
        {existing && existing.members.length > 0 && (
          <MembersList sharing={existing} address={(slug) => addressOf(slug, me.data?.space)} onError={fail} />
        )}
        {existing && (
          <Button variant="danger" size="sm" onClick={() => setStopping(existing)}>
            {t('drive.share.stop')}
          </Button>
        )}
        <section className="mt-share__link" aria-labelledby="mt-share-link-title">
          <h3 id="mt-share-link-title" className="mt-share__heading">
            {t('drive.share.byLink')}
          </h3>
          <LinkSection item={item} />
        </section>
      </Dialog>
      {stopping && <StopSharing sharing={stopping} onClose={() => setStopping(null)} onError={fail} />}
    </>
  );
}

/** Who has access: each member's name (as the ENT last gave it) and address, their role, « Retirer ». */
function MembersList({ sharing, address, onError }: {
  sharing: Sharing;
  address: (slug: string) => string;
  onError: (error: unknown) => void;
}) {
  const t = useT<DriveKey>();
  const toast = useToast();
  const change = useChangeSharingRole();
  const remove = useRemoveSharingMember();
  return (
    <section className="mt-share__access" aria-labelledby="mt-share-access-title">
      <h3 id="mt-share-access-title" className="mt-share__heading">
        {t('drive.share.access')}
      </h3>
      <ul className="mt-share__people">
        {sharing.members.map((member) => {
          const { name } = member;
          return (
            <li key={member.slug} className="mt-share__person">
              <PersonAvatar name={name} />
              <span className="mt-person">
                <span className="mt-person__name">{name}</span>
                <span className="mt-person__address">{address(member.slug)}</span>
              </span>
              <RoleSelect
                label={t('drive.share.roleOf', { name })}
                value={member.role}
                folder={sharing.item.kind === 'folder'}
                disabled={change.isPending}
                onChange={(role) => change.mutate({ id: sharing.id, slug: member.slug, role }, { onError })}
              />
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('drive.share.removeNamed', { name })}
                onClick={() =>
                  remove.mutate(
                    { id: sharing.id, slug: member.slug },
                    { onSuccess: () => toast.success(t('drive.share.removed', { name })), onError },
                  )
                }
              >
                {t('drive.share.remove')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StopSharing({ sharing, onClose, onError }: { sharing: Sharing; onClose: () => void; onError: (error: unknown) => void }) {
  const t = useT<DriveKey>();
  const toast = useToast();
  const stop = useStopSharing();
  return (
    <ConfirmDialog
      title={t('drive.share.stop')}
      text={t('drive.share.confirmStop', { name: sharing.item.name })}
      confirm={t('drive.share.stop')}
      onClose={onClose}
      onConfirm={() =>
        stop.mutate(sharing.id, { onSuccess: () => toast.success(t('drive.share.stopped', { name: sharing.item.name })), onError })
      }
    />
  );
}
