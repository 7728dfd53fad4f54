import { Card, cx, TableScroll, useLocalized, useT } from '@siklus/ui';
import { NumTh, type SchoolDetail, useFigures } from './figures';

/**
 * The printed-figure check of one cycle: where a paper report disagrees with what Siklus
 * computes from the scores, one line per mismatch (the cycle page and the review panel).
 */
export function MismatchList({
  mismatches,
  className,
}: {
  mismatches: readonly { message: { id: string; en: string } }[];
  className?: string;
}) {
  const t = useT();
  const local = useLocalized();
  return (
    <div className={cx('sk-alert pts-warning', className)} role="note">
      <p className="sk-alert__message">
        <strong>{t('pts.progress.consistency')}:</strong> {t('pts.progress.consistencyBody')}
      </p>
      <ul>
        {mismatches.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: mismatches have no id.
          <li key={i}>{local(m.message)}</li>
        ))}
      </ul>
    </div>
  );
}

/** A cycle as the check reads it: the primary's in `detail.cycles`, an instrument's in its `cycles`. */
type CheckedCycle = Pick<
  SchoolDetail['cycles'][number],
  'id' | 'label' | 'printedMean' | 'printedMeanBand' | 'printedBands' | 'mismatches'
>;

/**
 * Every cycle's printed figures against the computed ones, for the supervisor: one row per
 * mismatch (printed, computed, the domain's words), or a line saying all agree. The
 * primary's from the study's cycles; a further instrument's (decision 022) from its own,
 * titled with its key.
 */
export function PrintedFiguresCheck({
  cycles,
  mismatchCount,
  instrumentKey,
}: {
  cycles: readonly CheckedCycle[];
  mismatchCount: number;
  instrumentKey?: string;
}) {
  const { t, f, local } = useFigures();
  const title =
    instrumentKey === undefined
      ? t('district.school.consistency')
      : t('instruments.titled', { title: t('district.school.consistency'), key: instrumentKey });
  const printedAny = cycles.some(
    (c) => c.printedMean !== null || c.printedMeanBand !== null || c.printedBands !== null,
  );
  const rows = cycles.flatMap((c) => c.mismatches.map((m) => ({ cycle: c, m })));
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <p className="sk-muted">
          {printedAny ? t('district.school.consistencyOk') : t('district.school.consistencyNone')}
        </p>
      ) : (
        <div className="sk-stack">
          <div className="sk-alert sk-alert--error" role="alert">
            <p className="sk-alert__message">
              {t('district.school.mismatches', { count: mismatchCount })}
            </p>
          </div>
          <TableScroll label={title}>
            <table className="sk-table sk-table--dense sk-table--stack">
              <caption className="sk-visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('district.cycle')}</th>
                  <NumTh>{t('district.school.printed')}</NumTh>
                  <NumTh>{t('district.school.computed')}</NumTh>
                  <th scope="col">{t('district.school.note')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ cycle, m }) => (
                  <tr key={`${cycle.id}-${m.field}-${m.index ?? ''}`}>
                    <td className="sk-nowrap">{local(cycle.label)}</td>
                    <td className="sk-num">
                      {m.field === 'mean' ? f.decimal(m.printed) : m.printed}
                    </td>
                    <td className="sk-num">
                      {m.field === 'mean' ? f.decimal(m.computed) : (m.computed ?? '–')}
                    </td>
                    <td className="sk-district-text">{local(m.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </Card>
  );
}
