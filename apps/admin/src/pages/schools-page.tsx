import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  Card,
  DataTable,
  type DataTableColumn,
  ErrorState,
  LoadingState,
  PageHeader,
  useFormat,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaginationState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';

type School = RouterOutputs['schools']['list']['items'][number];

/**
 * The district's schools, found by NPSN or name, paged on the server (`schools.list`).
 * TODO(issue 6): add, edit, deactivate and CSV bulk add (`schools.create`, `update`,
 * `setActive`, `bulkCreate` exist).
 */
export function SchoolsPage() {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const schools = useQuery({
    ...trpc.schools.list.queryOptions({
      search: deferred || undefined,
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
      {
        accessorKey: 'active',
        header: t('sup.roster.status'),
        enableSorting: false,
        cell: ({ getValue }) => <ActiveBadge active={getValue()} />,
      },
    ],
    [t, f],
  );
  return (
    <>
      <PageHeader title={t('adm.section.schools')} description={t('adm.section.schools.body')} />
      <Card
        flush
        title={t('sup.schools.caption')}
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
            maxHeight="65vh"
          />
        )}
      </Card>
    </>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT();
  return (
    <span className={active ? 'sk-badge sk-band-3' : 'sk-badge sk-badge--status-draft'}>
      {active ? t('sup.roster.active') : t('sup.roster.inactive')}
    </span>
  );
}
