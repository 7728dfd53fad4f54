import { useTRPC } from '@siklus/client';
import {
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  ProvisionalLabel,
  StatusBadge,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { TrajectoryLineChart } from '@siklus/ui/charts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { exportUrls } from '../../export-urls';
import { Band, BandShares, useSignedDecimal } from './district-bits';
import type { SchoolDetail, StudyListItem } from './types';

/**
 * A school's drill-down for the supervisor, read-only: the school, its studies (each
 * links to the shared study page), and one study's teacher x cycle table, per-cycle
 * summaries, trajectories and the domain's printed-figure warnings (`reports.schoolDetail`).
 * The study shown is the newest one, or `?study=<id>`.
 */
export function SchoolPage() {
  const t = useT();
  const trpc = useTRPC();
  const { schoolId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const school = useQuery(trpc.schools.get.queryOptions({ schoolId }));
  const studies = useQuery(trpc.studies.list.queryOptions({ schoolId }));

  if (school.isPending) return <LoadingState />;
  if (school.isError)
    return (
      <>
        <PageHeader title={t('district.school.title')} eyebrow={<BackLink />} />
        <ErrorState error={school.error} onRetry={() => void school.refetch()} />
      </>
    );
  const s = school.data;
  const chosen = searchParams.get('study');
  const shown = studies.data?.find((st) => st.id === chosen) ?? studies.data?.[0] ?? null;

  return (
    <>
      <PageHeader
        eyebrow={<BackLink />}
        title={s.name}
        description={`${t('district.npsn')} ${s.npsn} · ${s.subdistrict} · ${t('district.teachers')}: ${s.teacherCount}`}
      />
      <Card title={t('district.school.studies')} flush>
        {studies.isPending ? (
          <LoadingState />
        ) : studies.isError ? (
          <ErrorState error={studies.error} onRetry={() => void studies.refetch()} />
        ) : studies.data.length === 0 ? (
          <EmptyState title={t('district.noStudy')}>{t('district.school.noStudies')}</EmptyState>
        ) : (
          <StudyList studies={studies.data} schoolName={s.name} shownId={shown?.id ?? null} />
        )}
      </Card>
      {shown && <StudyDetail studyId={shown.id} />}
    </>
  );
}

function BackLink() {
  const t = useT();
  return <Link to="/dashboard">{t('district.school.back')}</Link>;
}

function StudyList({
  studies,
  schoolName,
  shownId,
}: {
  studies: StudyListItem[];
  schoolName: string;
  shownId: string | null;
}) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const columns = useMemo<DataTableColumn<StudyListItem>[]>(
    () => [
      {
        id: 'title',
        header: t('district.study'),
        cell: ({ row: { original: st } }) => (
          <div className="sk-district-study">
            <Link to={`/studies/${st.id}`}>{st.title}</Link>
            {st.id !== shownId && (
              <Link to={`?study=${st.id}`} className="sk-district-note">
                {t('district.school.matrix')} ↓
              </Link>
            )}
          </div>
        ),
      },
      { accessorKey: 'schoolYear', header: t('district.schoolYear') },
      {
        accessorKey: 'cycleCount',
        header: t('district.cycles'),
        cell: ({ getValue }) => f.integer(getValue()),
        meta: { numeric: true },
      },
      {
        id: 'latest',
        header: t('district.status'),
        cell: ({ row: { original: st } }) =>
          st.latestStatus && st.latestLabel ? (
            <span className="sk-row">
              {local(st.latestLabel)} <StatusBadge status={st.latestStatus} />
            </span>
          ) : (
            '–'
          ),
      },
    ],
    [t, f, local, shownId],
  );
  return (
    <DataTable
      data={studies}
      columns={columns}
      caption={t('district.school.studiesCaption', { school: schoolName })}
      getRowId={(st) => st.id}
      pageSize={false}
      dense
    />
  );
}

// ---------------------------------------------------------------------------------------

function StudyDetail({ studyId }: { studyId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const detail = useQuery(trpc.reports.schoolDetail.queryOptions({ studyId }));
  if (detail.isPending) return <LoadingState />;
  if (detail.isError)
    return (
      <Card>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </Card>
    );
  const d = detail.data;
  return (
    <>
      <Card
        className="sk-district-card"
        title={t('district.school.latest', { title: d.study.title })}
        description={t('district.school.readOnly')}
        actions={
          <>
            <Link className="sk-btn sk-btn--secondary sk-btn--sm" to={`/studies/${d.study.id}`}>
              {t('district.school.openStudy')}
            </Link>
            <a
              className="sk-btn sk-btn--secondary sk-btn--sm"
              href={exportUrls.studyRecap(d.study.id, 'csv')}
              download
            >
              {t('district.exportCsv')}
            </a>
            <a
              className="sk-btn sk-btn--secondary sk-btn--sm"
              href={exportUrls.studyRecap(d.study.id, 'xlsx')}
              download
            >
              {t('district.exportXlsx')}
            </a>
          </>
        }
      >
        <dl className="sk-dl">
          <dt>{t('district.school.focus')}</dt>
          <dd>{d.study.focus}</dd>
          <dt>{t('district.schoolYear')}</dt>
          <dd>{d.study.schoolYear}</dd>
          <dt>{t('district.criteria')}</dt>
          <dd>
            <CriteriaText detail={d} />
          </dd>
        </dl>
      </Card>
      <Consistency detail={d} />
      <Matrix detail={d} />
      <Summaries detail={d} />
      <Trajectories detail={d} />
    </>
  );
}

function CriteriaText({ detail }: { detail: SchoolDetail }) {
  const local = useLocalized();
  return <>{local(detail.criteria.description)}</>;
}

/** The domain's consistency warnings: printed figures that differ from the computed ones. */
function Consistency({ detail }: { detail: SchoolDetail }) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const printedAny = detail.cycles.some(
    (c) => c.printedMean !== null || c.printedMeanBand !== null || c.printedBands !== null,
  );
  const rows = detail.cycles.flatMap((c) => c.mismatches.map((m) => ({ cycle: c, m })));
  return (
    <Card title={t('district.school.consistency')}>
      {rows.length === 0 ? (
        <p className="sk-muted">
          {printedAny ? t('district.school.consistencyOk') : t('district.school.consistencyNone')}
        </p>
      ) : (
        <div className="sk-stack">
          <div className="sk-alert sk-alert--error" role="alert">
            <p className="sk-alert__message">
              {t('district.school.mismatches', { count: detail.mismatchCount })}
            </p>
          </div>
          <div className="sk-table-scroll">
            <table className="sk-table sk-table--dense">
              <caption className="sk-visually-hidden">{t('district.school.consistency')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('district.cycle')}</th>
                  <th scope="col" className="sk-num">
                    {t('district.school.printed')}
                  </th>
                  <th scope="col" className="sk-num">
                    {t('district.school.computed')}
                  </th>
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
          </div>
        </div>
      )}
    </Card>
  );
}

/** Teachers down, cycles across: the paper's Tables 1-3 side by side, with the gain. */
function Matrix({ detail }: { detail: SchoolDetail }) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const signed = useSignedDecimal();
  const bands = detail.bandSet.bands.map((b) => b.label);
  const overall = detail.overall;
  const gainOf = new Map(overall?.teachers.gains.map((g) => [g.teacherId, g]) ?? []);
  return (
    <Card title={t('district.school.matrix')} flush>
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
      <div className="sk-table-scroll">
        <table className="sk-table sk-table--dense">
          <caption className="sk-visually-hidden">
            {t('district.school.matrixCaption', { school: detail.study.schoolName })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sk-num">
                {t('district.school.no')}
              </th>
              <th scope="col">{t('district.school.teacher')}</th>
              {detail.cycles.map((c) => (
                <th key={c.id} scope="col" className="sk-num">
                  {local(c.label)}
                </th>
              ))}
              {overall && (
                <th scope="col" className="sk-num">
                  {t('district.gain')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {detail.teachers.map((teacher, i) => {
              const g = gainOf.get(teacher.id);
              return (
                <tr key={teacher.id}>
                  <td className="sk-num">{i + 1}</td>
                  <td>
                    {teacher.name}
                    {teacher.className && (
                      <span className="sk-district-note"> · {teacher.className}</span>
                    )}
                    {!teacher.active && (
                      <span className="sk-district-note"> ({t('district.school.inactive')})</span>
                    )}
                  </td>
                  {teacher.cells.map((cell, k) => (
                    <td key={detail.cycles[k]?.id ?? k} className="sk-num">
                      {cell ? (
                        <div className="sk-district-figure">
                          <span>{f.decimal(cell.percentage)}</span>
                          <Band label={cell.band} bands={bands} />
                        </div>
                      ) : (
                        <span className="sk-muted" title={t('district.school.notObserved')}>
                          –
                        </span>
                      )}
                    </td>
                  ))}
                  {overall && <td className="sk-num">{g ? signed(g.points) : '–'}</td>}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('district.mean')}
              </th>
              {detail.cycles.map((c) => (
                <td key={c.id} className="sk-num">
                  <div className="sk-district-figure">
                    <strong>{f.decimal(c.summary.mean)}</strong>
                    <Band label={c.summary.meanBand} bands={bands} />
                  </div>
                </td>
              ))}
              {overall && <td className="sk-num">{signed(overall.means?.points)}</td>}
            </tr>
          </tfoot>
        </table>
      </div>
    </Card>
  );
}

function Summaries({ detail }: { detail: SchoolDetail }) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const bands = detail.bandSet.bands.map((b) => b.label);
  return (
    <Card title={t('district.school.summaries')} flush>
      <div className="sk-table-scroll">
        <table className="sk-table sk-table--dense">
          <caption className="sk-visually-hidden">{t('district.school.summariesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('district.cycle')}</th>
              <th scope="col">{t('district.status')}</th>
              <th scope="col" className="sk-num">
                {t('district.school.n')}
              </th>
              <th scope="col" className="sk-num">
                {t('district.mean')}
              </th>
              <th scope="col">{t('district.school.meanBand')}</th>
              <th scope="col" className="sk-num">
                {t('district.school.median')}
              </th>
              <th scope="col" className="sk-num">
                {t('district.school.min')}
              </th>
              <th scope="col" className="sk-num">
                {t('district.school.max')}
              </th>
              <th scope="col" className="sk-num">
                {t('district.school.sd')}
              </th>
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
                  <StatusBadge status={c.status} />
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
                <td>
                  <BandShares counts={c.summary.bands} />
                </td>
                <td className="sk-district-text">
                  {c.criteria.met === null ? (
                    <span className="sk-muted">{t('workflow.criteria.notJudged')}</span>
                  ) : (
                    <span
                      className={
                        c.criteria.met ? 'sk-badge sk-district-met' : 'sk-badge sk-district-not-met'
                      }
                    >
                      {c.criteria.met ? t('district.criteriaMet') : t('district.criteriaNotMet')}
                    </span>
                  )}
                  <span className="sk-district-note sk-district-block">
                    {local(c.criteria.message)}
                  </span>
                  <ProvisionalLabel standing={c.standing} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Trajectories({ detail }: { detail: SchoolDetail }) {
  const t = useT();
  const local = useLocalized();
  return (
    <Card>
      <TrajectoryLineChart
        title={t('district.school.trajectory')}
        cycles={detail.cycles.map((c) => local(c.label))}
        series={detail.teachers.map((teacher) => ({
          key: teacher.id,
          label: teacher.name,
          values: teacher.cells.map((cell) => cell?.percentage ?? null),
        }))}
        mean={detail.cycles.map((c) => c.summary.mean)}
        references={detail.bandSet.bands
          .filter((b) => b.from !== '0.00')
          .map((b) => ({ value: b.from, label: b.label }))}
      />
    </Card>
  );
}
