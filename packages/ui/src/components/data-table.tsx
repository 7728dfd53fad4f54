import {
  type Column,
  type ColumnDef,
  type ColumnFiltersState,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type OnChangeFn,
  type PaginationState,
  type Row,
  type RowData,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { compareDecimalStrings, formatInteger } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { cx } from './cx';
import { EmptyState, type QueryLike, QueryState } from './states';
import { TableScroll } from './table-scroll';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures; sort with `decimalSorting` for decimal strings. */
    numeric?: boolean;
    /** Show a filter control under the header: free text, or a choice among options. */
    filter?: 'text' | { options: Array<{ value: string; label: string }> };
    /** Keep unused generics referenced (TanStack's declaration merging requires both). */
    _types?: [TData, TValue];
  }
}

/**
 * Sorts decimal strings ("9.50" < "53.48") exactly, without parsing floats; nulls first
 * ascending. Use as `sortingFn: decimalSorting` on figure columns.
 */
export function decimalSorting<T>(a: Row<T>, b: Row<T>, columnId: string): number {
  return compareDecimalStrings(
    a.getValue<string | null>(columnId),
    b.getValue<string | null>(columnId),
  );
}

/** Filter for `meta.filter = { options }`: exact match; empty means all. */
function equalsFilter<T>(row: Row<T>, columnId: string, value: unknown): boolean {
  if (value === undefined || value === '') return true;
  return String(row.getValue(columnId) ?? '') === String(value);
}

/** Columns with an options filter match exactly ("Baik" must not match "Sangat Baik"). */
function withEqualsFilter<T>(column: DataTableColumn<T>): DataTableColumn<T> {
  if ('columns' in column && column.columns) {
    return { ...column, columns: column.columns.map(withEqualsFilter) };
  }
  const filter = column.meta?.filter;
  if (filter && typeof filter === 'object' && !column.filterFn) {
    return { ...column, filterFn: equalsFilter };
  }
  return column;
}

// biome-ignore lint/suspicious/noExplicitAny: each column has its own value type; TanStack's own docs type the list this way.
export type DataTableColumn<T> = ColumnDef<T, any>;

export interface DataTableProps<T> {
  data: T[];
  columns: DataTableColumn<T>[];
  /** What the table lists, read by screen readers ("Sekolah di Kabupaten Bogor"). */
  caption: string;
  /** Show the caption visibly above the table (default: screen readers only). */
  showCaption?: boolean;
  getRowId?: (row: T, index: number) => string;

  /** Controlled sorting; leave undefined to let the table keep its own. */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  initialSorting?: SortingState;

  /** Controlled column filters; leave undefined to let the table keep its own. */
  columnFilters?: ColumnFiltersState;
  onColumnFiltersChange?: OnChangeFn<ColumnFiltersState>;

  /** Controlled pagination; omit both for client-side paging with `pageSize`. */
  pagination?: PaginationState;
  onPaginationChange?: OnChangeFn<PaginationState>;
  /** Initial page size for client-side paging (default 25). `false` turns paging off. */
  pageSize?: number | false;
  pageSizeOptions?: number[];

  /**
   * Server-side mode: `data` is one page, already sorted and filtered by the API; the
   * table only reports sorting/filter/page changes. `rowCount` is the total on the server.
   */
  server?: { rowCount: number };

  /** Dims the rows while a new page loads (keep showing the previous page). */
  loading?: boolean;
  /** Shown in place of rows when there are none. */
  empty?: ReactNode;
  onRowClick?: (row: T) => void;
  /** Max height before the body scrolls under the sticky header (CSS length). */
  maxHeight?: string;
  /** Compact rows for dense comparisons. */
  dense?: boolean;
  /**
   * On a phone, each row as a card of labelled cells instead of a row of a table scrolled
   * sideways. Default: when the table has more than three columns.
   */
  stack?: boolean;
}

