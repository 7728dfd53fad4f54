import { BandBadge, bandColor, type CycleStatus, StatusBadge, useFormat, useT } from '@siklus/ui';
import type { BandCount } from './types';

/**
 * Small pieces the supervisor's pages share: a band badge placed in its band set, the
 * band shares of a row, the "needs attention" flags, and whole days between two times.
 */

/** A band label as a badge, colored by its place in `bands` (lowest first). */
export function Band({ label, bands }: { label: string | null; bands: readonly string[] }) {
  if (!label) return null;
  return <BandBadge label={label} index={bands.indexOf(label)} total={bands.length} />;
}

/** "Kurang 16,67% · Cukup 50,00% · …" for one row: every band, zeros included. */
export function BandShares({ counts }: { counts: BandCount[] | null }) {
  const f = useFormat();
  if (!counts || counts.length === 0) return <span className="sk-muted">–</span>;
  const labels = counts.map((c) => c.label);
  return (
    <ul className="sk-district-shares">
      {counts.map((c) => (
        <li key={c.label}>
          <Band label={c.label} bands={labels} />{' '}
          <span className="sk-num">{f.percent(c.share)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The band shares of a row as one small stacked bar (for the wide comparison table): the
 * figures are in the tooltip and, for screen readers, in text. The bar's widths are for
 * drawing only; every figure a person reads is the API's string.
 */
export function BandBar({ counts }: { counts: BandCount[] | null }) {
  const f = useFormat();
  if (!counts || counts.length === 0 || counts.every((c) => c.share === null)) {
    return <span className="sk-muted">–</span>;
  }
  const text = counts.map((c) => `${c.label} ${f.percent(c.share)}`).join(' · ');
  return (
    <div className="sk-district-bandbar-wrap" title={text}>
      <div className="sk-district-bandbar" aria-hidden="true">
        {counts.map((c, i) =>
          c.count > 0 ? (
            <span
              key={c.label}
              style={{ flexGrow: c.count, background: bandColor(i, counts.length) }}
            />
          ) : null,
        )}
      </div>
      <span className="sk-district-bandbar__counts" aria-hidden="true">
        {counts.map((c) => f.integer(c.count)).join(' · ')}
      </span>
      <span className="sk-visually-hidden">{text}</span>
    </div>
  );
}

/**
 * The badges that make a school stand out: no study at all, or a latest cycle left with
 * the principal too long. `sk-district-flag` also tints the row (styles.css, district).
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

export function LatestStatus({ status }: { status: CycleStatus | null }) {
  return status ? <StatusBadge status={status} /> : <span className="sk-muted">–</span>;
}

/** Whole days from `from` to `now` (0 on the same day or for a future time). */
export function daysBetween(from: string | Date, now: Date = new Date()): number {
  const ms = now.getTime() - new Date(from).getTime();
  return ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}

/** A gain with its sign, "+22,79" / "-3,10", as the API computed it. */
export function useSignedDecimal() {
  const f = useFormat();
  return (value: string | null | undefined) => {
    if (value === null || value === undefined) return '–';
    const text = f.decimal(value);
    return value.startsWith('-') || /^0(\.0+)?$/.test(value) ? text : `+${text}`;
  };
}
