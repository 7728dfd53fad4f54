import { GAIN_OF_MEANS_NOTE } from '@siklus/domain';
import { TableScroll } from '@siklus/ui';
import { Fragment } from 'react';
import { Band, NumTh, type SchoolDetail, useFigures } from './figures';
import { GainCells, GainHeads } from './gain-cells';

/**
 * Teachers down, cycles across, each cycle as the paper prints it (percentage, band): the
 * paper's Tables 1-3 side by side, with each teacher's gain from the baseline to the latest
 * observed cycle and the means as the last row.
 */
export function TeacherCycleMatrix({ detail }: { detail: SchoolDetail }) {
  const { t, f, local, signed } = useFigures();
  const bands = detail.bandSet.bands;
  const overall = detail.overall;
  const gainOf = new Map(overall?.teachers.gains.map((g) => [g.teacherId, g]) ?? []);
  const first = detail.study.gainFirst;
  return (
    <>
      {overall?.means && (
        <p className="sk-district-lead">
          {t('district.school.overall', {
            from: local(overall.from.label),
            to: local(overall.to.label),
            points: signed(overall.means.points),
            g: f.decimal(overall.means.normalized),
          })}
        </p>
      )}
      <TableScroll label={t('pts.progress.caption')}>
        <table className="sk-table sk-table--dense pts-matrix sk-table--stack">
          <caption className="sk-visually-hidden">{t('pts.progress.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="sk-num">
                {t('pts.progress.no')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('pts.progress.teacher')}
              </th>
              {detail.cycles.map((c) => (
                <th key={c.id} scope="colgroup" colSpan={2} className="pts-matrix__group">
                  {local(c.label)}
                </th>
              ))}
              {overall && (
                <th scope="colgroup" colSpan={3} className="pts-matrix__group">
                  {t('pts.progress.gain', {
                    from: local(overall.from.label),
                    to: local(overall.to.label),
                  })}
                </th>
              )}
            </tr>
            <tr>
              {detail.cycles.map((c) => (
                <Fragment key={c.id}>
                  <NumTh>{t('pts.progress.percent')}</NumTh>
                  <th scope="col">{t('pts.progress.band')}</th>
                </Fragment>
              ))}
              {overall && <GainHeads first={first} />}
            </tr>
          </thead>
          <tbody>
            {detail.teachers.map((teacher, i) => {
              const g = gainOf.get(teacher.id);
              return (
                <tr key={teacher.id}>
                  <td className="sk-num">{i + 1}</td>
                  <th scope="row">
                    {teacher.name}
                    {teacher.className && (
                      <span className="sk-district-note"> · {teacher.className}</span>
                    )}
                    {!teacher.active && (
                      <span className="sk-muted"> ({t('pts.progress.inactive')})</span>
                    )}
                  </th>
                  {teacher.cells.map((cell, k) =>
                    cell ? (
                      <Fragment key={detail.cycles[k]?.id ?? k}>
                        <td className="sk-num">{f.decimal(cell.percentage)}</td>
                        <td>
                          <Band bands={bands} label={cell.band} />
                        </td>
                      </Fragment>
                    ) : (
                      <td
                        key={detail.cycles[k]?.id ?? k}
                        colSpan={2}
                        className="sk-muted"
                        title={t('pts.progress.notObserved')}
                      >
                        –
                      </td>
                    ),
                  )}
                  {overall && <GainCells gain={g} first={first} />}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('pts.progress.mean')}
                {overall && (
                  <span className="sk-district-note"> · {local(GAIN_OF_MEANS_NOTE)}</span>
                )}
              </th>
              {detail.cycles.map((c) => (
                <Fragment key={c.id}>
                  <td className="sk-num">
                    <strong>{f.decimal(c.summary.mean)}</strong>
                  </td>
                  <td>
                    <Band bands={bands} label={c.summary.meanBand} />
                  </td>
                </Fragment>
              ))}
              {overall && <GainCells gain={overall.means} first={first} />}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}
