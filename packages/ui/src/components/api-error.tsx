import { type AppErrorView, appErrorOf } from '@siklus/client';
import { useLang, useT } from '../i18n/i18n';
import { cx } from './cx';

export interface ApiErrorMessageProps {
  /** Anything a query or mutation threw; nothing is rendered for null/undefined. */
  error: unknown;
  /**
   * Fields the form shows inline with `fieldErrorOf`: an error about one of them is left to
   * the field, so it is not said twice.
   */
  inlineFields?: readonly string[];
  className?: string;
}

/** The API's message in the current language, as an alert box. */
export function ApiErrorMessage({ error, inlineFields = [], className }: ApiErrorMessageProps) {
  const { lang } = useLang();
  const t = useT();
  const app = appErrorOf(error);
  if (!app) return null;
  if (app.field && inlineFields.includes(app.field)) return null;
  return (
    <div className={cx('sk-alert', 'sk-alert--error', className)} role="alert">
      <p className="sk-alert__message">{app.messages[lang]}</p>
      {app.code === 'INTERNAL' && app.requestId && (
        <p className="sk-alert__meta">{t('common.requestId', { id: app.requestId })}</p>
      )}
    </div>
  );
}

/**
 * The API's message for one field, or undefined: `error={fieldErrorOf(mutation.error,
 * 'login', lang)}`. Matches the field exactly or as a prefix (`scores` matches `scores.B2`).
 */
export function fieldErrorOf(error: unknown, field: string, lang: 'id' | 'en'): string | undefined {
  const app: AppErrorView | null = appErrorOf(error);
  if (!app?.field) return undefined;
  if (app.field === field || app.field.startsWith(`${field}.`)) return app.messages[lang];
  return undefined;
}
