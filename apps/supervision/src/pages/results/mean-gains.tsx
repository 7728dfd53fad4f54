import type { RouterOutputs } from '@siklus/client';
import { useFormat, useLocalized, useT } from '@siklus/ui';
import { useSignedDecimal } from './band';

type Detail = RouterOutputs['reports']['schoolDetail'];

/** The gain of the means between consecutive cycles, then baseline -> latest. */
export function MeanGains({ detail }: { detail: Detail }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const signed = useSignedDecimal();
  return (
    <div className="sk-table-scroll">
      <table className="sk-table">
        <caption className="sk-visually-hidden">{t('pts.progress.meanGainsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pts.progress.from')}</th>
            <th scope="col">{t('pts.progress.to')}</th>
            <th scope="col" className="sk-num">
              {t('pts.progress.preMean')}
            </th>
            <th scope="col" className="sk-num">
              {t('pts.progress.postMean')}
            </th>
            <th scope="col" className="sk-num">
              {t('pts.progress.points')}
            </th>
            <th scope="col" className="sk-num">
              {t('pts.progress.nGain')}
            </th>
            <th scope="col">{t('pts.progress.category')}</th>
          </tr>
        </thead>
        <tbody>
          {stepsAndOverall(detail).map((g) => (
            <tr key={`${g.from.ordinal}-${g.to.ordinal}`}>
              <td>{localized(g.from.label)}</td>
              <td>{localized(g.to.label)}</td>
              <td className="sk-num">{f.decimal(g.means?.preMean)}</td>
              <td className="sk-num">{f.decimal(g.means?.postMean)}</td>
              <td className="sk-num">{signed(g.means?.points)}</td>
              <td className="sk-num">{f.decimal(g.means?.normalized)}</td>
              <td>{g.means?.category ? t(`pts.progress.gain.${g.means.category}`) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Consecutive gains, then baseline -> latest when it spans more than one step. */
function stepsAndOverall(detail: Detail) {
  const steps = [...detail.gains];
  const o = detail.overall;
  if (o && !steps.some((g) => g.from.ordinal === o.from.ordinal && g.to.ordinal === o.to.ordinal))
    steps.push(o);
  return steps;
}
