import {
  AppError,
  type COMPARISON_SORTS,
  classify,
  countedStatuses,
  cycleLabel,
  cycleStanding,
  judgeCriteria,
  overdueCutoff,
  type TBandSet,
  type TCriteriaEvaluation,
  type TCriteriaInput,
  type TCycleStanding,
  type TCycleStatus,
  type TFigureBasis,
  type TGainConvention,
  type TRubricDefinition,
  type TSuccessCriteria,
  type TTimeZone,
} from '@siklus/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { isoOrNull } from '../iso';
import type { DB, PrintedBandsJson } from '../schema';
import { getDistrict } from './districts';

/*
 * The district comparison, computed by Postgres: the cycle means, band counts and gains
 * of every school of a district in one query, never by loading observations into Node.
 *
 * Per-study figures come from study_figures (one row per study: the newest cycle, and per
 * basis the latest counted cycle's n, mean and band counts, the baseline mean and the
 * gains), which triggers keep from cycle_aggregates and cycle_band_counts, themselves kept
 * by triggers on observations, in the same transaction as every write (migrations
 * 2026-11-28T1800-cycle-aggregates and 2026-12-02T0800-study-figures, decisions 006 and
 * 021): a request reads one row per school instead of ~100k observations or ~6k cycles.
 *
 * The figures follow the domain package's rules and are tested against it digit for digit
 * (comparison.test.ts): a mean is round(sum / n, 2) on numeric (the sum is exact, and
 * Postgres rounds numeric ties away from zero, i.e. half-up for these non-negative
 * values), stored as cycle_aggregates.mean; gains use the rounded means (stored generated
 * columns of study_figures); normalised gain
 * is round((post - pre) / (100 - pre), 2), null when pre = 100. Band labels
 * (classification) and the success-criteria verdict come from the domain package, applied
 * to the SQL aggregates of the page's rows.
 *
 * Figures are results, so they come from cycles that count under the reader's basis
 * (approved only by default, or approved and submitted; the domain's countedStatuses):
 * "latest cycle" = the highest counted ordinal with at least one observation, the baseline
 * = ordinal 0 when it counts. A principal's draft never moves a supervisor's figures. The
 * study's newest cycle (any status) is reported apart, with its standing, so a screen can
 * say what is in progress ("sementara: 1 dari 6 guru diobservasi, belum ditinjau"); the
 * status filter and "overdue" read the newest cycle, since they are about the workflow.
 * The success criteria are judged only when the latest cycle observed every active
 * teacher of the school's roster (domain judgeCriteria). Gains are null until the latest
 * cycle is past the baseline. comparison.test.ts checks all of it against the domain's
 * resultCycles / cycleStanding.
 *
 * Every CTE filters by district_id, so the query stays local to one shard when the
 * tables are distributed by district (docs/decisions/004-growing-past-one-postgres.md).
 */

type Db = Kysely<DB> | Transaction<DB>;

/** The comparison's sort keys are the input schema's (domain `COMPARISON_SORTS`). */
export type ComparisonSortKey = (typeof COMPARISON_SORTS)[number];

/*
 * A school's latest cycle is overdue when it is still with the principal (draft or
 * returned) and nobody has written to it (notes, observations, status: every write goes
 * through touchCycle, which sets updated_at) for more than the domain's OVERDUE_AFTER_DAYS
 * calendar days of the district's zone (`overdueCutoff`, issue 14).
 */

export interface ComparisonFilters {
  subdistrict?: string | undefined;
  schoolYear?: string | undefined;
  /** The latest cycle's status, or 'none' for schools without a study. */
  status?: TCycleStatus | 'none' | undefined;
  /** Part of a school name, an NPSN or a study title (case-insensitive). */
  search?: string | undefined;
  /** Only schools that need attention: no study, or an overdue latest cycle. */
  attention?: boolean | undefined;
}

export interface NewestCycle {
  cycleId: string;
  ordinal: number;
  label: { id: string; en: string };
  status: TCycleStatus;
  n: number;
  /** Counted or not, provisional or not, how much of the roster, and the label to show. */
  standing: TCycleStanding;
}

export interface ComparisonQuery {
  districtId: string;
  filters?: ComparisonFilters;
  sort?: { by: ComparisonSortKey; dir: 'asc' | 'desc' };
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** Which cycles count as results (default: approved only). */
  basis?: TFigureBasis;
  /** The clock "overdue" is judged at (default: now), in the district's calendar days. */
  now?: Date;
  /** The district's zone; read from the district when left out. */
  timeZone?: TTimeZone;
}

export interface BandCount {
  label: string;
  count: number;
  /** Percent of the cycle's observed teachers, two places; null when none observed. */
  share: string | null;
}

