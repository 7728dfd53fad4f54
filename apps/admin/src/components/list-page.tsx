import {
  ApiErrorMessage,
  Card,
  type DataTableColumn,
  PageHeader,
  type QueryLike,
  QueryTable,
  type TMessage,
  useMessageText,
  useT,
} from '@siklus/ui';
import type { PaginationState } from '@tanstack/react-table';
import { type ReactNode, useDeferredValue, useMemo, useState } from 'react';

/**
 * The state of a directory page (schools, users): the server page, a search box and one
 * select filter (both send the pager back to page 1), the open panel (a form above the
 * list) and the notice a finished action leaves.
 */
export function useListPage<Filter extends string, Panel>(initialFilter: Filter) {
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const [search, setSearchNow] = useState('');
  const [filter, setFilterNow] = useState<Filter>(initialFilter);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<TMessage | null>(null);
  const deferred = useDeferredValue(search.trim());
  // Stable, so column definitions that call them can be memoised.
  const actions = useMemo(() => {
    const firstPage = () => setPagination((p) => ({ ...p, pageIndex: 0 }));
    return {
      setSearch: (value: string) => {
        setSearchNow(value);
        firstPage();
      },
      setFilter: (value: Filter) => {
        setFilterNow(value);
        firstPage();
      },
      /** Opens a panel; the previous action's notice goes. */
      open: (next: Panel) => {
        setNotice(null);
        setPanel(next);
      },
      close: () => setPanel(null),
      /** A panel's work is done: close it and say so. */
      done: (message: TMessage) => {
        setPanel(null);
        setNotice(message);
      },
    };
  }, []);
  return {
    ...actions,
    pagination,
    setPagination,
    search,
    filter,
    /** What the list procedure is asked: the (deferred) search and the page. */
    page: {
      search: deferred || undefined,
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
    },
    panel,
    notice,
    setNotice,
  };
}

export type ListPageState<Filter extends string, Panel> = ReturnType<
  typeof useListPage<Filter, Panel>
>;

/**
 * A directory page: its header and actions, the notice and the last row action's error,
 * the open panel, then the searchable, filterable, server-paged list.
 */
export function ListPage<Row, Filter extends string, Panel>({
  state,
  title,
  description,
  actions,
  actionError,
  panel,
  caption,
  searchLabel,
  filter,
  query,
  columns,
  getRowId,
  empty,
}: {
  state: ListPageState<Filter, Panel>;
  title: string;
  description: string;
  actions: ReactNode;
  /** The error of a row action (deactivate, reactivate). */
  actionError: unknown;
  panel: ReactNode;
  caption: string;
  searchLabel: string;
  filter: { label: string; options: readonly { value: Filter; label: string }[] };
  query: QueryLike<{ items: Row[]; total: number }> & { isPlaceholderData: boolean };
  columns: DataTableColumn<Row>[];
  getRowId: (row: Row) => string;
  empty?: string;
}) {
  const say = useMessageText();
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {state.notice && (
        <div className="sk-alert sk-alert--info adm-notice" role="status">
          <p className="sk-alert__message">{say(state.notice)}</p>
        </div>
      )}
      <ApiErrorMessage error={actionError} className="adm-notice" />
      {panel}
      <Card
        flush
        title={caption}
        actions={
          <div className="adm-filters">
            <input
              type="search"
              className="sk-input sk-input--sm sk-search"
              aria-label={searchLabel}
              placeholder={searchLabel}
              value={state.search}
              onChange={(e) => state.setSearch(e.target.value)}
            />
            <select
              className="sk-input sk-input--sm"
              aria-label={filter.label}
              value={state.filter}
              onChange={(e) => {
                // The options are the filter's own values, so one of them always matches.
                const next = filter.options.find((o) => o.value === e.target.value);
                if (next) state.setFilter(next.value);
              }}
            >
              {filter.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        }
      >
        <QueryTable
          query={query}
          rows={(data) => data.items}
          columns={columns}
          caption={caption}
          getRowId={getRowId}
          total={(data) => data.total}
          pagination={state.pagination}
          onPaginationChange={state.setPagination}
          empty={empty}
          maxHeight="65vh"
        />
      </Card>
    </>
  );
}

/** Active or not, as a badge (schools, users). */
export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT();
  return (
    <span className={active ? 'sk-badge sk-band-3' : 'sk-badge sk-badge--status-draft'}>
      {active ? t('sup.roster.active') : t('sup.roster.inactive')}
    </span>
  );
}
