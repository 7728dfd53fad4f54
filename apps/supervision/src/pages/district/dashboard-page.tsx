import { type RouterOutputs, useTRPC } from '@siklus/client';
import { CYCLE_STATUSES, OVERDUE_AFTER_DAYS } from '@siklus/domain';
import {
  Card,
  type DataTableColumn,
  ErrorState,
  LoadingState,
  PageHeader,
  ProvisionalLabel,
  QueryTable,
  Stat,
  useCurrentUser,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { BandDistributionChart, MeansBarChart } from '@siklus/ui/charts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  functionalUpdate,
  type PaginationState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { exportUrls } from '../../export-urls';
import { HomeNext } from '../home/home-next';
import { Band, BandBar, useSignedDecimal } from '../results/figures';
import { AttentionFlags, LatestStatus } from './attention';
import { BasisToggle } from './basis-toggle';
import {
  comparisonSortOf,
  type DashboardParams,
  exportFilters,
  PAGE_SIZES,
  readParams,
  recentSchoolYears,
  statusFilterOf,
  toInput,
  writeParams,
} from './comparison-params';

type ComparisonRow = RouterOutputs['reports']['districtComparison']['rows'][number];

/**
 * The supervisor's start page: the district's headline figures, then every school with
 * its latest study in one table that the server sorts, filters and pages
 * (`reports.districtComparison`; a district has up to 2,000 schools, so only one page is
 * ever in the browser). The state is in the query string, so views are deep links.
 */
export function DashboardPage() {
  const t = useT();
  const me = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => readParams(searchParams), [searchParams]);

  const update = (patch: Partial<DashboardParams>, replace = false) => {
    // Any change but paging itself starts again at page 1.
    const next = { ...params, page: 1, ...patch };
    setSearchParams(writeParams(next), { replace });
  };

  return (
    <>
      <PageHeader
        eyebrow={t('me.welcome', { name: me.fullName })}
        title={t('district.dashboard.title')}
        description={t('district.dashboard.description')}
      />
      <HomeNext />
      <BasisToggle
        withSubmitted={params.withSubmitted}
        onChange={(withSubmitted) => update({ withSubmitted, page: 1 })}
      />
      <Headline withSubmitted={params.withSubmitted} />
      <Filters params={params} update={update} />
      <Comparison params={params} update={update} />
    </>
  );
}

// ---------------------------------------------------------------------------------------

function Headline({ withSubmitted }: { withSubmitted: boolean }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const headline = useQuery(
    trpc.reports.districtHeadline.queryOptions({
      basis: withSubmitted ? 'submitted' : 'approved',
    }),
  );
  if (headline.isPending) return <LoadingState inline />;
  if (headline.isError)
    return <ErrorState error={headline.error} onRetry={() => void headline.refetch()} />;
  const h = headline.data;
  return (
    <section aria-label={t('district.headline.title')} className="sk-stats sk-district-stats">
      <Stat
        label={t('district.headline.schools')}
        value={f.integer(h.schoolCount)}
        hint={t('district.headline.schoolsHint')}
      />
      <Stat
        label={t('district.headline.withStudies')}
        value={f.integer(h.schoolsWithStudies)}
        hint={
          <Link to="/dashboard?status=none">
            {t('district.headline.withStudiesHint', {
              count: f.integer(Math.max(0, h.schoolCount - h.schoolsWithStudies)),
            })}
          </Link>
        }
      />
      <Stat
        label={t('district.headline.districtMean')}
        value={f.decimal(h.districtMean)}
        hint={
          <>
            {t('district.headline.districtMeanHint')}
            {h.studiesInProgress > 0 && (
              <span className="sk-provisional sk-provisional--pending" data-testid="in-progress">
                {t('workflow.headline.inProgress', { count: f.integer(h.studiesInProgress) })}
              </span>
            )}
          </>
        }
      />
      <Stat
        label={t('district.headline.teachers')}
        value={f.integer(h.teacherCount)}
        hint={t('district.headline.teachersHint', { studies: f.integer(h.studyCount) })}
      />
      <Stat
        label={<Link to="/review">{t('district.headline.waiting')}</Link>}
        value={f.integer(h.cyclesByStatus.submitted)}
        hint={t('district.headline.waitingHint')}
      />
      <Stat
        label={t('district.headline.returned')}
        value={f.integer(h.cyclesByStatus.returned)}
        hint={t('district.headline.returnedHint', { draft: f.integer(h.cyclesByStatus.draft) })}
      />
    </section>
  );
}

