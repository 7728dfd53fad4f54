import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  Card,
  DataTable,
  type DataTableColumn,
  ErrorState,
  LoadingState,
  NotBuiltYet,
  PageHeader,
  Stat,
  useCurrentUser,
  useFormat,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaginationState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';

type School = RouterOutputs['schools']['list']['items'][number];

/**
 * The supervisor's start page. The district's schools come from `schools.list` (paged on
 * the server: a district has up to 2,000). The comparison of study figures waits for the
 * reports procedures (TODO issue 5) and shows no numbers until then.
 */
export function DashboardPage() {
  const t = useT();
  const f = useFormat();
  const me = useCurrentUser();
  const trpc = useTRPC();
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());

  const schools = useQuery({
    ...trpc.schools.list.queryOptions({
      search: deferredSearch || undefined,
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo<DataTableColumn<School>[]>(
    () => [
      { accessorKey: 'npsn', header: t('sup.schools.npsn'), enableSorting: false },
      { accessorKey: 'name', header: t('sup.schools.name'), enableSorting: false },
      { accessorKey: 'subdistrict', header: t('sup.schools.subdistrict'), enableSorting: false },
      {
        accessorKey: 'teacherCount',
        header: t('sup.schools.teachers'),
        enableSorting: false,
        cell: ({ getValue }) => f.integer(getValue()),
        meta: { numeric: true },
      },
    ],
    [t, f],
  );

  return (
    <>
      <PageHeader
        eyebrow={t('me.welcome', { name: me.fullName })}
        title={t('sup.dashboard.title')}
        description={t('sup.dashboard.description')}
      />
      <div className="sk-stats">
        <Stat
          label={t('sup.dashboard.schools')}
          value={schools.data ? f.integer(schools.data.total) : '…'}
          hint={t('sup.dashboard.schoolsHint')}
        />
      </div>
      <Card title={t('sup.dashboard.comparison')}>
        <NotBuiltYet feature="reports.district" />
      </Card>
      <Card
        title={t('sup.schools.title')}
        flush
        actions={
          <input
            type="search"
            className="sk-input sk-input--sm sk-search"
            aria-label={t('sup.schools.search')}
            placeholder={t('sup.schools.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPagination((p) => ({ ...p, pageIndex: 0 }));
            }}
          />
        }
      >
        {schools.isPending ? (
          <LoadingState />
        ) : schools.isError ? (
          <ErrorState error={schools.error} onRetry={() => void schools.refetch()} />
        ) : (
          <DataTable
            data={schools.data.items}
            columns={columns}
            caption={t('sup.schools.caption')}
            getRowId={(s) => s.id}
            server={{ rowCount: schools.data.total }}
            pagination={pagination}
            onPaginationChange={setPagination}
            loading={schools.isPlaceholderData}
            empty={t('sup.schools.empty')}
            maxHeight="60vh"
          />
        )}
      </Card>
    </>
  );
}
