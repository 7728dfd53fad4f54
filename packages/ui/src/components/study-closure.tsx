import type { RouterOutputs } from '@siklus/client';
import type { ReactNode } from 'react';
import { useLocalized, useT } from '../i18n/i18n';
import { useFormat } from '../i18n/use-format';
import { Card } from './card';
import { cx } from './cx';

type Study = RouterOutputs['studies']['get'];

export interface StudyClosureProps {
  study: Pick<Study, 'closed' | 'history'>;
  /** What the reader may do here (a principal's close, an admin's reopen). */
  actions?: ReactNode;
}

/**
 * A study's closing ("selesai"): when closed, its final verdict (the criteria verdict on
 * the last approved, complete cycle) with who closed it, in which role and when (in the
 * district's zone); and its history of closes and reopens with each reopen's reason.
 * Principals, supervisors and admins read the same record. Draws nothing for a study that
 * was never closed and offers no action.
 */
export function StudyClosure({ study, actions }: StudyClosureProps) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const { closed, history } = study;
  if (!closed && history.length === 0 && !actions) return null;
  const closing = [...history].reverse().find((e) => e.action === 'close');
  return (
    <Card title={closed ? t('closing.closed.title') : t('closing.history.title')}>
      {closed && (
        <div
          className="sk-alert sk-alert--info sk-closure"
          role="status"
          data-testid="study-closed"
        >
          <p className="sk-alert__message">
            {t('closing.verdict')}:{' '}
            <strong>
              {closed.verdict.met ? t('closing.verdict.met') : t('closing.verdict.notMet')}
            </strong>{' '}
            · {localized(closed.verdict.message)}
          </p>
          <p className="sk-closure__meta">
            {closed.byName && closing?.actorRole
              ? t('closing.closed.body', {
                  name: closed.byName,
                  role: t(`role.${closing.actorRole}`),
                  when: f.dateTime(closed.at),
                })
              : t('closing.closed.unknown', { when: f.dateTime(closed.at) })}
          </p>
        </div>
      )}
      {history.length > 0 && (
        <ol className="sk-closure__history" data-testid="study-history">
          {history.map((e) => (
            <li key={e.id} className={cx('sk-closure__event', `sk-closure__event--${e.action}`)}>
              <strong>{t(`closing.event.${e.action}`)}</strong>{' '}
              <span>
                {e.actorName && e.actorRole
                  ? t('workflow.event.by', { name: e.actorName, role: t(`role.${e.actorRole}`) })
                  : t('workflow.event.unknownActor')}
              </span>
              <span className="sk-closure__when"> · {f.dateTime(e.at)}</span>
              {e.verdict && <div>{localized(e.verdict.message)}</div>}
              {e.reason && (
                <div>
                  <span className="sk-muted">{t('workflow.event.reason')}:</span> {e.reason}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {actions}
    </Card>
  );
}

/** "Selesai" next to a closed study in a list (its date on hover); nothing for an open one. */
export function StudyClosedBadge({ closedAt }: { closedAt: string | null }) {
  const t = useT();
  const f = useFormat();
  if (!closedAt) return null;
  return (
    <span className="sk-badge sk-badge--status-approved" title={f.dateTime(closedAt)}>
      {t('closing.badge')}
    </span>
  );
}