// ---------------------------------------------------------------------------------------

function Filters({
  params,
  update,
}: {
  params: DashboardParams;
  update: (patch: Partial<DashboardParams>, replace?: boolean) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const subdistricts = useQuery(trpc.schools.subdistricts.queryOptions());
  const years = useMemo(() => {
    const list = recentSchoolYears();
    return params.schoolYear && !list.includes(params.schoolYear)
      ? [params.schoolYear, ...list]
      : list;
  }, [params.schoolYear]);

  // The search box types freely; the URL (and the query) follow 300 ms after the last key.
  const [search, setSearch] = useState(params.search);
  const updateRef = useRef(update);
  updateRef.current = update;
  useEffect(() => setSearch(params.search), [params.search]);
  useEffect(() => {
    if (search === params.search) return;
    const timer = setTimeout(() => updateRef.current({ search }, true), 300);
    return () => clearTimeout(timer);
  }, [search, params.search]);

  const subdistrictOptions = subdistricts.data ?? [];
  const filtered =
    params.search || params.subdistrict || params.schoolYear || params.status || params.attention;

  return (
    <section className="sk-card sk-district-filters" aria-label={t('district.filters.title')}>
      <div className="sk-district-filters__grid">
        <label className="sk-field" htmlFor={`${id}-q`}>
          <span className="sk-field__label">{t('district.filters.search')}</span>
          <input
            id={`${id}-q`}
            type="search"
            className="sk-input"
            value={search}
            maxLength={100}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="sk-field" htmlFor={`${id}-sub`}>
          <span className="sk-field__label">{t('district.filters.subdistrict')}</span>
          <select
            id={`${id}-sub`}
            className="sk-input sk-select"
            value={params.subdistrict}
            onChange={(e) => update({ subdistrict: e.target.value })}
          >
            <option value="">{t('district.all')}</option>
            {params.subdistrict && !subdistrictOptions.includes(params.subdistrict) && (
              <option value={params.subdistrict}>{params.subdistrict}</option>
            )}
            {subdistrictOptions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="sk-field" htmlFor={`${id}-year`}>
          <span className="sk-field__label">{t('district.filters.schoolYear')}</span>
          <select
            id={`${id}-year`}
            className="sk-input sk-select"
            value={params.schoolYear}
            onChange={(e) => update({ schoolYear: e.target.value })}
          >
            <option value="">{t('district.all')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="sk-field" htmlFor={`${id}-status`}>
          <span className="sk-field__label">{t('district.filters.status')}</span>
          <select
            id={`${id}-status`}
            className="sk-input sk-select"
            value={params.status}
            onChange={(e) => update({ status: statusFilterOf(e.target.value) })}
          >
            <option value="">{t('district.all')}</option>
            {CYCLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
            <option value="none">{t('district.noStudy')}</option>
          </select>
        </label>
      </div>
      <div className="sk-row sk-district-filters__row">
        <label className="sk-district-check">
          <input
            type="checkbox"
            checked={params.attention}
            onChange={(e) => update({ attention: e.target.checked })}
          />{' '}
          {t('district.filters.attention')}
        </label>
        <span className="sk-district-note">
          {t('district.overdueHelp', { days: OVERDUE_AFTER_DAYS })}
        </span>
        {filtered && (
          <button
            type="button"
            className="sk-btn sk-btn--ghost sk-btn--sm"
            onClick={() =>
              update({
                search: '',
                subdistrict: '',
                schoolYear: '',
                status: '',
                attention: false,
              })
            }
          >
            {t('district.filters.clear')}
          </button>
        )}
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------

function Comparison({
  params,
  update,
}: {
  params: DashboardParams;
  update: (patch: Partial<DashboardParams>, replace?: boolean) => void;
}) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const signed = useSignedDecimal();
  const trpc = useTRPC();
  const comparison = useQuery({
    ...trpc.reports.districtComparison.queryOptions(toInput(params)),
    placeholderData: keepPreviousData,
  });

  const sorting: SortingState = params.sort
    ? [{ id: params.sort.by, desc: params.sort.dir === 'desc' }]
    : [];
  const pagination: PaginationState = {
    pageIndex: params.page - 1,
    pageSize: params.pageSize,
  };

  const columns = useMemo<DataTableColumn<ComparisonRow>[]>(() => {
    return [
      {
        id: 'schoolName',
        accessorKey: 'schoolName',
        header: t('district.school'),
        cell: ({ row: { original: r } }) => (
          <div className="sk-district-school">
            <Link to={`/schools/${r.schoolId}`} className="sk-district-school__name">
              {r.schoolName}
            </Link>
            <span className="sk-district-note">
              {t('district.npsn')} {r.npsn}
            </span>
            <AttentionFlags
              hasStudy={r.studyId !== null}
              overdue={r.overdue}
              since={r.latestUpdatedAt}
            />
          </div>
        ),
      },
      { id: 'subdistrict', accessorKey: 'subdistrict', header: t('district.subdistrict') },
      {
        id: 'studyTitle',
        accessorKey: 'studyTitle',
        header: t('district.study'),
        cell: ({ row: { original: r } }) =>
          r.studyId ? (
            <div className="sk-district-study">
              <span className="sk-district-clamp" title={r.studyTitle ?? undefined}>
                {r.studyTitle}
              </span>
              <span className="sk-district-note">{r.schoolYear}</span>
            </div>
          ) : (
            <span className="sk-muted">–</span>
          ),
      },
      {
        id: 'cycleCount',
        accessorKey: 'cycleCount',
        header: t('district.cycles'),
        cell: ({ row: { original: r } }) => (r.studyId ? f.integer(r.cycleCount) : '–'),
        meta: { numeric: true },
      },
      {
        id: 'baselineMean',
        accessorKey: 'baselineMean',
        header: t('district.baselineMean'),
        cell: ({ row: { original: r } }) => f.decimal(r.baselineMean),
        meta: { numeric: true },
      },
      {
        id: 'latestMean',
        accessorKey: 'latestMean',
        header: t('district.latestMean'),
        cell: ({ row: { original: r } }) => (
          <div className="sk-district-figure">
            <span>{f.decimal(r.latestMean)}</span>
            {r.latestLabel && <span className="sk-district-note">{local(r.latestLabel)}</span>}
            {r.latestMeanBand && <Band label={r.latestMeanBand} bands={r.bandCounts ?? []} />}
            <ProvisionalLabel standing={r.latestStanding} />
            {r.newest && (
              <ProvisionalLabel standing={r.newest.standing} subject={local(r.newest.label)} />
            )}
          </div>
        ),
        meta: { numeric: true },
      },
      {
        id: 'gainPoints',
        accessorKey: 'gainPoints',
        header: t('district.gain'),
        cell: ({ row: { original: r } }) => signed(r.gainPoints),
        meta: { numeric: true },
      },
      {
        id: 'normalizedGain',
        accessorKey: 'normalizedGain',
        header: t('district.normalizedGain'),
        cell: ({ row: { original: r } }) => f.decimal(r.normalizedGain),
        meta: { numeric: true },
      },
      {
        id: 'criteriaMet',
        header: t('district.criteria'),
        enableSorting: false,
        cell: ({ row: { original: r } }) =>
          r.criteriaMet === null ? (
            r.criteria && !r.criteria.complete ? (
              <span className="sk-muted" title={local(r.criteria.message)}>
                {t('workflow.criteria.notJudged')}
              </span>
            ) : (
              <span className="sk-muted">–</span>
            )
          ) : (
            <span
              className={
                r.criteriaMet ? 'sk-badge sk-district-met' : 'sk-badge sk-district-not-met'
              }
              title={r.criteria ? local(r.criteria.message) : undefined}
            >
              {r.criteriaMet ? t('district.criteriaMet') : t('district.criteriaNotMet')}
            </span>
          ),
      },
      {
        id: 'latestStatus',
        accessorKey: 'latestStatus',
        header: t('district.status'),
        // The workflow's state: the newest cycle's status, whatever the figures read.
        cell: ({ row: { original: r } }) => (
          <LatestStatus status={r.newest?.status ?? r.latestStatus} />
        ),
      },
      {
        id: 'bandShares',
        header: t('district.bandShares'),
        enableSorting: false,
        cell: ({ row: { original: r } }) => <BandBar counts={r.bandCounts} />,
      },
    ];
  }, [t, f, local, signed]);

  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = functionalUpdate(updater, sorting)[0];
    // Only the server's sortable columns have sorting enabled, so an unknown id means none.
    const by = next && comparisonSortOf(next.id);
    update({ sort: next && by ? { by, dir: next.desc ? 'desc' : 'asc' } : null });
  };
  const onPaginationChange = (updater: Updater<PaginationState>) => {
    const next = functionalUpdate(updater, pagination);
    update({ page: next.pageIndex + 1, pageSize: next.pageSize });
  };

  const filters = exportFilters(params);
  return (
    <>
      <Card
        className="sk-district-card"
        title={t('district.table.title')}
        description={t('district.table.exportHint')}
        flush
        actions={
          <>
            <a
              className="sk-btn sk-btn--secondary sk-btn--sm"
              href={exportUrls.districtComparison('csv', filters)}
              download
            >
              {t('district.exportCsv')}
            </a>
            <a
              className="sk-btn sk-btn--secondary sk-btn--sm"
              href={exportUrls.districtComparison('xlsx', filters)}
              download
            >
              {t('district.exportXlsx')}
            </a>
          </>
        }
      >
        <QueryTable
          query={comparison}
          rows={(data) => data.rows}
          columns={columns}
          caption={t('district.table.caption')}
          getRowId={(r) => `${r.schoolId}:${r.studyId ?? ''}`}
          total={(data) => data.total}
          sorting={sorting}
          onSortingChange={onSortingChange}
          pagination={pagination}
          onPaginationChange={onPaginationChange}
          pageSizeOptions={[...PAGE_SIZES]}
          empty={t('district.table.empty')}
          maxHeight="70vh"
          dense
        />
      </Card>
      {comparison.data && <PageCharts rows={comparison.data.rows} />}
    </>
  );
}

// ---------------------------------------------------------------------------------------

/** Charts of the page on screen (never the whole district: that could be 2,000 bars). */
function PageCharts({ rows }: { rows: ComparisonRow[] }) {
  const t = useT();
  const withFigures = rows.filter((r) => r.latestMean !== null);

  // Rows can use different band sets (PTS: 4 bands, PKG: 5); chart the most common one.
  const { bands, bandRows, others } = useMemo(() => {
    const bySet = new Map<string, ComparisonRow[]>();
    for (const r of withFigures) {
      if (!r.bandCounts || r.bandCounts.length === 0) continue;
      const key = r.bandCounts.map((b) => b.label).join('\u0000');
      bySet.set(key, [...(bySet.get(key) ?? []), r]);
    }
    const sets = [...bySet.entries()].sort((a, b) => b[1].length - a[1].length);
    const [top, ...rest] = sets;
    return {
      bands: top ? top[0].split('\u0000') : [],
      bandRows: top ? top[1] : [],
      others: rest.reduce((n, [, list]) => n + list.length, 0),
    };
  }, [withFigures]);

  if (withFigures.length === 0) {
    return (
      <Card>
        <p className="sk-muted">{t('district.charts.empty')}</p>
      </Card>
    );
  }
  return (
    <div className="sk-grid sk-grid--2">
      <Card>
        <MeansBarChart
          title={t('district.charts.means')}
          description={t('district.charts.meansHint')}
          layout="horizontal"
          data={withFigures.map((r) => ({
            category: r.schoolName,
            values: { baseline: r.baselineMean, latest: r.latestMean },
          }))}
          series={[
            { key: 'baseline', label: t('district.baselineMean') },
            { key: 'latest', label: t('district.latestMean') },
          ]}
        />
      </Card>
      <Card>
        <BandDistributionChart
          title={t('district.charts.bands')}
          description={
            others > 0 ? t('district.charts.otherBandSets', { count: others }) : undefined
          }
          layout="horizontal"
          bands={bands}
          rows={bandRows.map((r) => ({
            label: r.schoolName,
            shares: Object.fromEntries((r.bandCounts ?? []).map((b) => [b.label, b.share])),
          }))}
        />
      </Card>
    </div>
  );
}
