import { type RouterOutputs, useTRPC } from '@siklus/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiErrorMessage, fieldErrorOf } from '../components/api-error';
import { Button } from '../components/button';
import { Card } from '../components/card';
import { ConfirmDialog } from '../components/confirm-dialog';
import { DataTable, type DataTableColumn } from '../components/data-table';
import { Select, TextField } from '../components/fields';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { FormFooter } from '../forms/form-fields';
import { useLang, useT } from '../i18n/i18n';
import { msg, type TMessage, useMessageText } from '../i18n/message';
import { RosterImport } from './roster-import';

type Teacher = RouterOutputs['teachers']['list'][number];
type Panel = { kind: 'create' } | { kind: 'edit'; teacher: Teacher } | { kind: 'import' } | null;

export interface TeacherRosterProps {
  schoolId: string;
  schoolName: string;
  /** The school's principal or a district admin: add, edit, deactivate. */
  editable: boolean;
}

/**
 * A school's teacher roster, read by everyone in scope and kept by its principal (the
 * supervision app's "Sekolah saya") or a district admin (the admin app's school roster):
 * one component, so both apps show and edit the same list the same way. Deactivating asks
 * first and says what stays: the teacher's observations.
 */
export function TeacherRoster({ schoolId, schoolName, editable }: TeacherRosterProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<TMessage | null>(null);
  const say = useMessageText();
  const [leaving, setLeaving] = useState<Teacher | null>(null);
  const teachers = useQuery(trpc.teachers.list.queryOptions({ schoolId, includeInactive: true }));
  const refresh = () => queryClient.invalidateQueries(trpc.teachers.list.pathFilter());
  const setActive = useMutation(
    trpc.teachers.setActive.mutationOptions({
      onSuccess: (teacher) => {
        setLeaving(null);
        setNotice(
          msg(teacher.active ? 'roster.reactivated' : 'roster.deactivated', { name: teacher.name }),
        );
        return refresh();
      },
    }),
  );

  const columns = useMemo<DataTableColumn<Teacher>[]>(() => {
    const base: DataTableColumn<Teacher>[] = [
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
        accessorKey: 'gender',
        header: t('roster.genderShort'),
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
    ];
    if (!editable) return base;
    return [
      ...base,
      {
        id: 'actions',
        header: t('roster.actions'),
        enableSorting: false,
        cell: ({ row }) => {
          const teacher = row.original;
          return (
            <div className="sk-row">
              <Button
                size="sm"
                variant="secondary"
                aria-label={t('roster.editOne', { name: teacher.name })}
                onClick={() => {
                  setNotice(null);
                  setPanel({ kind: 'edit', teacher });
                }}
              >
                {t('roster.edit')}
              </Button>
              {teacher.active ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('roster.deactivateOne', { name: teacher.name })}
                  onClick={() => setLeaving(teacher)}
                >
                  {t('roster.deactivate')}
                </Button>
              ) : (
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={t('roster.reactivateOne', { name: teacher.name })}
                  loading={setActive.isPending && setActive.variables?.teacherId === teacher.id}
                  onClick={() => setActive.mutate({ teacherId: teacher.id, active: true })}
                >
                  {t('roster.reactivate')}
                </Button>
              )}
            </div>
          );
        },
      },
    ];
  }, [t, editable, setActive]);

  const shown = (teachers.data ?? []).filter((x) => showInactive || x.active);
  const done = (message: TMessage) => {
    setPanel(null);
    setNotice(message);
    void refresh();
  };

  return (
    <>
      {notice && (
        <div className="sk-alert sk-alert--info" role="status">
          <p className="sk-alert__message">{say(notice)}</p>
        </div>
      )}
      <ApiErrorMessage error={setActive.error} />
      {panel?.kind === 'create' && (
        <TeacherForm
          key="create"
          schoolId={schoolId}
          title={t('roster.addTitle', { school: schoolName })}
          onCancel={() => setPanel(null)}
          onDone={(x) => done(msg('roster.created', { name: x.name }))}
        />
      )}
      {panel?.kind === 'edit' && (
        <TeacherForm
          key={panel.teacher.id}
          schoolId={schoolId}
          teacher={panel.teacher}
          title={t('roster.editTitle', { name: panel.teacher.name })}
          onCancel={() => setPanel(null)}
          onDone={(x) => done(msg('roster.updated', { name: x.name }))}
        />
      )}
      {panel?.kind === 'import' && (
        <RosterImport
          schoolId={schoolId}
          onCancel={() => setPanel(null)}
          onDone={(n) => done(msg('roster.import.done', { n }))}
        />
      )}
      <Card
        title={t('sup.roster.title')}
        flush
        actions={
          <div className="sk-row">
            <label className="sk-check">
              <input
                type="checkbox"
                checked={showInactive}
                onChange={(e) => setShowInactive(e.target.checked)}
              />{' '}
              {t('roster.showInactive')}
            </label>
            {editable && (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  setNotice(null);
                  setPanel({ kind: 'import' });
                }}
              >
                {t('roster.import.open')}
              </Button>
            )}
            {editable && (
              <Button
                size="sm"
                onClick={() => {
                  setNotice(null);
                  setPanel({ kind: 'create' });
                }}
              >
                {t('roster.add')}
              </Button>
            )}
          </div>
        }
      >
        {teachers.isPending ? (
          <LoadingState />
        ) : teachers.isError ? (
          <ErrorState error={teachers.error} onRetry={() => void teachers.refetch()} />
        ) : shown.length === 0 ? (
          <EmptyState>{t(editable ? 'roster.emptyEditable' : 'sup.roster.empty')}</EmptyState>
        ) : (
          <DataTable
            data={shown}
            columns={columns}
            caption={t('sup.roster.caption', { school: schoolName })}
            getRowId={(teacher) => teacher.id}
            pageSize={false}
          />
        )}
      </Card>
      <ConfirmDialog
        open={leaving !== null}
        title={t('roster.confirmDeactivate', { name: leaving?.name ?? '' })}
        confirmLabel={t('roster.deactivate')}
        cancelLabel={t('common.cancel')}
        confirmVariant="danger"
        busy={setActive.isPending}
        footer={<ApiErrorMessage error={setActive.error} />}
        onCancel={() => setLeaving(null)}
        onConfirm={() => leaving && setActive.mutate({ teacherId: leaving.id, active: false })}
      >
        <p>{t('roster.confirmDeactivateBody')}</p>
      </ConfirmDialog>
    </>
  );
}

