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

type Entry = RouterOutputs['audit']['list']['items'][number];

const ACTION = /^[a-z_]+(\.[a-z_]+)*$/;

/**
 * The audit log, newest first (`audit.list`, paged on the server), filterable by action.
 * TODO(issue 6): filters by user, school and date (the procedure takes them).
 */
export function AuditPage() {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 50 });
  const [action, setAction] = useState('');
  const deferred = useDeferredValue(action.trim());
  // Only a well-formed prefix goes to the API; a half-typed one would be a 400 per keystroke.
  const actionFilter = ACTION.test(deferred) ? deferred : undefined;
  const entries = useQuery({
    ...trpc.audit.list.queryOptions({
      action: actionFilter,
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<DataTableColumn<Entry>[]>(
    () => [
      {
        accessorKey: 'createdAt',
        header: t('adm.audit.when'),
        enableSorting: false,
        cell: ({ getValue }) => <span className="sk-nowrap">{f.dateTime(getValue())}</span>,
      },
      {
        accessorKey: 'username',
        header: t('adm.audit.user'),
        enableSorting: false,
        cell: ({ getValue }) => getValue() ?? '–',
      },
      {
        accessorKey: 'action',
        header: t('adm.audit.action'),
        enableSorting: false,
        cell: ({ getValue }) => <code className="sk-code">{getValue()}</code>,
      },
      {
        id: 'entity',
        header: t('adm.audit.entity'),
        enableSorting: false,
        cell: ({ row }) => row.original.entity ?? '–',
      },
    ],
    [t, f],
  );
  return (
    <>
      <PageHeader title={t('adm.section.audit')} description={t('adm.section.audit.body')} />
      <Card
        flush
        title={t('adm.audit.caption')}
        actions={
          <input
            type="search"
            className="sk-input sk-input--sm sk-search"
            aria-label={t('adm.audit.actionFilter')}
            placeholder={t('adm.audit.actionFilter')}
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setPagination((p) => ({ ...p, pageIndex: 0 }));
            }}
          />
        }
      >
        {entries.isPending ? (
          <LoadingState />
        ) : entries.isError ? (
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <DataTable
            data={entries.data.items}
            columns={columns}
            caption={t('adm.audit.caption')}
            getRowId={(e) => String(e.id)}
            server={{ rowCount: entries.data.total }}
            pagination={pagination}
            onPaginationChange={setPagination}
            loading={entries.isPlaceholderData}
            empty={t('adm.audit.empty')}
            pageSizeOptions={[25, 50, 100, 200]}
            maxHeight="65vh"
            dense
          />
        )}
      </Card>
    </>
  );
}