export interface ComparisonRow {
  schoolId: string;
  schoolName: string;
  npsn: string;
  subdistrict: string;
  studyId: string | null;
  studyTitle: string | null;
  schoolYear: string | null;
  cycleCount: number;
  teacherCount: number;
  baselineMean: string | null;
  latestCycleId: string | null;
  latestOrdinal: number | null;
  latestLabel: { id: string; en: string } | null;
  latestStatus: TCycleStatus | null;
  /** Teachers observed in the latest cycle. */
  latestN: number | null;
  /** The latest counted cycle's standing (provisional when submitted, roster coverage). */
  latestStanding: TCycleStanding | null;
  /** The study's newest cycle whatever its status, when it is not the latest result. */
  newest: NewestCycle | null;
  latestMean: string | null;
  latestMeanBand: string | null;
  gainPoints: string | null;
  normalizedGain: string | null;
  /** The latest cycle's teachers per band, in the band set's order, zeros included. */
  bandCounts: BandCount[] | null;
  /**
   * Whether the latest cycle meets the study's success criteria; null without a result or
   * while the latest cycle has not observed every active teacher (criteria.complete false).
   */
  criteriaMet: boolean | null;
  /** Why: the domain's verdict per criterion and its message; null without a study. */
  criteria: (Pick<TCriteriaEvaluation, 'message' | 'results'> & { complete: boolean }) | null;
  /** When the newest cycle was last written to (ISO); null without a cycle. */
  latestUpdatedAt: string | null;
  /** The latest cycle is draft/returned and untouched for over OVERDUE_AFTER_DAYS calendar days. */
  overdue: boolean;
}

interface RawRow {
  school_id: string;
  school_name: string;
  npsn: string;
  subdistrict: string;
  study_id: string | null;
  study_title: string | null;
  school_year: string | null;
  cycle_count: number;
  teacher_count: number;
  baseline_mean: string | null;
  latest_cycle_id: string | null;
  latest_ordinal: number | null;
  latest_status: TCycleStatus | null;
  latest_n: number | null;
  latest_observed_active: number | null;
  newest_cycle_id: string | null;
  newest_ordinal: number | null;
  newest_status: TCycleStatus | null;
  newest_n: number | null;
  newest_observed_active: number | null;
  latest_mean: string | null;
  latest_updated_at: Date | string | null;
  overdue: boolean;
  gain_points: string | null;
  normalized_gain: string | null;
  band_counts: BandCount[] | null;
  /** Per pass mark of the criteria: the latest cycle's teachers at or above it. */
  pass_counts: { kkm: string; count: number }[] | null;
  /** The latest cycle's indicator means, when a criterion reads them; null otherwise. */
  indicator_means: { key: string; mean: string | null }[] | null;
  needs_indicator_means: boolean;
  bands: TBandSet | null;
  criteria: TSuccessCriteria | null;
  /** The primary instrument's key: the clauses the comparison judges are its (decision 022). */
  instrument_key: string | null;
  total: number;
}

const SORT_COLUMNS: Record<ComparisonSortKey, string> = {
  schoolName: 'school_name',
  npsn: 'npsn',
  subdistrict: 'subdistrict',
  studyTitle: 'study_title',
  schoolYear: 'school_year',
  cycleCount: 'cycle_count',
  baselineMean: 'baseline_mean',
  latestMean: 'latest_mean',
  gainPoints: 'gain_points',
  normalizedGain: 'normalized_gain',
  latestStatus: 'latest_status',
  teacherCount: 'teacher_count',
};

/**
 * The study_figures columns of a basis: the row keeps both bases side by side
 * (approved_*, submitted_*), so the reader's choice is a choice of columns.
 */
function figures(basis: TFigureBasis) {
  const prefix = basis === 'submitted' ? 'submitted' : 'approved';
  return (column: string) => sql.ref(`f.${prefix}_${column}`);
}

/**
 * The latest cycle's figures the criteria read besides n, mean and band counts, for a page
 * row `p` with its criteria `csv` and rubric `rv` joined: the twin of the domain's
 * criteriaInputFromPercentages (passCounts) and indicatorMeans, property-tested against
 * them in comparison.test.ts.
 *
 * - pass_counts: per distinct pass mark of a passShare clause, as round(kkm, 2)::text
 *   ("78.00", the domain's round2), the teachers whose stored percentage (numeric(5,2),
 *   the figure shown) is at or above it.
 * - indicator_means: only when an indicatorMean clause asks (they cost a pass over the
 *   cycle's indicator scores); per indicator of the rubric in its order, round(sum of the
 *   scores x 100 / (sheets that scored it x the scale maximum), 2), null when every sheet
 *   marked it n/a; null for a summary rubric.
 */
