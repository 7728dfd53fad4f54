import { detailForInstrument } from '@siklus/domain';
import { Card, useFormat, useLocalized, useT } from '@siklus/ui';
import { Fragment } from 'react';
import type { SchoolDetail } from './figures';
import { PrintedFiguresCheck } from './printed-check';
import { StudyCharts } from './study-charts';
import { TeacherCycleMatrix } from './teacher-cycle-matrix';

/**
 * One teacher x cycle table per instrument of a study of several (decision 022): each with
 * its own bands, means (also on the sheet's scale: "rata-rata 3,50 dari 4") and gains,
 * the relative gain labelled, and under a further instrument's table its own printed-figure
 * check (for a supervisor) and charts (the primary's are the study's, above and below). Nothing for a one-instrument study: its table is above.
 */
export function InstrumentTables({
  detail,
  supervisor,
}: {
  detail: SchoolDetail;
  /** A supervisor also reads each further instrument's printed-figure check. */
  supervisor: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  if (detail.instruments.length < 2) return null;
  return (
    <>
      {detail.instruments.map((instrument) => {
        const overall = instrument.overall?.means;
        const own = detailForInstrument(detail, instrument);
        return (
          <Fragment key={instrument.instrument}>
            <Card
              title={t('instruments.table', {
                key: instrument.key,
                name: instrument.rubric.name,
                version: instrument.rubric.version,
              })}
              aria-label={t('instruments.table', {
                key: instrument.key,
                name: instrument.rubric.name,
                version: instrument.rubric.version,
              })}
              flush
            >
              <ul className="pts-card-note">
                {instrument.cycles.map((c) => (
                  <li key={c.id}>
                    {localized(c.label)}: {t('instruments.meanRow')}{' '}
                    {c.mean === null ? t('instruments.noMean') : f.decimal(c.mean)}
                    {c.scaleMean
                      ? t('instruments.scaleMean', {
                          value: f.decimal(c.scaleMean.value),
                          max: c.scaleMean.max,
                        })
                      : ''}
                  </li>
                ))}
                {instrument.overall && overall && (
                  <li>
                    {t('instruments.overall', {
                      from: localized(instrument.overall.from.label),
                      to: localized(instrument.overall.to.label),
                      points: f.decimal(overall.points),
                      relative:
                        overall.relative === null
                          ? t('instruments.relativeNone')
                          : t('instruments.relative', { value: f.decimal(overall.relative) }),
                    })}
                  </li>
                )}
              </ul>
              <TeacherCycleMatrix detail={own} />
            </Card>
            {instrument.instrument !== 0 && supervisor && (
              <PrintedFiguresCheck
                cycles={instrument.cycles}
                mismatchCount={instrument.mismatchCount}
                instrumentKey={instrument.key}
              />
            )}
            {instrument.instrument !== 0 && (
              <StudyCharts detail={own} instrumentKey={instrument.key} />
            )}
          </Fragment>
        );
      })}
    </>
  );
}
