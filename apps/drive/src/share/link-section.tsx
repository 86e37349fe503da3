import { useId, useState } from 'react';
import type { FileDoc, LinkAccess, PublicLink } from '@mytoutatice/contract';
import { MIN_LINK_PASSWORD, useCreateLink, useDisableLink, useLinks } from '@mytoutatice/sdk/links';
import { Button, ErrorPanel, I18nProvider, Loading, TextField, errorText, formatDate, useLocale, useT } from '@mytoutatice/ui';
import { linkMessages, type LinkKey } from './link-messages.ts';

/** Days a new link lives unless the owner says otherwise (the issue: an expiry is proposed by default). */
const DEFAULT_EXPIRY_DAYS = 30;

/** `yyyy-mm-dd`, local, `days` from today: what a date input holds. */
function dateInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The link works through the whole day chosen (local time). */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

/**
 * The « Partager » dialog's public link part: « Générer un lien » (access, optional password,
 * expiry proposed), then « Lien activé » with « Copier le lien » and « Désactiver le lien ».
 */
export function LinkSection({ item }: { item: FileDoc }) {
  return (
    <I18nProvider messages={linkMessages}>
      <LinkSectionBody item={item} />
    </I18nProvider>
  );
}

/** The « Partager » dialog gives the section its region and heading (« Ou partager par lien »). */
function LinkSectionBody({ item }: { item: FileDoc }) {
  const t = useT<LinkKey>();
  const links = useLinks(item.id);
  // The gateway lists live links only: an expired one is not « Lien activé », a new one is offered.
  const link = links.data?.[0];
  if (links.isPending) return <Loading />;
  if (links.isError) return <ErrorPanel title={errorText(t, links.error)} onRetry={() => void links.refetch()} />;
  return link ? <ActiveLink link={link} /> : <NewLinkForm itemId={item.id} />;
}

function NewLinkForm({ itemId }: { itemId: string }) {
  const t = useT<LinkKey>();
  const accessName = useId();
  const create = useCreateLink();
  const [access, setAccess] = useState<LinkAccess>('read');
  const [password, setPassword] = useState('');
  const [expiry, setExpiry] = useState<string | null>(() => dateInDays(DEFAULT_EXPIRY_DAYS));
  const [keepGps, setKeepGps] = useState(false);
  const tooShort = password !== '' && password.length < MIN_LINK_PASSWORD;

  const generate = () => {
    if (tooShort || create.isPending) return;
    create.mutate({
      itemId,
      access,
      ...(password === '' ? {} : { password }),
      expiresAt: expiry === null ? null : endOfDay(expiry),
      ...(keepGps ? { keepGps } : {}),
    });
  };

  return (
    // Not a <form>: the « Partager » dialog around it is one, and forms do not nest.
    <div className="mt-link-form">
      <p>{t('drive.link.intro')}</p>
      <fieldset className="mt-fieldset">
        <legend>{t('drive.link.access')}</legend>
        {(['read', 'write'] as const).map((value) => (
          <label key={value} className="mt-checkbox">
            <input type="radio" name={accessName} value={value} checked={access === value} onChange={() => setAccess(value)} />
            {t(value === 'read' ? 'drive.link.read' : 'drive.link.write')}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('drive.link.password')}
        hint={t('drive.link.passwordHint', { min: MIN_LINK_PASSWORD })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        // Enter here generates the link, not the dialog's « Envoyer ».
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          generate();
        }}
        error={tooShort ? t('drive.link.passwordHint', { min: MIN_LINK_PASSWORD }) : null}
      />
      {expiry === null ? (
        <Button variant="ghost" onClick={() => setExpiry(dateInDays(DEFAULT_EXPIRY_DAYS))}>
          {t('drive.link.addExpiry')}
        </Button>
      ) : (
        <div className="mt-link-form__expiry">
          <TextField label={t('drive.link.expiry')} type="date" min={dateInDays(0)} value={expiry} required onChange={(event) => setExpiry(event.target.value || null)} />
          <Button variant="ghost" size="sm" onClick={() => setExpiry(null)}>
            {t('drive.link.removeExpiry')}
          </Button>
        </div>
      )}
      <label className="mt-checkbox">
        <input type="checkbox" checked={keepGps} onChange={(event) => setKeepGps(event.target.checked)} />
        {t('drive.link.keepGps')}
      </label>
      {create.isError ? (
        <p role="alert" className="mt-field__error">
          {errorText(t, create.error)}
        </p>
      ) : null}
      <Button variant="primary" disabled={create.isPending || tooShort} onClick={generate}>
        {t('drive.link.generate')}
      </Button>
    </div>
  );
}

function ActiveLink({ link }: { link: PublicLink }) {
  const t = useT<LinkKey>();
  const locale = useLocale();
  const disable = useDisableLink();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const url = new URL(link.path, location.origin).href;
  const summary = [
    t(link.access === 'write' ? 'drive.link.summaryWrite' : 'drive.link.summaryRead'),
    ...(link.hasPassword ? [t('drive.link.withPassword')] : []),
    link.expiresAt === null ? t('drive.link.never') : t('drive.link.expires', { date: formatDate(link.expiresAt, locale) }),
  ].join(', ');

  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  return (
    <div className="mt-link-active">
      <p>
        <strong>{t('drive.link.active')}</strong> — {summary}
      </p>
      <TextField label={t('drive.link.url')} value={url} readOnly onFocus={(event) => event.target.select()} />
      <div className="mt-actions mt-link-active__actions">
        <Button variant="primary" onClick={copy}>
          {t('drive.link.copy')}
        </Button>
        <Button variant="danger" disabled={disable.isPending} onClick={() => disable.mutate(link)}>
          {t('drive.link.disable')}
        </Button>
      </div>
      <p role="status" className="mt-link-active__status">
        {copied === 'yes' ? t('drive.link.copied') : copied === 'failed' ? t('drive.link.copyFailed') : null}
      </p>
      {disable.isError ? (
        <p role="alert" className="mt-field__error">
          {errorText(t, disable.error)}
        </p>
      ) : null}
    </div>
  );
}
