import { type RouterOutputs, useTRPC } from '@siklus/client';
import { ZSchoolRow } from '@siklus/domain';
import {
  Button,
  type DataTableColumn,
  FormSelect,
  FormTextField,
  integerIn,
  msg,
  showApiFieldError,
  type TMessage,
  useFormat,
  useT,
  useZodForm,
} from '@siklus/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ActiveBadge, ListPage, useListPage } from '../components/list-page';
import { PanelForm, type PanelFormProps } from '../components/panel-form';
import { ActiveToggle, actionsColumn } from '../components/row-actions';
import { SchoolImport } from '../components/school-import';

type School = RouterOutputs['schools']['list']['items'][number];
type Panel = { kind: 'create' } | { kind: 'edit'; school: School } | { kind: 'import' };

/**
 * The district's schools: found by NPSN or name (paged on the server), added one by one or
 * from a CSV, edited, deactivated (a deactivated school keeps its history).
 */
export function SchoolsPage() {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useListPage<'' | 'active' | 'inactive', Panel>('');
  const schools = useQuery({
    ...trpc.schools.list.queryOptions({
      ...list.page,
      active: list.filter === '' ? undefined : list.filter === 'active',
    }),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation(
    trpc.schools.setActive.mutationOptions({
      onSuccess: (school) => {
        list.setNotice(
          school.active
            ? msg('adm.schools.reactivated', { name: school.name })
            : msg('adm.schools.deactivated', { name: school.name }),
        );
        return queryClient.invalidateQueries(trpc.schools.pathFilter());
      },
    }),
  );
  const { open } = list;
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
      actionsColumn(t('adm.common.actions'), (s) => (
        <>
          <Button
            size="sm"
            variant="secondary"
            aria-label={t('adm.schools.editOne', { name: s.name })}
            onClick={() => open({ kind: 'edit', school: s })}
          >
            {t('adm.common.edit')}
          </Button>
          <ActiveToggle
            scope="adm.schools"
            active={s.active}
            name={s.name}
            variant={s.active ? 'ghost' : 'secondary'}
            loading={setActive.isPending && setActive.variables?.schoolId === s.id}
            onToggle={() => setActive.mutate({ schoolId: s.id, active: !s.active })}
          />
        </>
      )),
    ],
    [t, f, setActive, open],
  );
  const done = (message: TMessage) => {
    list.done(message);
    void queryClient.invalidateQueries(trpc.schools.pathFilter());
  };
  const panel = list.panel;
  return (
    <ListPage
      state={list}
      title={t('adm.section.schools')}
      description={t('adm.section.schools.body')}
      actions={
        <>
          <Button variant="secondary" onClick={() => open({ kind: 'import' })}>
            {t('adm.schools.import')}
          </Button>
          <Button onClick={() => open({ kind: 'create' })}>{t('adm.schools.add')}</Button>
        </>
      }
      actionError={setActive.error}
      panel={
        <>
          {panel?.kind === 'create' && (
            <SchoolForm
              key="create"
              onCancel={list.close}
              onDone={(s) => done(msg('adm.schools.created', { name: s.name }))}
            />
          )}
          {panel?.kind === 'edit' && (
            <SchoolForm
              key={panel.school.id}
              school={panel.school}
              onCancel={list.close}
              onDone={(s) => done(msg('adm.schools.updated', { name: s.name }))}
            />
          )}
          {panel?.kind === 'import' && (
            <SchoolImport
              onCancel={list.close}
              onDone={(n) => done(msg('adm.import.created', { count: integerIn(n) }))}
            />
          )}
        </>
      }
      caption={t('sup.schools.caption')}
      searchLabel={t('sup.schools.search')}
      filter={{
        label: t('adm.common.statusFilter'),
        options: [
          { value: '', label: t('adm.common.allStatuses') },
          { value: 'active', label: t('sup.roster.active') },
          { value: 'inactive', label: t('sup.roster.inactive') },
        ],
      }}
      query={schools}
      columns={columns}
      getRowId={(s) => s.id}
      empty={t('sup.schools.empty')}
    />
  );
}

const SCHOOL_FIELDS = ['npsn', 'name', 'subdistrict'] as const;

/** Add a school, or edit one: NPSN, name, subdistrict, checked with the API's own schema. */
function SchoolForm({
  school,
  onCancel,
  onDone,
}: PanelFormProps<{ name: string }> & { school?: School }) {
  const t = useT();
  const trpc = useTRPC();
  // Active kecamatan are offered; a school keeps a deactivated one it already has.
  const subdistricts = useQuery(trpc.subdistricts.list.queryOptions({ includeInactive: true }));
  const create = useMutation(trpc.schools.create.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.schools.update.mutationOptions({ onSuccess: onDone }));
  const mutation = school ? update : create;
  const form = useZodForm({
    schema: ZSchoolRow,
    defaultValues: {
      npsn: school?.npsn ?? '',
      name: school?.name ?? '',
      subdistrict: school?.subdistrict ?? '',
    },
  });
  const submit = form.handleSubmit((values) => {
    const onError = (error: unknown) => showApiFieldError(form, error, SCHOOL_FIELDS);
    if (school) update.mutate({ schoolId: school.id, ...values }, { onError });
    else create.mutate(values, { onError });
  });
  return (
    <PanelForm
      title={school ? t('adm.schools.editTitle', { name: school.name }) : t('adm.schools.add')}
      onSubmit={submit}
      error={mutation.error}
      inlineFields={SCHOOL_FIELDS}
      submitLabel={school ? t('common.save') : t('adm.schools.add')}
      pending={mutation.isPending}
      onCancel={onCancel}
    >
      <FormTextField
        form={form}
        name="npsn"
        label={t('sup.schools.npsn')}
        hint={t('adm.schools.npsnHint')}
        inputMode="numeric"
        maxLength={8}
        required
      />
      <FormTextField form={form} name="name" label={t('sup.schools.name')} required />
      <FormSelect
        form={form}
        name="subdistrict"
        label={t('sup.schools.subdistrict')}
        hint={t('kec.pickHint')}
        required
        placeholder={t('kec.pick')}
        options={(subdistricts.data ?? [])
          .filter((k) => k.active || k.name === school?.subdistrict)
          .map((k) => ({
            value: k.name,
            label: k.active ? k.name : t('kec.inactiveOption', { name: k.name }),
          }))}
      />
    </PanelForm>
  );
}
