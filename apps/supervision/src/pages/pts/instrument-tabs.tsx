import type { RouterOutputs } from '@siklus/client';
import { cx, useFormat, useT } from '@siklus/ui';

type Cycle = RouterOutputs['cycles']['get'];

/**
 * The cycle as one instrument's sheets show it (decision 022): its sheets, unobserved
 * teachers, rubric, bands, summary and printed figures with their check in place of the
 * primary's, so the sheet, the cycle table and the roster read one instrument at a time. The primary (0) is the cycle as is.
 */
export function cycleForInstrument(cycle: Cycle, instrument: number): Cycle {
  const chosen = cycle.instruments.find((i) => i.instrument === instrument);
  if (!chosen || instrument === 0) return cycle;
  return {
    ...cycle,
    observations: chosen.observations,
    unobservedTeachers: chosen.unobservedTeachers,
    rubric: chosen.rubric.definition,
    bandSet: { bands: chosen.bandSet.bands, ranges: chosen.bandSet.ranges },
    summary: chosen.summary,
    scaleMean: chosen.scaleMean,
    // Each instrument's printed figures, checked against its own sheets.
    printed: chosen.printed,
    mismatches: chosen.mismatches,
  };
}

/**
 * Tabs over a study's instruments, each with its one-line summary (n, mean, the mean on
 * the sheet's scale, who is still missing); nothing for a one-instrument study.
 */
export function InstrumentTabs({
  cycle,
  value,
  onChange,
}: {
  cycle: Cycle;
  value: number;
  onChange: (instrument: number) => void;
}) {
  const t = useT();
  const f = useFormat();
  if (cycle.instruments.length < 2) return null;
  const chosen = cycle.instruments.find((i) => i.instrument === value) ?? cycle.instruments[0]!;
  return (
    <div className="pts-instruments">
      <div role="tablist" aria-label={t('instruments.tabs')} className="sk-row">
        {cycle.instruments.map((i) => (
          <button
            key={i.instrument}
            type="button"
            role="tab"
            id={`instrument-tab-${i.instrument}`}
            aria-selected={i.instrument === chosen.instrument}
            className={cx(
              'sk-btn sk-btn--sm',
              i.instrument === chosen.instrument ? 'sk-btn--primary' : 'sk-btn--secondary',
            )}
            onClick={() => onChange(i.instrument)}
          >
            {i.key}
            {i.instrument === 0 ? ` (${t('instruments.primary')})` : ''} · {i.rubric.name}
          </button>
        ))}
      </div>
      <p role="status" className="pts-card-note">
        {t('instruments.summary', {
          key: chosen.key,
          n: chosen.summary.n,
          mean:
            chosen.summary.mean === null ? t('instruments.noMean') : f.decimal(chosen.summary.mean),
          scale: chosen.scaleMean
            ? t('instruments.scaleMean', {
                value: f.decimal(chosen.scaleMean.value),
                max: chosen.scaleMean.max,
              })
            : '',
          missing: chosen.unobservedTeachers.length,
        })}
      </p>
    </div>
  );
}
