import type { RouterOutputs } from '@siklus/client';
import { BandBadge, bandColor, useFormat, useLocalized, useT } from '@siklus/ui';
import type { ReactNode } from 'react';

/** A school's study as `reports.schoolDetail` reports it: what the results components draw. */
export type SchoolDetail = RouterOutputs['reports']['schoolDetail'];

/** A band set's bands, or a row's band counts: anything listing the labels lowest first. */
type BandList = readonly { label: string }[];

/**
 * A band label as a colored badge, its tone taken from its place in `bands` (lowest first).
 * No label (nobody observed yet) reads as not available.
 */
export function Band({ label, bands }: { label: string | null | undefined; bands: BandList }) {
  const t = useT();
  if (!label) return <span className="sk-muted">{t('common.notAvailable')}</span>;
  return (
    <BandBadge
      label={label}
      index={bands.findIndex((b) => b.label === label)}
      total={bands.length}
    />
  );
}

/** Band lower bounds above 0 as chart reference lines ("71.00" Baik). */
export function bandReferences(bands: readonly { from: string; label: string }[]) {
  return bands.filter((b) => b.from !== '0.00').map((b) => ({ value: b.from, label: b.label }));
}

interface BandCount {
  label: string;
  count: number;
  share: string | null;
}

/** "Kurang 16,67% · Cukup 50,00% · …" for one row: every band, zeros included. */
export function BandShares({ counts }: { counts: readonly BandCount[] | null }) {
  const f = useFormat();
  if (!counts || counts.length === 0) return <span className="sk-muted">–</span>;
  return (
    <ul className="sk-district-shares">
      {counts.map((c) => (
        <li key={c.label}>
          <Band label={c.label} bands={counts} />{' '}
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
export function BandBar({ counts }: { counts: readonly BandCount[] | null }) {
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

/** A gain with its sign, "+22,79" / "-3,10", as the API computed it ("–" when there is none). */
export function useSignedDecimal() {
  const f = useFormat();
  return (value: string | null | undefined) => {
    if (value === null || value === undefined) return '–';
    const text = f.decimal(value);
    return value.startsWith('-') || /^0(\.0+)?$/.test(value) ? text : `+${text}`;
  };
}

/** What a table of figures formats with: messages, numbers, `{ id, en }` texts, signed gains. */
export function useFigures() {
  return { t: useT(), f: useFormat(), local: useLocalized(), signed: useSignedDecimal() };
}

/** A column header over figures: right-aligned, as the figures below it. */
export function NumTh({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="sk-num">
      {children}
    </th>
  );
}