function latestCriteriaFigures(districtId: string): RawBuilder<unknown> {
  const clauses = sql`jsonb_array_elements(csv.criteria->'criteria')`;
  return sql`
      case when p.latest_cycle_id is null or csv.criteria is null then null else (
        select coalesce(jsonb_agg(jsonb_build_object('kkm', k.kkm, 'count', (
                 select count(*)::int from observations o
                  where o.district_id = ${districtId} and o.cycle_id = p.latest_cycle_id
                    and o.instrument = 0 and o.percentage >= k.kkm::numeric)) order by k.kkm), '[]'::jsonb)
          from (select distinct round((c->>'kkm')::numeric, 2)::text as kkm
                  from ${clauses} c where c->>'kind' = 'passShare') k
      ) end as pass_counts,
      coalesce(exists (select 1 from ${clauses} c where c->>'kind' = 'indicatorMean'), false)
        as needs_indicator_means,
      case when p.latest_cycle_id is null or rv.definition->>'mode' is distinct from 'indicators'
             or not exists (select 1 from ${clauses} c where c->>'kind' = 'indicatorMean')
           then null else (
        select coalesce(jsonb_agg(jsonb_build_object('key', i.ind->>'key', 'mean', (
                 select round(sum(s.score) * 100.0
                              / nullif(count(s.score) * (i.ind->'scale'->>'max')::int, 0), 2)::text
                   from indicator_scores s
                   join observations o on o.id = s.observation_id and o.district_id = ${districtId}
                    and o.instrument = 0
                  where s.district_id = ${districtId} and o.cycle_id = p.latest_cycle_id
                    and s.indicator_key = i.ind->>'key')) order by i.ord), '[]'::jsonb)
          from jsonb_path_query(rv.definition, '$.aspects[*].indicators[*]')
               with ordinality as i(ind, ord)
      ) end as indicator_means`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function districtComparison(
  db: Db,
  query: ComparisonQuery,
): Promise<{ total: number; rows: ComparisonRow[] }> {
  const { districtId, filters = {} } = query;
  const basis = query.basis ?? 'approved';
  const timeZone = query.timeZone ?? (await getDistrict(db, districtId)).timeZone;
  const cutoff = overdueCutoff(query.now ?? new Date(), timeZone);
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? 50), 1), 500);
  const page = Math.max(Math.trunc(query.page ?? 1), 1);
  const sort = query.sort ?? { by: 'schoolName', dir: 'asc' };
  const column = SORT_COLUMNS[sort.by];
  if (!column)
    throw new AppError(
      'BAD_REQUEST',
      { id: 'Urutan tidak dikenal', en: 'Unknown sort column' },
      { field: 'sort.by' },
    );
  const dir = sort.dir === 'desc' ? sql.raw('desc') : sql.raw('asc');

  const where: RawBuilder<unknown>[] = [];
  if (filters.subdistrict) where.push(sql`and subdistrict = ${filters.subdistrict}`);
  if (filters.schoolYear) where.push(sql`and school_year = ${filters.schoolYear}`);
  if (filters.status === 'none') where.push(sql`and study_id is null`);
  else if (filters.status) where.push(sql`and newest_status = ${filters.status}`);
  if (filters.attention) where.push(sql`and (study_id is null or overdue)`);
  if (filters.search?.trim()) {
    const pattern = `%${escapeLike(filters.search.trim())}%`;
    where.push(
      sql`and (school_name ilike ${pattern} or npsn like ${pattern} or study_title ilike ${pattern})`,
    );
  }

  // Teacher counts cost a count over every teacher of the district; only a sort by them
  // needs them for every school, otherwise they are counted for the page's rows alone.
  const countAllTeachers = sort.by === 'teacherCount';
  const teacherCountOf = (schoolId: RawBuilder<unknown>) => sql`(
      select count(*)::int from teachers t
      where t.district_id = ${districtId} and t.school_id = ${schoolId} and t.active)`;

  // Active teachers of a page row's school with an observation in a given cycle.
  const col = figures(basis);
  const observedActiveOf = (cycleId: RawBuilder<unknown>) => sql`(
      select count(*)::int from observations o
      join teachers t on t.id = o.teacher_id and t.district_id = ${districtId} and t.active
      where o.district_id = ${districtId} and o.cycle_id = ${cycleId} and o.instrument = 0)`;

  // The first page is read in the sort's order and stopped at the page's end: for the
  // default sort (school name) an index on active schools by name (migration
  // 2026-12-02T1200-comparison-top-n) hands the rows over in order, so a district of
  // 20,000 schools reads 50 of them, not all. \`base\` is inlined into both the page and the
  // count (not materialized); the count is its own pass over the filtered rows (index-only
  // when nothing filters), computed once.
  const filteredWhere = sql`where true ${sql.join(where, sql` `)}`;
  const { rows } = await sql<RawRow>`
    with base as not materialized (
      select sch.id as school_id, sch.name as school_name, sch.npsn, sch.subdistrict,
             st.id as study_id, st.title as study_title, st.school_year, st.created_at as study_created_at,
             st.band_set_version_id, st.criteria_set_version_id, st.rubric_version_id,
             st.instrument_key,
             coalesce(f.cycle_count, 0) as cycle_count,
             ${countAllTeachers ? teacherCountOf(sql.ref('sch.id')) : sql`null::int`} as teacher_count,
             ${col('baseline_mean')} as baseline_mean,
             ${col('latest_cycle_id')} as latest_cycle_id, ${col('latest_ordinal')} as latest_ordinal,
             ${col('latest_status')} as latest_status, ${col('latest_n')} as latest_n,
             ${col('latest_mean')} as latest_mean, ${col('band_counts')} as latest_band_counts,
             f.newest_updated_at as latest_updated_at,
             f.newest_cycle_id, f.newest_ordinal, f.newest_status, f.newest_n,
             coalesce(f.newest_status in ('draft', 'returned')
               and f.newest_updated_at < ${cutoff}, false) as overdue,
             ${col('gain_points')} as gain_points, ${col('normalized_gain')} as normalized_gain
      from schools sch
      left join studies st on st.school_id = sch.id and st.district_id = ${districtId}
      left join study_figures f on f.study_id = st.id and f.district_id = ${districtId}
      where sch.district_id = ${districtId} and sch.active
    ),
    page as (
      select *, (select count(*)::int from base ${filteredWhere}) as total
      from base ${filteredWhere}
      order by ${sql.ref(column)} ${dir} nulls last, school_name asc, npsn asc,
               study_created_at asc nulls last, study_id asc nulls last
      limit ${pageSize} offset ${(page - 1) * pageSize}
    )
    select p.school_id, p.school_name, p.npsn, p.subdistrict, p.study_id, p.study_title,
      p.school_year, p.study_created_at, p.cycle_count,
      ${countAllTeachers ? sql`p.teacher_count` : teacherCountOf(sql.ref('p.school_id'))} as teacher_count,
      p.baseline_mean, p.latest_cycle_id, p.latest_ordinal, p.latest_status, p.latest_n,
      p.latest_mean, p.latest_updated_at, p.overdue, p.gain_points, p.normalized_gain, p.total,
      p.newest_cycle_id, p.newest_ordinal, p.newest_status, p.newest_n, p.instrument_key,
      case when p.latest_cycle_id is null then null
           else ${observedActiveOf(sql.ref('p.latest_cycle_id'))} end as latest_observed_active,
      case when p.newest_cycle_id is null then null
           else ${observedActiveOf(sql.ref('p.newest_cycle_id'))} end as newest_observed_active,
      bsv.bands, csv.criteria,
      ${latestCriteriaFigures(districtId)},
      case when p.study_id is null then null else (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'label', e.elem->>'label',
                 'count', coalesce((p.latest_band_counts->>(e.elem->>'label'))::int, 0),
                 'share', case when coalesce(p.latest_n, 0) = 0 then null
                          else round(coalesce((p.latest_band_counts->>(e.elem->>'label'))::int, 0)
                                     * 100.0 / p.latest_n, 2)::text end
               ) order by e.ord), '[]'::jsonb)
        from jsonb_array_elements(bsv.bands->'bands') with ordinality as e(elem, ord)
      ) end as band_counts
    from page p
    left join band_set_versions bsv
      on bsv.id = p.band_set_version_id and bsv.district_id = ${districtId}
    left join criteria_set_versions csv
      on csv.id = p.criteria_set_version_id and csv.district_id = ${districtId}
    left join rubric_versions rv
      on rv.id = p.rubric_version_id and rv.district_id = ${districtId}
    order by ${sql.ref(column)} ${dir} nulls last, school_name asc, npsn asc,
             study_created_at asc nulls last, study_id asc nulls last`.execute(db);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page: the window count had no row to ride on; count on page 1.
    total = (await districtComparison(db, { ...query, page: 1, pageSize: 1 })).total;
  }
  return { total, rows: rows.map((r) => toComparisonRow(r, basis)) };
}

