import { appErrorOf } from '@siklus/client';
import type { ReactNode } from 'react';
import { useLang, useT } from '../i18n/i18n';
import { Button } from './button';

/** A polite spinner with a label; `inline` for inside a card, otherwise a padded block. */
export function LoadingState({ label, inline = false }: { label?: ReactNode; inline?: boolean }) {
  const t = useT();
  return (
    <div
      className={inline ? 'sk-state sk-state--inline' : 'sk-state'}
      role="status"
      aria-live="polite"
    >
      <span className="sk-spinner sk-spinner--lg" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="sk-state sk-state--empty">
      <p className="sk-state__title">{title ?? t('common.empty')}</p>
      {children && <div className="sk-state__body">{children}</div>}
      {action && <div className="sk-state__action">{action}</div>}
    </div>
  );
}

/** An error from a query, in the current language, with a retry button when given one. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: ReactNode;
}) {
  const t = useT();
  const { lang } = useLang();
  const app = appErrorOf(error);
  return (
    <div className="sk-state sk-state--error" role="alert">
      <p className="sk-state__title">{title ?? t('common.errorTitle')}</p>
      {app && <p className="sk-state__body">{app.messages[lang]}</p>}
      {app?.requestId && app.code === 'INTERNAL' && (
        <p className="sk-state__meta">{t('common.requestId', { id: app.requestId })}</p>
      )}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
