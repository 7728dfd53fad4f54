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

/** What `QueryState` reads of a react-query result. */
export type QueryLike<T> =
  | { isPending: true; isError: false; data: undefined; error: unknown; refetch: () => unknown }
  | { isPending: false; isError: true; data: T | undefined; error: unknown; refetch: () => unknown }
  | { isPending: false; isError: false; data: T; error: unknown; refetch: () => unknown };

/**
 * A query's three states in one place: the spinner while it loads, the error with a retry,
 * then `children(data)`. `pending`/`failed` wrap the spinner or the error when a page
 * keeps its header around them.
 */
export function QueryState<T>({
  query,
  children,
  inline = false,
  frame = (state) => state,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  inline?: boolean;
  /** Wraps the spinner and the error (a page's header, a card). */
  frame?: (state: ReactNode) => ReactNode;
}) {
  if (query.isPending) return frame(<LoadingState inline={inline} />);
  if (query.isError)
    return frame(<ErrorState error={query.error} onRetry={() => void query.refetch()} />);
  return children(query.data);
}