function toComparisonRow(r: RawRow, basis: TFigureBasis): ComparisonRow {
  const bandSet = r.bands;
  const roster = r.teacher_count;
  const latestStanding =
    r.latest_status === null
      ? null
      : cycleStanding({
          status: r.latest_status,
          basis,
          observedActive: r.latest_observed_active ?? 0,
          roster,
        });
  // The band and criteria sets come with the row, so the verdict needs no second query.
  const input: TCriteriaInput | null = r.band_counts && {
    n: r.latest_n ?? 0,
    mean: r.latest_mean,
    bandCounts: r.band_counts,
    passCounts: r.pass_counts ?? [],
  };
  if (input && r.needs_indicator_means) input.indicatorMeans = r.indicator_means;
  // The comparison reads the primary instrument's figures, so it judges the clauses on it
  // (naming no instrument, or the primary); another instrument's are judged on its pages.
  const primaryClauses = r.criteria?.criteria.filter(
    (c) => c.instrument === undefined || c.instrument === r.instrument_key,
  );
  const verdict =
    bandSet && primaryClauses && primaryClauses.length > 0 && input && latestStanding
      ? judgeCriteria(primaryClauses, input, bandSet, latestStanding.coverage)
      : null;
  const newest: NewestCycle | null =
    r.newest_cycle_id === null ||
    r.newest_ordinal === null ||
    r.newest_status === null ||
    r.newest_cycle_id === r.latest_cycle_id
      ? null
      : {
          cycleId: r.newest_cycle_id,
          ordinal: r.newest_ordinal,
          label: { id: cycleLabel(r.newest_ordinal, 'id'), en: cycleLabel(r.newest_ordinal, 'en') },
          status: r.newest_status,
          n: r.newest_n ?? 0,
          standing: cycleStanding({
            status: r.newest_status,
            basis,
            observedActive: r.newest_observed_active ?? 0,
            roster,
          }),
        };
  return {
    schoolId: r.school_id,
    schoolName: r.school_name,
    npsn: r.npsn,
    subdistrict: r.subdistrict,
    studyId: r.study_id,
    studyTitle: r.study_title,
    schoolYear: r.school_year,
    cycleCount: r.cycle_count,
    teacherCount: r.teacher_count,
    baselineMean: r.baseline_mean,
    latestCycleId: r.latest_cycle_id,
    latestOrdinal: r.latest_ordinal,
    latestLabel:
      r.latest_ordinal === null
        ? null
        : { id: cycleLabel(r.latest_ordinal, 'id'), en: cycleLabel(r.latest_ordinal, 'en') },
    latestStatus: r.latest_status,
    latestN: r.latest_n,
    latestStanding,
    newest,
    latestMean: r.latest_mean,
    latestMeanBand:
      bandSet && r.latest_mean !== null ? classify(bandSet, r.latest_mean).label : null,
    gainPoints: r.gain_points,
    normalizedGain: r.normalized_gain,
    bandCounts: r.band_counts,
    criteriaMet: verdict?.met ?? null,
    criteria: verdict && {
      message: verdict.message,
      results: verdict.results,
      complete: verdict.complete,
    },
    latestUpdatedAt: isoOrNull(r.latest_updated_at),
    overdue: r.overdue,
  };
}

