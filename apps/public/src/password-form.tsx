import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, TextField, errorText, useT } from '@mytoutatice/ui';
import type { PublicKey } from './messages.ts';
import { useVisitor } from './visitor-context.tsx';

/** « Mot de passe » of a protected link: nothing of the item is shown before it. */
export function PasswordForm({ ownerName, onUnlocked }: { ownerName: string; onUnlocked: (token: string) => void }) {
  const t = useT<PublicKey>();
  const visitor = useVisitor();
  const [password, setPassword] = useState('');
  const unlock = useMutation({
    mutationFn: (value: string) => visitor.unlock(value),
    onSuccess: ({ token }) => onUnlocked(token),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== '') unlock.mutate(password);
  };
  // Wrong, throttled (« Trop d'essais… »), or the link gone meanwhile: the dictionary says which.
  const message = unlock.error === null ? null : errorText(t, unlock.error);

  return (
    <form className="pl-password" onSubmit={submit} noValidate>
      <h1 className="pl-title">{t('public.sharedBy', { name: ownerName })}</h1>
      <p>{t('public.password.title')}</p>
      <TextField
        label={t('public.password.label')}
        type="password"
        autoComplete="off"
        autoFocus
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={message}
      />
      <Button type="submit" variant="primary" disabled={unlock.isPending || password === ''}>
        {t('public.password.submit')}
      </Button>
    </form>
  );
}
