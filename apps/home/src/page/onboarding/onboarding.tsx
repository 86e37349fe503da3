import type { HomeKey } from '../messages.ts';
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { EMAIL_PATTERN } from '@mytoutatice/sdk';
import type { Me } from '@mytoutatice/contract';
import { useCreateSpace } from '@mytoutatice/sdk/react';
import { Button, errorText, TextField, useT } from '@mytoutatice/ui';
import { CguText } from './cgu-text.tsx';

type Step = 'email' | 'address' | 'cgu';
const STEPS: Step[] = ['email', 'address', 'cgu'];

/**
 * « Créer mon espace MyToutatice », in the seed's three steps: the email (fixed for staff,
 * chosen and checked for pupils), the space's address (read-only), the CGU to accept.
 */
export function Onboarding({ me, onCreated }: { me: Me; onCreated: () => void }) {
  const t = useT<HomeKey>();
  const ids = useId();
  const staff = me.user.profile === 'staff';
  const [step, setStep] = useState<Step>('email');
  // The CGU were scrolled through to accept them: what replaces the onboarding (the Home) opens at its top.
  useEffect(() => () => window.scrollTo(0, 0), []);
  const [email, setEmail] = useState(me.user.email ?? '');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [cguError, setCguError] = useState<string | null>(null);
  const createSpace = useCreateSpace();
  const index = STEPS.indexOf(step);

  function submitEmail(event: FormEvent) {
    event.preventDefault();
    if (!staff && !EMAIL_PATTERN.test(email.trim())) {
      setEmailError(t('onboarding.email.invalid'));
      return;
    }
    setEmailError(null);
    setStep('address');
  }

  function submitCgu(event: FormEvent) {
    event.preventDefault();
    if (!accepted) {
      setCguError(t('onboarding.cgu.required'));
      return;
    }
    setCguError(null);
    createSpace.mutate({ email: email.trim(), acceptCgu: true }, { onSuccess: onCreated });
  }

  return (
    <main className="mt-onboarding">
      <h1>{t('onboarding.title')}</h1>
      <p className="mt-onboarding__subtitle">{t('onboarding.subtitle')}</p>
      <p className="mt-onboarding__step">{t('onboarding.step', { current: index + 1, total: STEPS.length })}</p>

      {step === 'email' && (
        <form onSubmit={submitEmail} noValidate className="mt-card">
          <TextField
            label={t('onboarding.email.label')}
            type="email"
            autoComplete="email"
            value={email}
            readOnly={staff}
            hint={staff ? t('onboarding.email.staffHint') : t('onboarding.email.pupilHint')}
            error={emailError}
            onChange={(e) => setEmail(e.target.value)}
          />
          <div className="mt-actions">
            <Button type="submit" variant="primary">
              {t('onboarding.continue')}
            </Button>
          </div>
        </form>
      )}

      {step === 'address' && (
        <form onSubmit={(e) => { e.preventDefault(); setStep('cgu'); }} className="mt-card">
          <h2>{t('onboarding.address.title')}</h2>
          <p>{t('onboarding.address.text')}</p>
          <TextField label={t('onboarding.address.label')} value={me.proposedAddress} readOnly />
          <div className="mt-actions">
            <Button type="button" variant="secondary" onClick={() => setStep('email')}>{t('onboarding.back')}</Button>
            <Button type="submit" variant="primary">{t('onboarding.continue')}</Button>
          </div>
        </form>
      )}

      {step === 'cgu' && (
        <form onSubmit={submitCgu} noValidate className="mt-card">
          <h2>{t('onboarding.cgu.title')}</h2>
          <CguText />
          <div className="mt-checkbox">
            <input
              id={`${ids}-cgu`}
              type="checkbox"
              checked={accepted}
              aria-invalid={cguError ? true : undefined}
              aria-describedby={cguError ? `${ids}-cgu-error` : undefined}
              onChange={(e) => setAccepted(e.target.checked)}
            />
            <label htmlFor={`${ids}-cgu`}>{t('onboarding.cgu.accept')}</label>
          </div>
          {cguError && (
            <p id={`${ids}-cgu-error`} className="mt-field__error">
              {cguError}
            </p>
          )}
          {createSpace.isError && (
            <p className="mt-field__error" role="alert">
              {errorText(t, createSpace.error)}
            </p>
          )}
          <div className="mt-actions">
            <Button type="button" variant="secondary" onClick={() => setStep('address')}>{t('onboarding.back')}</Button>
            <Button type="submit" variant="primary" disabled={createSpace.isPending}>
              {createSpace.isPending ? t('onboarding.creating') : t('onboarding.submit')}
            </Button>
          </div>
        </form>
      )}
    </main>
  );
}