export interface DistrictHeadline {
  schoolCount: number;
  schoolsWithStudies: number;
  studyCount: number;
  teacherCount: number;
  cyclesByStatus: Record<TCycleStatus, number>;
  /** Mean of the studies' latest counted means (each rounded first), two places; null if none. */
  districtMean: string | null;
  /** Studies whose mean entered districtMean. */
  studiesInMean: number;
  /** Studies with a newer cycle than their latest result (work not in the figures yet). */
  studiesInProgress: number;
  basis: TFigureBasis;
}

export async function districtHeadline(
  db: Db,
  districtId: string,
  basis: TFigureBasis = 'approved',
): Promise<DistrictHeadline> {
  const col = figures(basis);
  const { rows } = await sql<{
    school_count: number;
    schools_with_studies: number;
    study_count: number;
    teacher_count: number;
    draft: number;
    submitted: number;
    returned: number;
    approved: number;
    district_mean: string | null;
    studies_in_mean: number;
    studies_in_progress: number;
  }>`
    with statuses as (
      select status, count(*)::int as n from cycles where district_id = ${districtId} group by status
    ),
    latest as (
      select f.cycle_count, f.newest_ordinal, ${col('latest_ordinal')} as latest_ordinal,
             ${col('latest_mean')} as mean
      from study_figures f where f.district_id = ${districtId}
    )
    select
      (select count(*)::int from schools where district_id = ${districtId} and active) as school_count,
      (select count(distinct s.school_id)::int from studies s
         join schools sch on sch.id = s.school_id and sch.district_id = ${districtId} and sch.active
         where s.district_id = ${districtId}) as schools_with_studies,
      (select count(*)::int from studies where district_id = ${districtId}) as study_count,
      (select count(*)::int from teachers where district_id = ${districtId} and active) as teacher_count,
      coalesce((select n from statuses where status = 'draft'), 0) as draft,
      coalesce((select n from statuses where status = 'submitted'), 0) as submitted,
      coalesce((select n from statuses where status = 'returned'), 0) as returned,
      coalesce((select n from statuses where status = 'approved'), 0) as approved,
      (select round(avg(mean), 2) from latest where mean is not null) as district_mean,
      (select count(*)::int from latest where mean is not null) as studies_in_mean,
      (select count(*)::int from latest where cycle_count > 0
         and (latest_ordinal is null or newest_ordinal > latest_ordinal)) as studies_in_progress
  `.execute(db);
  const r = rows[0]!;
  return {
    schoolCount: r.school_count,
    schoolsWithStudies: r.schools_with_studies,
    studyCount: r.study_count,
    teacherCount: r.teacher_count,
    cyclesByStatus: {
      draft: r.draft,
      submitted: r.submitted,
      returned: r.returned,
      approved: r.approved,
    },
    districtMean: r.district_mean,
    studiesInMean: r.studies_in_mean,
    studiesInProgress: r.studies_in_progress,
    basis,
  };
}

