import { type RouterOutputs, useTRPC } from '@siklus/client';
import { COMPARE_SCHOOLS_MAX, cycleLabel } from '@siklus/domain';
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  QueryState,
  TableScroll,
  useFormat,
  useLang,
  useT,
} from '@siklus/ui';
import { MeansBarChart } from '@siklus/ui/charts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LatestStatus } from './attention';

type CompareResult = RouterOutputs['reports']['compareSchools'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The selection, from `?school=<id>&school=<id>` (unique, well-formed, at most the maximum). */
function readSelection(sp: URLSearchParams): string[] {
  return [...new Set(sp.getAll('school').filter((id) => UUID.test(id)))].slice(
    0,
    COMPARE_SCHOOLS_MAX,
  );
}

/**
 * Compare: search and tick schools (the ticks live in the URL, so a comparison is a link),
 * then see each school's studies with their cycle means side by side, as a table and a
 * chart (`reports.compareSchools`).
 */
export function ComparePage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = useMemo(() => readSelection(searchParams), [searchParams]);

  const setSelected = (ids: string[]) => {
    const next = new URLSearchParams(searchParams);
    next.delete('school');
    for (const id of ids) next.append('school', id);
    setSearchParams(next);
  };
  const toggle = (id: string, on: boolean) =>
    setSelected(on ? [...selected, id] : selected.filter((s) => s !== id));

  return (
    <>
      <PageHeader
        title={t('district.compare.title')}
        description={t('district.compare.description', { max: COMPARE_SCHOOLS_MAX })}
      />
      <div className="sk-district-compare">
        <Picker selected={selected} onToggle={toggle} onClear={() => setSelected([])} />
        <div className="sk-stack sk-district-compare__result">
          {selected.length === 0 ? (
            <Card>
              <EmptyState title={t('district.compare.none')}>
                {t('district.compare.noneBody')}
              </EmptyState>
            </Card>
          ) : (
            <Result schoolIds={selected} onRemove={(id) => toggle(id, false)} />
          )}
        </div>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------

function Picker({
  selected,
  onToggle,
  onClear,
}: {
  selected: string[];
  onToggle: (id: string, on: boolean) => void;
  onClear: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const id = useId();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const schools = useQuery({
    ...trpc.schools.list.queryOptions({
      search: deferred || undefined,
      active: true,
      limit: 20,
      offset: 0,
    }),
    placeholderData: keepPreviousData,
  });
  const full = selected.length >= COMPARE_SCHOOLS_MAX;

  return (
    <Card
      title={t('district.compare.pick')}
      className="sk-district-compare__picker"
      actions={
        selected.length > 0 && (
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t('district.compare.clear')}
          </Button>
        )
      }
    >
      <div className="sk-field">
        <label className="sk-field__label" htmlFor={`${id}-q`}>
          {t('district.compare.search')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className="sk-input"
          placeholder={t('district.compare.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <p className="sk-district-note" aria-live="polite">
        {t('district.compare.selected', { count: f.integer(selected.length) })}
        {full && ` · ${t('district.compare.max', { max: COMPARE_SCHOOLS_MAX })}`}
      </p>
      <QueryState query={schools} inline>
        {(data) =>
          data.items.length === 0 ? (
            <p className="sk-muted">{t('district.compare.noMatch')}</p>
          ) : (
            <ul className="sk-district-picks" aria-busy={schools.isPlaceholderData || undefined}>
              {data.items.map((s) => {
                const checked = selected.includes(s.id);
                return (
                  <li key={s.id}>
                    <label className="sk-district-check">
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && full}
                        onChange={(e) => onToggle(s.id, e.target.checked)}
                      />
                      <span>
                        {s.name}
                        <span className="sk-district-note">
                          {' '}
                          · {s.npsn} · {s.subdistrict}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------

function Result({ schoolIds, onRemove }: { schoolIds: string[]; onRemove: (id: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const result = useQuery({
    ...trpc.reports.compareSchools.queryOptions({ schoolIds }),
    placeholderData: keepPreviousData,
  });
  if (result.isPending) return <LoadingState />;
  if (result.isError)
    return (
      <Card>
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      </Card>
    );
  return (
    <>
      <ul
        className="sk-row sk-district-chips"
        aria-label={t('district.compare.selected', { count: result.data.schools.length })}
      >
        {result.data.schools.map((s) => (
          <li key={s.id} className="sk-district-chip">
            <Link to={`/schools/${s.id}`}>{s.name}</Link>
            <button
              type="button"
              className="sk-district-chip__remove"
              aria-label={t('district.compare.remove', { school: s.name })}
              onClick={() => onRemove(s.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <CompareTable data={result.data} loading={result.isPlaceholderData} />
      <CompareChart data={result.data} />
    </>
  );
}

function CompareTable({ data, loading }: { data: CompareResult; loading: boolean }) {
  const t = useT();
  const f = useFormat();
  const { lang } = useLang();
  const ordinals = useMemo(() => {
    const max = Math.max(
      -1,
      ...data.schools.flatMap((s) => s.studies.flatMap((st) => st.cycles.map((c) => c.ordinal))),
    );
    return Array.from({ length: max + 1 }, (_, i) => i);
  }, [data]);

  return (
    <Card title={t('district.compare.table')} flush>
      <TableScroll label={t('district.compare.tableCaption')} busy={loading || undefined}>
        <table className="sk-table sk-table--dense sk-table--stack">
          <caption className="sk-visually-hidden">{t('district.compare.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('district.school')}</th>
              <th scope="col">{t('district.study')}</th>
              {ordinals.map((o) => (
                <th key={o} scope="col" className="sk-num">
                  {cycleLabel(o, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.schools.flatMap((s) =>
              s.studies.length === 0
                ? [
                    <tr key={s.id}>
                      <th scope="row">{s.name}</th>
                      <td colSpan={ordinals.length + 1} className="sk-muted">
                        {t('district.compare.noStudies')}
                      </td>
                    </tr>,
                  ]
                : s.studies.map((st) => (
                    <tr key={st.studyId}>
                      <th scope="row">
                        {s.name}
                        <span className="sk-district-note"> · {s.subdistrict}</span>
                      </th>
                      <td>
                        <Link to={`/studies/${st.studyId}`}>{st.studyTitle}</Link>
                        <span className="sk-district-note"> · {st.schoolYear}</span>
                      </td>
                      {ordinals.map((o) => {
                        const c = st.cycles.find((x) => x.ordinal === o);
                        return (
                          <td key={o} className="sk-num">
                            {c ? (
                              <div className="sk-district-figure">
                                <span>{f.decimal(c.mean)}</span>
                                {c.meanBand && (
                                  <span className="sk-badge sk-district-band">{c.meanBand}</span>
                                )}
                                <LatestStatus status={c.status} />
                              </div>
                            ) : (
                              <span className="sk-muted">–</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  );
}

function CompareChart({ data }: { data: CompareResult }) {
  const t = useT();
  const { lang } = useLang();
  // Each school's newest study (the API lists studies oldest first).
  const newest = data.schools.flatMap((s) => {
    const st = s.studies.at(-1);
    return st ? [{ school: s, study: st }] : [];
  });
  const max = Math.max(-1, ...newest.flatMap((n) => n.study.cycles.map((c) => c.ordinal)));
  const chartData = Array.from({ length: max + 1 }, (_, o) => ({
    category: cycleLabel(o, lang),
    values: Object.fromEntries(
      newest.map((n) => [n.school.id, n.study.cycles.find((c) => c.ordinal === o)?.mean ?? null]),
    ),
  }));
  return (
    <Card>
      <MeansBarChart
        title={t('district.compare.chart')}
        description={t('district.compare.chartHint')}
        data={chartData}
        series={newest.map((n) => ({ key: n.school.id, label: n.school.name }))}
      />
    </Card>
  );
}
