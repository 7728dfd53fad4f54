import type { RouterOutputs } from '@siklus/client';
import { Card, cx, useFormat, useT } from '@siklus/ui';

type HistoryEvent = RouterOutputs['cycles']['get']['history'][number];

/**
 * A cycle's review history, oldest first: every submit, withdraw, return, approve and
 * reopen with who did it (name and role), when (in the district's zone) and the comment or
 * reason. Principals, supervisors and admins read the same record, so a reopen names the
 * admin who made it, not the supervisor who approved before.
 */
export function CycleTimeline({ history }: { history: readonly HistoryEvent[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card title={t('workflow.timeline.title')}>
      {history.length === 0 ? (
        <p className="sk-muted">{t('workflow.timeline.empty')}</p>
      ) : (
        <ol className="pts-timeline" data-testid="cycle-timeline">
          {history.map((e) => (
            <li key={e.id} className={cx('pts-timeline__item', `pts-timeline__item--${e.action}`)}>
              <strong>{t(`workflow.event.${e.action}`)}</strong>{' '}
              <span>
                {e.actorName && e.actorRole
                  ? t('workflow.event.by', { name: e.actorName, role: t(`role.${e.actorRole}`) })
                  : e.actorRole
                    ? t(`role.${e.actorRole}`)
                    : t('workflow.event.unknownActor')}
              </span>
              <div className="pts-timeline__when">{f.dateTime(e.at)}</div>
              {e.comment && (
                <p className="pts-timeline__comment">
                  <span className="sk-muted">
                    {e.action === 'reopen' || e.action === 'withdraw'
                      ? t('workflow.event.reason')
                      : t('workflow.event.comment')}
                    :
                  </span>{' '}
                  {e.comment}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