export interface MatrixCycle {
  id: string;
  ordinal: number;
  label: { id: string; en: string };
  status: TCycleStatus;
  n: number;
  /** Active teachers of the roster observed in this cycle (matrix.roster is the whole). */
  observedActive: number;
  mean: string | null;
  meanBand: string | null;
  printedMean: string | null;
  printedMeanBand: string | null;
  printedBands: PrintedBandsJson | null;
  stages: {
    planning: CycleStage;
    action: CycleStage;
    observation: CycleStage;
    reflection: CycleStage;
  };
  reviewComment: string | null;
}

/** A stage's notes and its date ('YYYY-MM-DD'). */
export interface CycleStage {
  notes: string | null;
  date: string | null;
}

export interface MatrixTeacher {
  id: string;
  name: string;
  className: string | null;
  active: boolean;
  /** One entry per cycle, in `cycles` order; null where the teacher was not observed. */
  cells: ({ observationId: string; percentage: string; band: string } | null)[];
}

export interface SchoolCycleMatrix {
  study: {
    id: string;
    title: string;
    focus: string;
    schoolYear: string;
    schoolId: string;
    schoolName: string;
    npsn: string;
    /** The gain convention the study shows first. */
    gainFirst: TGainConvention;
  };
  bandSet: TBandSet;
  /** The rubric the study was fixed with (indicator clauses of the criteria read it). */
  rubric: TRubricDefinition;
  /** The success criteria the study was fixed with. */
  criteria: TSuccessCriteria;
  /** Active teachers of the school now: the roster a complete cycle observes. */
  roster: number;
  cycles: MatrixCycle[];
  teachers: MatrixTeacher[];
}

/**
 * A school's teacher-by-cycle table (the paper's Tables 1-3 side by side) with each
 * cycle's mean from the aggregates, its stage notes and review comment, and the study's
 * band set and criteria: four queries whatever the number of cycles. Teachers: everyone observed in the study, plus active teachers
 * of the school not yet observed, in roster order. NOT_FOUND outside the district.
 */
