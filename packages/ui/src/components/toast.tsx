import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useT } from '../i18n/i18n';
import { useFormat } from '../i18n/use-format';
import { cx } from './cx';

export type ToastTone = 'success' | 'info' | 'error';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

export interface ToastApi {
  /**
   * Says what an action did, where the eyes are (bottom of the viewport) and to screen
   * readers: politely for news, assertively for an error. A toast leaves by itself after
   * a while (an error stays until closed).
   */
  show: (message: string, options?: { tone?: ToastTone }) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** How long a success or info toast stays (ms); an error stays until dismissed. */
export const TOAST_MS = 6000;

/**
 * The toasts of an app (one per app, under `AppProviders`). The polite region is in the page
 * from the start, empty: a status region added together with its text is not announced by
 * every screen reader (an alert is).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((toast) => toast.id !== id));
  }, []);
  const api = useMemo<ToastApi>(
    () => ({
      show: (message, { tone = 'success' } = {}) => {
        next.current += 1;
        const toast = { id: next.current, message, tone };
        // The newest three: a burst of saves does not cover the page.
        setToasts((all) => [...all.slice(-2), toast]);
      },
    }),
    [],
  );
  const polite = toasts.filter((toast) => toast.tone !== 'error');
  const urgent = toasts.filter((toast) => toast.tone === 'error');
  const list = (items: Toast[]) =>
    items.map((toast) => (
      <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} closeLabel={t('common.close')} />
    ));
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="sk-toasts">
        {/* A named region, not a second `status`: a page's own status line stays the one
            status a reader (or a test) finds. */}
        <section
          aria-label={t('common.notifications')}
          aria-live="polite"
          className="sk-toasts__region"
        >
          {list(polite)}
        </section>
        {/* An alert is announced when it appears, so this one exists only while it speaks. */}
        {urgent.length > 0 && (
          <div role="alert" aria-live="assertive" className="sk-toasts__region">
            {list(urgent)}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({
  toast,
  onDismiss,
  closeLabel,
}: {
  toast: Toast;
  onDismiss: (id: number) => void;
  closeLabel: string;
}) {
  useEffect(() => {
    if (toast.tone === 'error') return;
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={cx('sk-toast', `sk-toast--${toast.tone}`)} data-testid="toast">
      <p className="sk-toast__message">{toast.message}</p>
      <button
        type="button"
        className="sk-toast__close"
        aria-label={closeLabel}
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** The app's toasts; outside a `ToastProvider` (a bare component test) it does nothing. */
export function useToast(): ToastApi {
  return useContext(ToastContext) ?? NO_TOASTS;
}

const NO_TOASTS: ToastApi = { show: () => {} };

/**
 * The result of an action, said by its button ("Tersimpan 10.42"): a polite live region
 * for news, an assertive one for a refusal, empty when there is nothing to say. Keep it
 * mounted next to the button so the region exists before its text does.
 */
export function ActionStatus({
  status,
  className,
}: {
  status: { kind: 'saved'; at: Date; message?: string } | { kind: 'error'; message: string } | null;
  className?: string;
}) {
  const t = useT();
  const f = useFormat();
  const saved =
    status?.kind === 'saved'
      ? (status.message ?? t('feedback.savedAt', { time: f.time(status.at) }))
      : '';
  return (
    <span className={cx('sk-action-status', className)} data-testid="action-status">
      <span role="status">{saved}</span>
      {status?.kind === 'error' && (
        <span role="alert" className="sk-action-status--error">
          {status.message}
        </span>
      )}
    </span>
  );
}
