import { GAIN_OF_MEANS_NOTE } from '@siklus/domain';
import { TableScroll } from '@siklus/ui';
import { NumTh, type SchoolDetail, useFigures } from './figures';
import { GainCells, GainHeads } from './gain-cells';

/** The gain of the means between consecutive cycles, then baseline -> latest. */
export function MeanGains({ detail }: { detail: SchoolDetail }) {
  const { t, f, local } = useFigures();
  const first = detail.study.gainFirst;
  return (
    <TableScroll label={t('pts.progress.meanGainsCaption')}>
      <table className="sk-table sk-table--stack">
        <caption className="sk-visually-hidden">{t('pts.progress.meanGainsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pts.progress.from')}</th>
            <th scope="col">{t('pts.progress.to')}</th>
            <NumTh>{t('pts.progress.preMean')}</NumTh>
            <NumTh>{t('pts.progress.postMean')}</NumTh>
            <GainHeads first={first} />
            <th scope="col">{t('pts.progress.category')}</th>
          </tr>
        </thead>
        <tbody>
          {stepsAndOverall(detail).map((g) => (
            <tr key={`${g.from.ordinal}-${g.to.ordinal}`}>
              <td>{local(g.from.label)}</td>
              <td>{local(g.to.label)}</td>
              <td className="sk-num">{f.decimal(g.means?.preMean)}</td>
              <td className="sk-num">{f.decimal(g.means?.postMean)}</td>
              <GainCells gain={g.means} first={first} />
              <td>{g.means?.category ? t(`pts.progress.gain.${g.means.category}`) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sk-district-note" data-testid="gain-of-means-note">
        {local(GAIN_OF_MEANS_NOTE)}
      </p>
    </TableScroll>
  );
}

/** Consecutive gains, then baseline -> latest when it spans more than one step. */
function stepsAndOverall(detail: SchoolDetail) {
  const steps = [...detail.gains];
  const o = detail.overall;
  if (o && !steps.some((g) => g.from.ordinal === o.from.ordinal && g.to.ordinal === o.to.ordinal))
    steps.push(o);
  return steps;
}