export async function schoolCycleMatrix(
  db: Db,
  {
    districtId,
    studyId,
    instrument = 0,
  }: {
    districtId: string;
    studyId: string;
    /** Which of the study's instruments (decision 022); 0, the primary, by default. */
    instrument?: number;
  },
): Promise<SchoolCycleMatrix> {
  const study = await db
    .selectFrom('studies')
    .innerJoin('schools', 'schools.id', 'studies.school_id')
    .innerJoin('band_set_versions', 'band_set_versions.id', 'studies.band_set_version_id')
    .innerJoin(
      'criteria_set_versions',
      'criteria_set_versions.id',
      'studies.criteria_set_version_id',
    )
    .innerJoin('rubric_versions', 'rubric_versions.id', 'studies.rubric_version_id')
    .select([
      'studies.id',
      'studies.title',
      'studies.focus',
      'studies.school_year',
      'studies.school_id',
      'schools.name as school_name',
      'schools.npsn',
      'studies.gain_first',
      'band_set_versions.bands',
      'criteria_set_versions.criteria',
      'rubric_versions.definition',
    ])
    .where('studies.district_id', '=', districtId)
    .where('studies.id', '=', studyId)
    .executeTakeFirst();
  if (!study) {
    throw new AppError(
      'NOT_FOUND',
      { id: 'Penelitian tidak ditemukan', en: 'The study was not found' },
      { field: 'studyId' },
    );
  }
  // Another instrument's sheets are scored with its own rubric and band set.
  const other =
    instrument === 0
      ? null
      : await db
          .selectFrom('study_instruments as si')
          .innerJoin('rubric_versions as rv', 'rv.id', 'si.rubric_version_id')
          .innerJoin('band_set_versions as bv', 'bv.id', 'si.band_set_version_id')
          .select(['rv.definition', 'bv.bands'])
          .where('si.district_id', '=', districtId)
          .where('si.study_id', '=', studyId)
          .where('si.instrument', '=', instrument)
          .executeTakeFirst();
  if (instrument !== 0 && !other) {
    throw new AppError(
      'NOT_FOUND',
      { id: 'Instrumen tidak ditemukan', en: 'The instrument was not found' },
      { field: 'instrument' },
    );
  }
  const bandSet = other?.bands ?? study.bands;

  const cycles = await db
    .selectFrom('cycles as c')
    .leftJoin('cycle_aggregates as a', (j) =>
      j
        .onRef('a.cycle_id', '=', 'c.id')
        .on('a.district_id', '=', districtId)
        .on('a.instrument', '=', instrument),
    )
    // A further instrument's printed figures (no row holds the primary's: they are c's).
    .leftJoin('cycle_printed_figures as p', (j) =>
      j
        .onRef('p.cycle_id', '=', 'c.id')
        .on('p.district_id', '=', districtId)
        .on('p.instrument', '=', instrument),
    )
    .select([
      'c.id',
      'c.ordinal',
      'c.status',
      'c.printed_mean',
      'c.printed_mean_band',
      'c.printed_bands',
      'p.printed_mean as other_printed_mean',
      'p.printed_mean_band as other_printed_mean_band',
      'p.printed_bands as other_printed_bands',
      'c.planning_notes',
      'c.planning_date',
      'c.action_notes',
      'c.action_date',
      'c.observation_notes',
      'c.observation_date',
      'c.reflection_notes',
      'c.reflection_date',
      'c.review_comment',
      sql<number>`coalesce(a.n, 0)`.as('n'),
      'a.mean',
    ])
    .where('c.district_id', '=', districtId)
    .where('c.study_id', '=', studyId)
    .orderBy('c.ordinal')
    .execute();

  const observations = await db
    .selectFrom('observations as o')
    .innerJoin('cycles as c', 'c.id', 'o.cycle_id')
    .select(['o.id', 'o.cycle_id', 'o.teacher_id', 'o.percentage', 'o.band'])
    .where('o.district_id', '=', districtId)
    .where('o.instrument', '=', instrument)
    .where('c.district_id', '=', districtId)
    .where('c.study_id', '=', studyId)
    .execute();

  const observed = new Set(observations.map((o) => o.teacher_id));
  const teacherRows = await db
    .selectFrom('teachers')
    .select(['id', 'name', 'class_name', 'active', 'sort_order'])
    .where('district_id', '=', districtId)
    .where('school_id', '=', study.school_id)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();

  const cycleIndex = new Map(cycles.map((c, i) => [c.id, i]));
  const activeIds = new Set(teacherRows.filter((t) => t.active).map((t) => t.id));
  const observedActive = cycles.map(() => 0);
  for (const o of observations) {
    if (activeIds.has(o.teacher_id)) observedActive[cycleIndex.get(o.cycle_id)!]! += 1;
  }
  const cells = new Map<string, MatrixTeacher['cells']>();
  for (const o of observations) {
    let row = cells.get(o.teacher_id);
    if (!row) {
      row = cycles.map(() => null);
      cells.set(o.teacher_id, row);
    }
    row[cycleIndex.get(o.cycle_id)!] = {
      observationId: o.id,
      percentage: o.percentage,
      band: o.band,
    };
  }

  return {
    study: {
      id: study.id,
      title: study.title,
      focus: study.focus,
      schoolYear: study.school_year,
      schoolId: study.school_id,
      schoolName: study.school_name,
      npsn: study.npsn,
      gainFirst: study.gain_first,
    },
    bandSet,
    rubric: other?.definition ?? study.definition,
    criteria: study.criteria,
    roster: activeIds.size,
    cycles: cycles.map((c, i) => ({
      id: c.id,
      ordinal: c.ordinal,
      label: { id: cycleLabel(c.ordinal, 'id'), en: cycleLabel(c.ordinal, 'en') },
      status: c.status,
      n: c.n,
      observedActive: observedActive[i]!,
      mean: c.mean,
      meanBand: c.mean === null ? null : classify(bandSet, c.mean).label,
      // Each instrument's own printed figures (decision 022).
      printedMean: instrument === 0 ? c.printed_mean : c.other_printed_mean,
      printedMeanBand: instrument === 0 ? c.printed_mean_band : c.other_printed_mean_band,
      printedBands: instrument === 0 ? c.printed_bands : c.other_printed_bands,
      stages: {
        planning: { notes: c.planning_notes, date: c.planning_date },
        action: { notes: c.action_notes, date: c.action_date },
        observation: { notes: c.observation_notes, date: c.observation_date },
        reflection: { notes: c.reflection_notes, date: c.reflection_date },
      },
      reviewComment: c.review_comment,
    })),
    teachers: teacherRows
      .filter((t) => t.active || observed.has(t.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        className: t.class_name,
        active: t.active,
        cells: cells.get(t.id) ?? cycles.map(() => null),
      })),
  };
}