const FIELDS = ['name', 'className', 'nip', 'nuptk', 'gender'] as const;

/** Add a teacher or edit one; the API's schema checks it and names the field at fault. */
function TeacherForm({
  schoolId,
  teacher,
  title,
  onCancel,
  onDone,
}: {
  schoolId: string;
  teacher?: Teacher;
  title: string;
  onCancel: () => void;
  onDone: (teacher: { name: string }) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const [values, setValues] = useState<{
    name: string;
    className: string;
    nip: string;
    nuptk: string;
    gender: string;
  }>({
    name: teacher?.name ?? '',
    className: teacher?.className ?? '',
    nip: teacher?.nip ?? '',
    nuptk: teacher?.nuptk ?? '',
    gender: teacher?.gender ?? '',
  });
  const create = useMutation(trpc.teachers.create.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.teachers.update.mutationOptions({ onSuccess: onDone }));
  const mutation = teacher ? update : create;
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const err = (field: (typeof FIELDS)[number]) => fieldErrorOf(mutation.error, field, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Empty optional fields are cleared, not sent as "" (which the schema refuses).
    const fields = {
      name: values.name,
      className: values.className.trim() || null,
      nip: values.nip.replace(/\s+/g, '') || null,
      nuptk: values.nuptk.replace(/\s+/g, '') || null,
      gender: genderOf(values.gender),
    };
    if (teacher) update.mutate({ teacherId: teacher.id, ...fields });
    else create.mutate({ schoolId, ...fields });
  };
  return (
    <Card title={title}>
      <form className="sk-form" onSubmit={submit} noValidate>
        <TextField
          label={t('roster.name')}
          hint={t('roster.nameHint')}
          required
          value={values.name}
          onChange={set('name')}
          error={err('name')}
        />
        <TextField
          label={t('roster.className')}
          hint={t('roster.classNameHint')}
          value={values.className}
          onChange={set('className')}
          error={err('className')}
        />
        <Select
          label={t('roster.gender')}
          value={values.gender}
          onChange={set('gender')}
          error={err('gender')}
          options={[
            { value: '', label: t('roster.genderUnset') },
            { value: 'L', label: t('roster.genderL') },
            { value: 'P', label: t('roster.genderP') },
          ]}
        />
        <TextField
          label={t('roster.nip')}
          hint={t('roster.nipHint')}
          inputMode="numeric"
          maxLength={24}
          value={values.nip}
          onChange={set('nip')}
          error={err('nip')}
        />
        <TextField
          label={t('roster.nuptk')}
          hint={t('roster.nuptkHint')}
          inputMode="numeric"
          maxLength={20}
          value={values.nuptk}
          onChange={set('nuptk')}
          error={err('nuptk')}
        />
        <FormFooter
          error={mutation.error}
          inlineFields={FIELDS}
          submitLabel={teacher ? t('common.save') : t('roster.add')}
          pending={mutation.isPending}
          onCancel={onCancel}
        />
      </form>
    </Card>
  );
}

const genderOf = (value: string): 'L' | 'P' | null =>
  value === 'L' ? 'L' : value === 'P' ? 'P' : null;
