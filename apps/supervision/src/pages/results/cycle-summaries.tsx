import { ProvisionalLabel, StatusBadge, TableScroll } from '@siklus/ui';
import { Link } from 'react-router';
import { Band, BandShares, NumTh, type SchoolDetail, useFigures } from './figures';

/**
 * One row per cycle: its status (and, for a supervisor, the way to its review), the
 * summary figures, the band shares and the success criteria judged on that cycle. The
 * cycle's label opens the cycle page.
 */
export function CycleSummaries({
  detail,
  reviewLinks,
}: {
  detail: SchoolDetail;
  reviewLinks: boolean;
}) {
  const { t, f, local } = useFigures();
  const bands = detail.bandSet.bands;
  return (
    <TableScroll label={t('district.school.summariesCaption')}>
      <table className="sk-table sk-table--dense sk-table--stack">
        <caption className="sk-visually-hidden">{t('district.school.summariesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district.cycle')}</th>
            <th scope="col">{t('district.status')}</th>
            <NumTh>{t('district.school.n')}</NumTh>
            <NumTh>{t('district.mean')}</NumTh>
            <th scope="col">{t('district.school.meanBand')}</th>
            <NumTh>{t('district.school.median')}</NumTh>
            <NumTh>{t('district.school.min')}</NumTh>
            <NumTh>{t('district.school.max')}</NumTh>
            <NumTh>{t('district.school.sd')}</NumTh>
            <th scope="col">{t('district.bandShares')}</th>
            <th scope="col">{t('district.criteria')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.cycles.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="sk-district-text">
                <Link to={`/cycles/${c.id}`} className="sk-nowrap">
                  {local(c.label)}
                </Link>
                {c.reviewComment && (
                  <span className="sk-district-note sk-district-block">
                    {t('district.school.reviewComment', { comment: c.reviewComment })}
                  </span>
                )}
              </th>
              <td>
                <span className="sk-row">
                  <StatusBadge status={c.status} />
                  {reviewLinks && c.status === 'submitted' && (
                    <Link to={`/review?cycleId=${encodeURIComponent(c.id)}`}>
                      {t('pts.cycle.review')}
                    </Link>
                  )}
                </span>
              </td>
              <td className="sk-num">{f.integer(c.summary.n)}</td>
              <td className="sk-num">{f.decimal(c.summary.mean)}</td>
              <td>
                <Band label={c.summary.meanBand} bands={bands} />
              </td>
              <td className="sk-num">{f.decimal(c.summary.median)}</td>
              <td className="sk-num">{f.decimal(c.summary.min)}</td>
              <td className="sk-num">{f.decimal(c.summary.max)}</td>
              <td className="sk-num">{f.decimal(c.summary.sd)}</td>
              <td>{c.summary.n > 0 ? <BandShares counts={c.summary.bands} /> : '–'}</td>
              <td className="sk-district-text">
                {c.summary.n > 0 ? (
                  <>
                    {c.criteria.met === null ? (
                      <span className="sk-muted">{t('workflow.criteria.notJudged')}</span>
                    ) : (
                      <span
                        className={
                          c.criteria.met
                            ? 'sk-badge sk-district-met'
                            : 'sk-badge sk-district-not-met'
                        }
                      >
                        {c.criteria.met ? t('district.criteriaMet') : t('district.criteriaNotMet')}
                      </span>
                    )}
                    <span className="sk-district-note sk-district-block">
                      {local(c.criteria.message)}
                    </span>
                    <ProvisionalLabel standing={c.standing} />
                  </>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
