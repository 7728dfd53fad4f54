import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  Card,
  type DataTableColumn,
  PageHeader,
  QueryTable,
  useCurrentUser,
  useT,
} from '@siklus/ui';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

type Teacher = RouterOutputs['teachers']['list'][number];

/** The principal's start page: their school and its teacher roster (`teachers.list`). */
export function MySchoolPage() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        eyebrow={t('me.welcome', { name: me.fullName })}
        title={me.schoolName ?? t('sup.mySchool.title')}
        description={t('sup.mySchool.description')}
      />
      {me.schoolId ? <Roster schoolId={me.schoolId} schoolName={me.schoolName ?? ''} /> : null}
    </>
  );
}

function Roster({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const t = useT();
  const trpc = useTRPC();
  const teachers = useQuery(trpc.teachers.list.queryOptions({ schoolId, includeInactive: true }));

  const columns = useMemo<DataTableColumn<Teacher>[]>(
    () => [
      {
        id: 'no',
        header: t('sup.roster.no'),
        cell: ({ row }) => row.index + 1,
        enableSorting: false,
        meta: { numeric: true },
      },
      { accessorKey: 'name', header: t('sup.roster.name') },
      {
        accessorKey: 'className',
        header: t('sup.roster.class'),
        cell: ({ getValue }) => getValue() ?? '–',
      },
      {
        accessorKey: 'nip',
        header: t('sup.roster.nip'),
        cell: ({ getValue }) => getValue() ?? '–',
      },
      {
        accessorKey: 'active',
        header: t('sup.roster.status'),
        cell: ({ getValue }) => (
          <span className={getValue() ? 'sk-badge sk-band-3' : 'sk-badge sk-badge--status-draft'}>
            {getValue() ? t('sup.roster.active') : t('sup.roster.inactive')}
          </span>
        ),
      },
    ],
    [t],
  );

  return (
    <Card title={t('sup.roster.title')} flush>
      <QueryTable
        query={teachers}
        rows={(data) => data}
        columns={columns}
        caption={t('sup.roster.caption', { school: schoolName })}
        getRowId={(teacher) => teacher.id}
        pageSize={false}
        whenEmpty={{ body: t('sup.roster.empty') }}
      />
    </Card>
  );
}