export interface ComparedCycle {
  cycleId: string;
  ordinal: number;
  label: { id: string; en: string };
  status: TCycleStatus;
  /** Submitted, not yet approved: counted only under `basis: 'submitted'`. */
  provisional: boolean;
  n: number;
  mean: string | null;
  meanBand: string | null;
}

export interface ComparedSchool {
  id: string;
  name: string;
  npsn: string;
  subdistrict: string;
  studies: { studyId: string; studyTitle: string; schoolYear: string; cycles: ComparedCycle[] }[];
}

/**
 * Schools side by side: each one's studies (oldest first) with the n and mean of every
 * cycle that counts as a result under `basis` (approved only by default, submitted ones
 * too under 'submitted', flagged provisional; the domain's countedStatuses), from the
 * aggregates, the mean classified by the study's band set. Schools come back in the order
 * asked; ids outside the district are left out (the caller checks scope first).
 */
export async function compareSchools(
  db: Db,
  {
    districtId,
    schoolIds,
    basis = 'approved',
  }: { districtId: string; schoolIds: readonly string[]; basis?: TFigureBasis },
): Promise<ComparedSchool[]> {
  if (schoolIds.length === 0) return [];
  const [schools, rows] = await Promise.all([
    db
      .selectFrom('schools')
      .select(['id', 'name', 'npsn', 'subdistrict'])
      .where('district_id', '=', districtId)
      .where('id', 'in', schoolIds)
      .execute(),
    db
      .selectFrom('studies as s')
      .innerJoin('band_set_versions as b', 'b.id', 's.band_set_version_id')
      .innerJoin('cycles as c', 'c.study_id', 's.id')
      .leftJoin('cycle_aggregates as a', (j) =>
        j
          .onRef('a.cycle_id', '=', 'c.id')
          .on('a.district_id', '=', districtId)
          .on('a.instrument', '=', 0),
      )
      .select([
        's.school_id as schoolId',
        's.id as studyId',
        's.title as studyTitle',
        's.school_year as schoolYear',
        'b.bands',
        'c.id as cycleId',
        'c.ordinal',
        'c.status',
        sql<number>`coalesce(a.n, 0)`.as('n'),
        'a.mean',
      ])
      .where('s.district_id', '=', districtId)
      .where('c.district_id', '=', districtId)
      .where('s.school_id', 'in', schoolIds)
      .where('c.status', 'in', countedStatuses(basis))
      .orderBy('s.created_at')
      .orderBy('s.id')
      .orderBy('c.ordinal')
      .execute(),
  ]);
  const byId = new Map(schools.map((s) => [s.id, s]));
  return schoolIds.flatMap((id) => {
    const school = byId.get(id);
    if (!school) return [];
    const studies = new Map<string, ComparedSchool['studies'][number]>();
    for (const r of rows) {
      if (r.schoolId !== id) continue;
      let study = studies.get(r.studyId);
      if (!study) {
        study = {
          studyId: r.studyId,
          studyTitle: r.studyTitle,
          schoolYear: r.schoolYear,
          cycles: [],
        };
        studies.set(r.studyId, study);
      }
      study.cycles.push({
        cycleId: r.cycleId,
        ordinal: r.ordinal,
        label: { id: cycleLabel(r.ordinal, 'id'), en: cycleLabel(r.ordinal, 'en') },
        status: r.status,
        provisional: r.status !== 'approved',
        n: r.n,
        mean: r.mean,
        meanBand: r.mean === null ? null : classify(r.bands, r.mean).label,
      });
    }
    return [{ ...school, studies: [...studies.values()] }];
  });
}