export function DataTable<T>({
  data,
  columns,
  caption,
  showCaption = false,
  getRowId,
  sorting: sortingProp,
  onSortingChange,
  initialSorting = [],
  columnFilters: filtersProp,
  onColumnFiltersChange,
  pagination: paginationProp,
  onPaginationChange,
  pageSize = 25,
  pageSizeOptions = [10, 25, 50, 100],
  server,
  loading = false,
  empty,
  onRowClick,
  maxHeight,
  dense = false,
  stack,
}: DataTableProps<T>) {
  const t = useT();
  const { lang } = useLang();
  const paged = paginationProp !== undefined || pageSize !== false;

  const [ownSorting, setOwnSorting] = useState<SortingState>(initialSorting);
  const [ownFilters, setOwnFilters] = useState<ColumnFiltersState>([]);
  const [ownPagination, setOwnPagination] = useState<PaginationState>({
    pageIndex: 0,
    pageSize: pageSize === false ? Number.MAX_SAFE_INTEGER : pageSize,
  });

  const sorting = sortingProp ?? ownSorting;
  const columnFilters = filtersProp ?? ownFilters;
  const pagination = paginationProp ?? ownPagination;

  const withFilterFns = useMemo(() => columns.map(withEqualsFilter), [columns]);

  const table = useReactTable<T>({
    data,
    columns: withFilterFns,
    getRowId,
    state: { sorting, columnFilters, pagination },
    onSortingChange: onSortingChange ?? setOwnSorting,
    onColumnFiltersChange: (updater) => {
      (onColumnFiltersChange ?? setOwnFilters)(updater);
      // A new filter shows its first page, not an empty page 7.
      (onPaginationChange ?? setOwnPagination)((p) => ({ ...p, pageIndex: 0 }));
    },
    onPaginationChange: onPaginationChange ?? setOwnPagination,
    getCoreRowModel: getCoreRowModel(),
    ...(server
      ? {
          manualSorting: true,
          manualFiltering: true,
          manualPagination: true,
          rowCount: server.rowCount,
        }
      : {
          getSortedRowModel: getSortedRowModel(),
          getFilteredRowModel: getFilteredRowModel(),
          getPaginationRowModel: paged ? getPaginationRowModel() : undefined,
        }),
    defaultColumn: { sortUndefined: 'last' },
    autoResetPageIndex: false,
  });

  const rows = table.getRowModel().rows;
  const hasFilters = table.getAllLeafColumns().some((c) => c.columnDef.meta?.filter);
  const total = server ? server.rowCount : table.getFilteredRowModel().rows.length;
  const pageCount = Math.max(1, table.getPageCount());
  const from = total === 0 ? 0 : pagination.pageIndex * pagination.pageSize + 1;
  const to = Math.min(total, (pagination.pageIndex + 1) * pagination.pageSize);
  const stacked = stack ?? table.getVisibleLeafColumns().length > 3;

  return (
    <div
      className={cx('sk-table-wrap', loading && 'sk-table-wrap--loading')}
      aria-busy={loading || undefined}
    >
      <TableScroll label={caption} style={maxHeight ? { maxHeight } : undefined}>
        <table className={cx('sk-table', dense && 'sk-table--dense', stacked && 'sk-table--stack')}>
          <caption className={showCaption ? 'sk-table__caption' : 'sk-visually-hidden'}>
            {caption}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  const label = header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      className={cx(meta?.numeric && 'sk-num')}
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : canSort
                              ? 'none'
                              : undefined
                      }
                    >
                      {canSort && !header.isPlaceholder ? (
                        <button
                          type="button"
                          className="sk-table__sort"
                          onClick={header.column.getToggleSortingHandler()}
                          title={
                            sorted === 'asc' ? t('table.sortDescending') : t('table.sortAscending')
                          }
                        >
                          {label}
                          <span className="sk-table__sort-icon" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
            {hasFilters && (
              <tr className="sk-table__filters">
                {table.getVisibleLeafColumns().map((column) => (
                  <th
                    key={column.id}
                    scope="col"
                    className={cx(column.columnDef.meta?.numeric && 'sk-num')}
                  >
                    {column.columnDef.meta?.filter ? <ColumnFilter column={column} /> : null}
                  </th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <EmptyRow columns={table.getVisibleLeafColumns().length}>
                {empty ?? t('table.noRows')}
              </EmptyRow>
            ) : (
              rows.map((row) => (
                <tr
                  key={row.id}
                  className={cx(onRowClick && 'sk-table__row--clickable')}
                  onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={cx(cell.column.columnDef.meta?.numeric && 'sk-num')}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
      {paged && (
        <nav className="sk-pager" aria-label={caption}>
          <label className="sk-pager__size">
            <span>{t('table.rowsPerPage')}</span>
            <select
              className="sk-input sk-select sk-input--sm"
              value={pagination.pageSize}
              onChange={(e) =>
                table.setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })
              }
            >
              {pageSizeOptions.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <span className="sk-pager__range" aria-live="polite">
            {t('table.range', {
              from: formatInteger(from, lang),
              to: formatInteger(to, lang),
              total: formatInteger(total, lang),
            })}
          </span>
          <span className="sk-pager__buttons">
            <button
              type="button"
              className="sk-btn sk-btn--secondary sk-btn--sm"
              onClick={() => table.previousPage()}
              disabled={!table.getCanPreviousPage()}
            >
              ‹ {t('table.previous')}
            </button>
            <span className="sk-pager__page">
              {t('table.page', { page: pagination.pageIndex + 1, pages: pageCount })}
            </span>
            <button
              type="button"
              className="sk-btn sk-btn--secondary sk-btn--sm"
              onClick={() => table.nextPage()}
              disabled={!table.getCanNextPage()}
            >
              {t('table.next')} ›
            </button>
          </span>
        </nav>
      )}
    </div>
  );
}

function ColumnFilter<T>({ column }: { column: Column<T, unknown> }) {
  const t = useT();
  const id = useId();
  const filter = column.columnDef.meta?.filter;
  const header = column.columnDef.header;
  const name = typeof header === 'string' ? header : column.id;
  const filterValue = column.getFilterValue();
  const value = typeof filterValue === 'string' ? filterValue : '';
  const label = t('table.filter', { column: name });
  if (filter && typeof filter === 'object') {
    return (
      <select
        id={id}
        aria-label={label}
        className="sk-input sk-select sk-input--sm"
        value={value}
        onChange={(e) => column.setFilterValue(e.target.value || undefined)}
      >
        <option value="">{t('table.filterAll')}</option>
        {filter.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      type="search"
      aria-label={label}
      className="sk-input sk-input--sm"
      value={value}
      onChange={(e) => column.setFilterValue(e.target.value || undefined)}
    />
  );
}

/** The one row of a table body with nothing to list, across all its columns. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="sk-table__empty">
        {children}
      </td>
    </tr>
  );
}

/** What `QueryTable` needs of an empty result: the `EmptyState` it shows instead of a table. */
export interface WhenEmpty {
  title?: ReactNode;
  body?: ReactNode;
  action?: ReactNode;
}

/**
 * A query's rows as a `DataTable`: the spinner while it loads, the error with a retry, an
 * `EmptyState` when `whenEmpty` is given and there is no row, else the table. With `total`
 * the table pages on the server (the previous page stays, dimmed, while the next loads).
 */
export function QueryTable<D, T>({
  query,
  rows,
  total,
  whenEmpty,
  ...table
}: {
  query: QueryLike<D> & { isPlaceholderData?: boolean };
  rows: (data: D) => T[];
  total?: (data: D) => number;
  whenEmpty?: WhenEmpty;
} & Omit<DataTableProps<T>, 'data' | 'server' | 'loading'>) {
  return (
    <QueryState<D> query={query}>
      {(data) => {
        const items = rows(data);
        if (whenEmpty && items.length === 0 && (total?.(data) ?? 0) === 0)
          return (
            <EmptyState title={whenEmpty.title} action={whenEmpty.action}>
              {whenEmpty.body}
            </EmptyState>
          );
        return (
          <DataTable
            {...table}
            data={items}
            server={total ? { rowCount: total(data) } : undefined}
            loading={query.isPlaceholderData ?? false}
          />
        );
      }}
    </QueryState>
  );
}
