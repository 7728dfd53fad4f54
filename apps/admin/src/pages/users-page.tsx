import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  Card,
  DataTable,
  type DataTableColumn,
  ErrorState,
  LoadingState,
  PageHeader,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaginationState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import { ActiveBadge } from './schools-page';

type User = RouterOutputs['users']['list']['items'][number];

/**
 * The district's accounts (`users.list`, paged on the server).
 * TODO(issue 6): create, change role, deactivate, reset password (the procedures exist).
 */
export function UsersPage() {
  const t = useT();
  const trpc = useTRPC();
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const users = useQuery({
    ...trpc.users.list.queryOptions({
      search: deferred || undefined,
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<DataTableColumn<User>[]>(
    () => [
      { accessorKey: 'fullName', header: t('adm.users.fullName'), enableSorting: false },
      { accessorKey: 'username', header: t('adm.users.username'), enableSorting: false },
      {
        accessorKey: 'role',
        header: t('adm.users.role'),
        enableSorting: false,
        cell: ({ row }) => t(`role.${row.original.role}`),
      },
      {
        accessorKey: 'schoolName',
        header: t('adm.users.school'),
        enableSorting: false,
        cell: ({ getValue }) => getValue() ?? '–',
      },
      {
        accessorKey: 'active',
        header: t('adm.users.active'),
        enableSorting: false,
        cell: ({ getValue }) => <ActiveBadge active={getValue()} />,
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('adm.section.users')} description={t('adm.section.users.body')} />
      <Card
        flush
        title={t('adm.users.caption')}
        actions={
          <input
            type="search"
            className="sk-input sk-input--sm sk-search"
            aria-label={t('adm.users.search')}
            placeholder={t('adm.users.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPagination((p) => ({ ...p, pageIndex: 0 }));
            }}
          />
        }
      >
        {users.isPending ? (
          <LoadingState />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <DataTable
            data={users.data.items}
            columns={columns}
            caption={t('adm.users.caption')}
            getRowId={(u) => u.id}
            server={{ rowCount: users.data.total }}
            pagination={pagination}
            onPaginationChange={setPagination}
            loading={users.isPlaceholderData}
            maxHeight="65vh"
          />
        )}
      </Card>
    </>
  );
}
