import { type RouterOutputs, useTRPC } from '@siklus/client';
import { ZSchoolRow } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  ErrorState,
  LoadingState,
  PageHeader,
  TextField,
  useFormat,
  useLang,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PaginationState } from '@tanstack/react-table';
import { type FormEvent, useDeferredValue, useMemo, useState } from 'react';
import { SchoolImport } from '../components/school-import';
import { issuesOf, messageFor, NO_ISSUES, serverIssue } from '../lib/issues';

type School = RouterOutputs['schools']['list']['items'][number];
type Panel = { kind: 'create' } | { kind: 'edit'; school: School } | { kind: 'import' } | null;

/**
 * The district's schools: found by NPSN or name (paged on the server), added one by one or
 * from a CSV, edited, deactivated (a deactivated school keeps its history).
 */
export function SchoolsPage() {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'' | 'active' | 'inactive'>('');
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const deferred = useDeferredValue(search.trim());
  const schools = useQuery({
    ...trpc.schools.list.queryOptions({
      search: deferred || undefined,
      active: status === '' ? undefined : status === 'active',
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation(
    trpc.schools.setActive.mutationOptions({
      onSuccess: (school) => {
        setNotice(
          school.active
            ? t('adm.schools.reactivated', { name: school.name })
            : t('adm.schools.deactivated', { name: school.name }),
        );
        return queryClient.invalidateQueries(trpc.schools.pathFilter());
      },
    }),
  );
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
      {
        id: 'actions',
        header: t('adm.common.actions'),
        enableSorting: false,
        cell: ({ row }) => {
          const s = row.original;
          return (
            <div className="adm-row-actions">
              <Button
                size="sm"
                variant="secondary"
                aria-label={t('adm.schools.editOne', { name: s.name })}
                onClick={() => {
                  setNotice(null);
                  setPanel({ kind: 'edit', school: s });
                }}
              >
                {t('adm.common.edit')}
              </Button>
              <Button
                size="sm"
                variant={s.active ? 'ghost' : 'secondary'}
                aria-label={
                  s.active
                    ? t('adm.schools.deactivateOne', { name: s.name })
                    : t('adm.schools.reactivateOne', { name: s.name })
                }
                loading={setActive.isPending && setActive.variables?.schoolId === s.id}
                onClick={() => setActive.mutate({ schoolId: s.id, active: !s.active })}
              >
                {s.active ? t('adm.common.deactivate') : t('adm.common.reactivate')}
              </Button>
            </div>
          );
        },
      },
    ],
    [t, f, setActive],
  );
  const done = (message: string) => {
    setPanel(null);
    setNotice(message);
    void queryClient.invalidateQueries(trpc.schools.pathFilter());
  };
  return (
    <>
      <PageHeader
        title={t('adm.section.schools')}
        description={t('adm.section.schools.body')}
        actions={
          <>
            <Button
              variant="secondary"
              onClick={() => {
                setNotice(null);
                setPanel({ kind: 'import' });
              }}
            >
              {t('adm.schools.import')}
            </Button>
            <Button
              onClick={() => {
                setNotice(null);
                setPanel({ kind: 'create' });
              }}
            >
              {t('adm.schools.add')}
            </Button>
          </>
        }
      />
      {notice && (
        <div className="sk-alert sk-alert--info adm-notice" role="status">
          <p className="sk-alert__message">{notice}</p>
        </div>
      )}
      <ApiErrorMessage error={setActive.error} className="adm-notice" />
      {panel?.kind === 'create' && (
        <SchoolForm
          key="create"
          onCancel={() => setPanel(null)}
          onDone={(s) => done(t('adm.schools.created', { name: s.name }))}
        />
      )}
      {panel?.kind === 'edit' && (
        <SchoolForm
          key={panel.school.id}
          school={panel.school}
          onCancel={() => setPanel(null)}
          onDone={(s) => done(t('adm.schools.updated', { name: s.name }))}
        />
      )}
      {panel?.kind === 'import' && (
        <SchoolImport
          onCancel={() => setPanel(null)}
          onDone={(n) => done(t('adm.import.created', { count: f.integer(n) }))}
        />
      )}
      <Card
        flush
        title={t('sup.schools.caption')}
        actions={
          <div className="adm-filters">
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
            <select
              className="sk-input sk-input--sm"
              aria-label={t('adm.common.statusFilter')}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as typeof status);
                setPagination((p) => ({ ...p, pageIndex: 0 }));
              }}
            >
              <option value="">{t('adm.common.allStatuses')}</option>
              <option value="active">{t('sup.roster.active')}</option>
              <option value="inactive">{t('sup.roster.inactive')}</option>
            </select>
          </div>
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

/** Add a school, or edit one: NPSN, name, subdistrict, checked with the API's own schema. */
function SchoolForm({
  school,
  onCancel,
  onDone,
}: {
  school?: School;
  onCancel: () => void;
  onDone: (school: { name: string }) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const [values, setValues] = useState({
    npsn: school?.npsn ?? '',
    name: school?.name ?? '',
    subdistrict: school?.subdistrict ?? '',
  });
  const [tried, setTried] = useState(false);
  const subdistricts = useQuery(trpc.schools.subdistricts.queryOptions());
  const create = useMutation(trpc.schools.create.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.schools.update.mutationOptions({ onSuccess: onDone }));
  const mutation = school ? update : create;
  const issues = tried ? issuesOf(ZSchoolRow, values) : NO_ISSUES;
  const err = (field: string) => messageFor(issues, serverIssue(mutation.error), lang, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (issuesOf(ZSchoolRow, values).size > 0) return;
    if (school) update.mutate({ schoolId: school.id, ...values });
    else create.mutate(values);
  };
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const listId = school ? `subdistricts-${school.id}` : 'subdistricts-new';
  return (
    <Card
      className="adm-panel"
      title={school ? t('adm.schools.editTitle', { name: school.name }) : t('adm.schools.add')}
    >
      <form className="sk-form" onSubmit={submit} noValidate>
        <div className="adm-form-grid">
          <TextField
            label={t('sup.schools.npsn')}
            hint={t('adm.schools.npsnHint')}
            inputMode="numeric"
            maxLength={8}
            required
            value={values.npsn}
            onChange={set('npsn')}
            error={err('npsn')}
          />
          <TextField
            label={t('sup.schools.name')}
            required
            value={values.name}
            onChange={set('name')}
            error={err('name')}
          />
          <TextField
            label={t('sup.schools.subdistrict')}
            required
            list={listId}
            value={values.subdistrict}
            onChange={set('subdistrict')}
            error={err('subdistrict')}
          />
          <datalist id={listId}>
            {(subdistricts.data ?? []).map((s) => (
              <option key={String(s)} value={String(s)} />
            ))}
          </datalist>
        </div>
        <ApiErrorMessage error={mutation.error} inlineFields={['npsn', 'name', 'subdistrict']} />
        <div className="sk-row">
          <Button type="submit" loading={mutation.isPending}>
            {school ? t('common.save') : t('adm.schools.add')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
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
