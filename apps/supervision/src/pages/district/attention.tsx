import { type CycleStatus, StatusBadge, useFormat, useT } from '@siklus/ui';

/**
 * The badges that make a school stand out: no study at all, or a latest cycle left with
 * the principal too long. `sk-district-flag` also tints the row (supervision.css, district).
 */
export function AttentionFlags({
  hasStudy,
  overdue,
  since,
}: {
  hasStudy: boolean;
  overdue: boolean;
  since: string | null;
}) {
  const t = useT();
  const f = useFormat();
  if (!hasStudy) {
    return <span className="sk-badge sk-district-flag">{t('district.noStudy')}</span>;
  }
  if (!overdue) return null;
  return (
    <span className="sk-district-flag-wrap">
      <span className="sk-badge sk-district-flag sk-district-flag--overdue">
        {t('district.overdue')}
      </span>{' '}
      {since && (
        <span className="sk-district-note">
          {t('district.overdueSince', { date: f.date(since) })}
        </span>
      )}
    </span>
  );
}

/** A row's latest cycle status, or a dash when the school has no cycle yet. */
export function LatestStatus({ status }: { status: CycleStatus | null }) {
  return status ? <StatusBadge status={status} /> : <span className="sk-muted">–</span>;
}
