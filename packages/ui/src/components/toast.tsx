import { createContext, use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider.tsx';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';

export type ToastTone = 'info' | 'success' | 'error';

export type ToastOptions = {
  message: string;
  tone?: ToastTone;
  /** One action, e.g. « Réessayer » or « Annuler ». */
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it goes away; null keeps it until dismissed. Errors stay by default. */
  duration?: number | null;
};

export type ToastApi = {
  /** Shows a toast; returns its id. */
  show(options: ToastOptions): string;
  info(message: string): string;
  success(message: string): string;
  error(message: string): string;
  dismiss(id: string): void;
};

type Entry = ToastOptions & { id: string; tone: ToastTone };

const ToastContext = createContext<ToastApi | null>(null);
const DEFAULT_DURATION = 6000;
const MAX_VISIBLE = 4;

/**
 * Renders the toasts of the subtree in two live regions that exist before any message: a polite
 * `role="status"` one, and a `role="alert"` one for errors, so screen readers announce them.
 */
export function ToastProvider({ children }: { children?: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Entry[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);

  const api = useMemo<ToastApi>(() => {
    const show = (options: ToastOptions) => {
      const id = `toast-${++counter.current}`;
      const tone = options.tone ?? 'info';
      const duration = options.duration !== undefined ? options.duration : tone === 'error' ? null : DEFAULT_DURATION;
      setToasts((list) => [...list, { ...options, id, tone }].slice(-MAX_VISIBLE));
      if (duration !== null) timers.current.set(id, setTimeout(() => dismiss(id), duration));
      return id;
    };
    return {
      show,
      info: (message) => show({ message, tone: 'info' }),
      success: (message) => show({ message, tone: 'success' }),
      error: (message) => show({ message, tone: 'error' }),
      dismiss,
    };
  }, [dismiss]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const render = (toast: Entry) => <Toast key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />;
  return (
    <ToastContext value={api}>
      {children}
      <div className="mt-toasts">
        <div role="status" aria-live="polite" className="mt-toasts__region">
          {toasts.filter((toast) => toast.tone !== 'error').map(render)}
        </div>
        <div role="alert" className="mt-toasts__region">
          {toasts.filter((toast) => toast.tone === 'error').map(render)}
        </div>
      </div>
    </ToastContext>
  );
}

function Toast({ toast, onDismiss }: { toast: Entry; onDismiss: () => void }) {
  const t = useT();
  const { action } = toast;
  return (
    <div className={`mt-toast mt-toast--${toast.tone}`}>
      <Icon name={toast.tone === 'error' ? 'alert' : toast.tone === 'success' ? 'check' : 'info'} />
      <p className="mt-toast__message">{toast.message}</p>
      {action ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            onDismiss();
            action.onClick();
          }}
        >
          {action.label}
        </Button>
      ) : null}
      <Button variant="ghost" size="sm" hideLabel icon={<Icon name="close" />} onClick={onDismiss}>
        {t('toast.dismiss')}
      </Button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = use(ToastContext);
  if (!api) throw new Error('useToast() needs a <ToastProvider> above it');
  return api;
}
