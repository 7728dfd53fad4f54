import { type RouterOutputs, useTRPC } from '@siklus/client';
import type { TBandSet } from '@siklus/domain';
import {
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  ProvisionalLabel,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { MeansBarChart, TrajectoryLineChart } from '@siklus/ui/charts';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Band, bandReferences } from './shared';

type Detail = RouterOutputs['reports']['schoolDetail'];

/**
 * Progress across cycles (`reports.schoolDetail`): the teacher x cycle matrix with bands and
 * the gain from the baseline to the latest observed cycle, the success criteria read back
 * and evaluated on the latest cycle, the charts, and (for supervisors) the printed-figure
 * warnings. Every figure is the API's; the page only formats it.
 */
export function ProgressSection({ studyId, supervisor }: { studyId: string; supervisor: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const detail = useQuery(trpc.reports.schoolDetail.queryOptions({ studyId }));
  if (detail.isPending)
    return (
      <Card title={t('pts.progress.title')}>
        <LoadingState inline />
      </Card>
    );
  if (detail.isError)
    return (
      <Card title={t('pts.progress.title')}>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </Card>
    );
  const d = detail.data;
  const observed = d.cycles.some((c) => c.summary.n > 0);
  return (
    <>
      <CriteriaCard detail={d} />
      <Card title={t('pts.progress.title')} description={t('pts.progress.description')} flush>
        {observed ? <Matrix detail={d} /> : <EmptyState>{t('pts.progress.empty')}</EmptyState>}
      </Card>
      {observed && d.gains.length > 0 && <MeanGains detail={d} />}
      {observed && <Charts detail={d} />}
      {supervisor && d.mismatchCount > 0 && <Consistency detail={d} />}
    </>
  );
}

function CriteriaCard({ detail }: { detail: Detail }) {
  const t = useT();
  const localized = useLocalized();
  // The verdict reads the study's result (the latest approved cycle, or submitted when
  // asked), never a draft; later cycles still in progress are named as provisional.
  const latest = detail.cycles.find((c) => c.ordinal === detail.resultOrdinal);
  const pending = detail.cycles.filter(
    (c) => c.summary.n > 0 && c.standing.provisional && c.ordinal > (detail.resultOrdinal ?? -1),
  );
  const met = latest?.criteria.met;
  return (
    <Card title={t('pts.progress.criteriaTitle')}>
      <div className="sk-stack">
        <p>{t('pts.progress.criteriaRule', { rule: localized(detail.criteria.description) })}</p>
        {latest ? (
          <div
            className={
              met
                ? 'sk-alert sk-alert--info pts-criteria pts-criteria--met'
                : 'sk-alert pts-criteria pts-criteria--unmet'
            }
            data-testid="criteria-result"
          >
            <p className="sk-alert__message">
              <span className="pts-criteria__badge">
                {met === null
                  ? t('workflow.criteria.notJudged')
                  : met
                    ? t('pts.progress.met')
                    : t('pts.progress.notMet')}
              </span>{' '}
              {t('pts.progress.criteriaOn', { label: localized(latest.label) })}{' '}
              {localized(latest.criteria.message)} <ProvisionalLabel standing={latest.standing} />
            </p>
          </div>
        ) : (
          <p className="sk-muted">
            {pending.length > 0 ? t('workflow.result.none') : t('pts.progress.criteriaNone')}
          </p>
        )}
        {pending.map((c) => (
          <p key={c.id}>
            <ProvisionalLabel standing={c.standing} subject={localized(c.label)} />
          </p>
        ))}
      </div>
    </Card>
  );
}

function Matrix({ detail }: { detail: Detail }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const bandSet = detail.bandSet as TBandSet;
  const overall = detail.overall;
  const gainOf = new Map(overall?.teachers.gains.map((g) => [g.teacherId, g]) ?? []);
  return (
    <div className="sk-table-scroll">
      <table className="sk-table sk-table--dense pts-matrix">
        <caption className="sk-visually-hidden">{t('pts.progress.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('pts.progress.no')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('pts.progress.teacher')}
            </th>
            {detail.cycles.map((c) => (
              <th key={c.id} scope="colgroup" colSpan={2} className="pts-matrix__group">
                {localized(c.label)}
              </th>
            ))}
            {overall && (
              <th scope="colgroup" colSpan={2} className="pts-matrix__group">
                {t('pts.progress.gain', {
                  from: localized(overall.from.label),
                  to: localized(overall.to.label),
                })}
              </th>
            )}
          </tr>
          <tr>
            {detail.cycles.map((c) => (
              <Fragment key={c.id}>
                <th scope="col" className="sk-num">
                  {t('pts.progress.percent')}
                </th>
                <th scope="col">{t('pts.progress.band')}</th>
              </Fragment>
            ))}
            {overall && (
              <>
                <th scope="col" className="sk-num">
                  {t('pts.progress.points')}
                </th>
                <th scope="col" className="sk-num">
                  {t('pts.progress.nGain')}
                </th>
              </>
            )}
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
                  {!teacher.active && (
                    <span className="sk-muted"> ({t('pts.progress.inactive')})</span>
                  )}
                </th>
                {teacher.cells.map((cell, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one cell per cycle, in cycle order.
                  <Fragment key={k}>
                    <td className="sk-num">{cell ? f.decimal(cell.percentage) : '–'}</td>
                    <td>{cell ? <Band bandSet={bandSet} label={cell.band} /> : '–'}</td>
                  </Fragment>
                ))}
                {overall && (
                  <>
                    <td className="sk-num">{g ? signed(f.decimal(g.points), g.points) : '–'}</td>
                    <td className="sk-num">{g ? f.decimal(g.normalized) : '–'}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">{t('pts.progress.mean')}</th>
            {detail.cycles.map((c) => (
              <Fragment key={c.id}>
                <td className="sk-num">{f.decimal(c.summary.mean)}</td>
                <td>
                  <Band bandSet={bandSet} label={c.summary.meanBand} />
                </td>
              </Fragment>
            ))}
            {overall && (
              <>
                <td className="sk-num">
                  {overall.means
                    ? signed(f.decimal(overall.means.points), overall.means.points)
                    : '–'}
                </td>
                <td className="sk-num">{f.decimal(overall.means?.normalized)}</td>
              </>
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** "+11,19" for a gain, as the paper prints it; the sign comes from the decimal string. */
function signed(formatted: string, raw: string): string {
  return raw.startsWith('-') || raw === '0.00' ? formatted : `+${formatted}`;
}

function MeanGains({ detail }: { detail: Detail }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const steps = overallAndSteps(detail);
  return (
    <Card title={t('pts.progress.meanGains')} flush>
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
            {steps.map((g) => (
              <tr key={`${g.from.ordinal}-${g.to.ordinal}`}>
                <td>{localized(g.from.label)}</td>
                <td>{localized(g.to.label)}</td>
                <td className="sk-num">{f.decimal(g.means?.preMean)}</td>
                <td className="sk-num">{f.decimal(g.means?.postMean)}</td>
                <td className="sk-num">
                  {g.means ? signed(f.decimal(g.means.points), g.means.points) : '–'}
                </td>
                <td className="sk-num">{f.decimal(g.means?.normalized)}</td>
                <td>{g.means?.category ? t(`pts.progress.gain.${g.means.category}`) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** Consecutive gains, then baseline -> latest when it spans more than one step. */
function overallAndSteps(detail: Detail) {
  const steps = [...detail.gains];
  const o = detail.overall;
  if (o && !steps.some((g) => g.from.ordinal === o.from.ordinal && g.to.ordinal === o.to.ordinal))
    steps.push(o);
  return steps;
}

function Charts({ detail }: { detail: Detail }) {
  const t = useT();
  const localized = useLocalized();
  const bandSet = detail.bandSet as TBandSet;
  const labels = detail.cycles.map((c) => localized(c.label));
  const references = bandReferences(bandSet);
  return (
    <div className="sk-grid sk-grid--2">
      <Card>
        <TrajectoryLineChart
          title={t('pts.progress.trajectory')}
          description={t('pts.progress.trajectoryHint')}
          cycles={labels}
          series={detail.teachers.map((teacher) => ({
            key: teacher.id,
            label: teacher.name,
            values: teacher.cells.map((c) => c?.percentage ?? null),
          }))}
          mean={detail.cycles.map((c) => c.summary.mean)}
        />
      </Card>
      <Card>
        <MeansBarChart
          title={t('pts.progress.means')}
          description={t('pts.progress.meansHint')}
          data={detail.cycles.map((c, i) => ({
            category: labels[i] ?? '',
            values: { mean: c.summary.mean },
          }))}
          series={[{ key: 'mean', label: t('pts.progress.mean') }]}
          references={references}
        />
      </Card>
    </div>
  );
}

function Consistency({ detail }: { detail: Detail }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <Card title={t('pts.progress.consistency')}>
      <div className="sk-alert pts-warning" role="note">
        <p className="sk-alert__message">{t('pts.progress.consistencyBody')}</p>
        <ul>
          {detail.cycles.flatMap((c) =>
            c.mismatches.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: mismatches of one cycle have no id.
              <li key={`${c.id}-${i}`}>
                <strong>{localized(c.label)}:</strong> {localized(m.message)}
              </li>
            )),
          )}
        </ul>
      </div>
    </Card>
  );
}
