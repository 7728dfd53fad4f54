import type { RouterInputs } from '@siklus/client';
import { COMPARISON_SORTS, CYCLE_STATUSES } from '@siklus/domain';

/**
 * The dashboard's state lives in the URL query string, so a filtered, sorted page is a
 * deep link and the back button walks through earlier views:
 * `?q=lulut&subdistrict=Klapanunggal&year=2024/2025&status=submitted&attention=1
 *  &sort=latestMean&dir=desc&page=2&size=25`.
 * Anything unknown or malformed falls back to the default rather than failing the page.
 */
export type ComparisonInput = RouterInputs['reports']['districtComparison'];
export type ComparisonSort = (typeof COMPARISON_SORTS)[number];
export type StatusFilter = (typeof CYCLE_STATUSES)[number] | 'none';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export interface DashboardParams {
  search: string;
  subdistrict: string;
  schoolYear: string;
  status: StatusFilter | '';
  attention: boolean;
  /** Figures read approved cycles unless the supervisor asks to include submitted ones. */
  withSubmitted: boolean;
  sort: { by: ComparisonSort; dir: 'asc' | 'desc' } | null;
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
}

const YEAR = /^\d{4}\/\d{4}$/;

/** `value` as a member of `values`, or undefined when it is none of them. */
function oneOf<T extends string | number>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

const STATUS_FILTERS: readonly StatusFilter[] = [...CYCLE_STATUSES, 'none'];

/** A status filter from a select's value; '' (all) for anything else. */
export function statusFilterOf(value: string): StatusFilter | '' {
  return oneOf(STATUS_FILTERS, value) ?? '';
}

/** A sortable column from a table's column id, or undefined when it cannot be sorted by. */
export function comparisonSortOf(value: string | null): ComparisonSort | undefined {
  return oneOf(COMPARISON_SORTS, value);
}

function positiveInt(text: string | null, fallback: number): number {
  if (!text || !/^\d{1,6}$/.test(text)) return fallback;
  const n = Number(text);
  return n >= 1 ? n : fallback;
}

export function readParams(sp: URLSearchParams): DashboardParams {
  const sortBy = comparisonSortOf(sp.get('sort'));
  const status = sp.get('status') ?? '';
  const year = sp.get('year') ?? '';
  const size = positiveInt(sp.get('size'), DEFAULT_PAGE_SIZE);
  return {
    search: (sp.get('q') ?? '').slice(0, 100),
    subdistrict: (sp.get('subdistrict') ?? '').slice(0, 120),
    schoolYear: YEAR.test(year) ? year : '',
    status: statusFilterOf(status),
    attention: sp.get('attention') === '1',
    withSubmitted: sp.get('basis') === 'submitted',
    sort: sortBy ? { by: sortBy, dir: sp.get('dir') === 'desc' ? 'desc' : 'asc' } : null,
    page: positiveInt(sp.get('page'), 1),
    pageSize: oneOf(PAGE_SIZES, size) ?? DEFAULT_PAGE_SIZE,
  };
}

/** The query string for `params`, leaving defaults out so links stay short. */
export function writeParams(params: DashboardParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (params.search) sp.set('q', params.search);
  if (params.subdistrict) sp.set('subdistrict', params.subdistrict);
  if (params.schoolYear) sp.set('year', params.schoolYear);
  if (params.status) sp.set('status', params.status);
  if (params.attention) sp.set('attention', '1');
  if (params.withSubmitted) sp.set('basis', 'submitted');
  if (params.sort) {
    sp.set('sort', params.sort.by);
    sp.set('dir', params.sort.dir);
  }
  if (params.page > 1) sp.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) sp.set('size', String(params.pageSize));
  return sp;
}

/** What `reports.districtComparison` receives for these params. */
export function toInput(params: DashboardParams): ComparisonInput {
  return {
    ...(params.sort ? { sort: params.sort } : {}),
    ...(params.subdistrict ? { subdistrict: params.subdistrict } : {}),
    ...(params.schoolYear ? { schoolYear: params.schoolYear } : {}),
    ...(params.status ? { status: params.status } : {}),
    ...(params.search.trim() ? { search: params.search.trim() } : {}),
    ...(params.attention ? { attention: true } : {}),
    ...(params.withSubmitted ? { basis: 'submitted' as const } : {}),
    page: params.page,
    pageSize: params.pageSize,
  };
}

/**
 * The filters of the export links (apps/supervision/src/export-urls.ts): the input's
 * names, with the sort flattened to `sort` + `dir`; no page, since a download holds all.
 */
export function exportFilters(params: DashboardParams): Record<string, string | undefined> {
  return {
    subdistrict: params.subdistrict || undefined,
    schoolYear: params.schoolYear || undefined,
    status: params.status || undefined,
    search: params.search.trim() || undefined,
    attention: params.attention ? 'true' : undefined,
    basis: params.withSubmitted ? 'submitted' : undefined,
    sort: params.sort?.by,
    dir: params.sort?.dir,
  };
}

/** School years offered in the filter: this one and the seven before it. */
export function recentSchoolYears(now = new Date()): string[] {
  // A school year starts in July: in November 2026 the current one is 2026/2027.
  const start = now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
  return Array.from({ length: 8 }, (_, i) => `${start - i}/${start - i + 1}`);
}
