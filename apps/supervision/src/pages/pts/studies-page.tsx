import { type RouterOutputs, useTRPC } from '@siklus/client';
import { describeCriteria, ZStudyCreateInput } from '@siklus/domain';
import {
  Button,
  Card,
  type DataTableColumn,
  EmptyState,
  ErrorState,
  FormFooter,
  FormSelect,
  FormTextArea,
  FormTextField,
  LoadingState,
  PageHeader,
  QueryTable,
  Select,
  StatusBadge,
  StudyClosedBadge,
  showApiFieldError,
  TextField,
  useCurrentUser,
  useLang,
  useLocalized,
  useT,
  useWatch,
  useZodForm,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

type Study = RouterOutputs['studies']['list'][number];

/**
 * `/studies`: a school's studies. A principal sees their own school's and may start one;
 * a supervisor reads the school given as `?schoolId=` (from the dashboard's drill-down).
 */
export function StudiesPage() {
  const t = useT();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const principal = me.role === 'principal';
  const schoolId = principal ? me.schoolId : params.get('schoolId');
  const [creating, setCreating] = useState(false);
  const trpc = useTRPC();
  // A supervisor arrives with only the id: the school's name titles the page.
  const school = useQuery({
    ...trpc.schools.get.queryOptions({ schoolId: schoolId ?? '' }),
    enabled: !principal && !!schoolId,
  });
  const schoolName = principal ? (me.schoolName ?? '') : (school.data?.name ?? '');

  if (!schoolId) {
    return (
      <>
        <PageHeader title={t('pts.studies.title')} />
        <Card>
          <EmptyState
            title={t('pts.studies.pickSchoolTitle')}
            action={
              <Link className="sk-btn sk-btn--primary" to="/dashboard">
                {t('pts.studies.toDashboard')}
              </Link>
            }
          >
            {t('pts.studies.pickSchoolBody')}
          </EmptyState>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow={
          !principal && schoolName ? (
            <Link to={`/schools/${schoolId}`}>{schoolName}</Link>
          ) : undefined
        }
        title={t('pts.studies.title')}
        description={
          principal ? t('pts.studies.description') : t('pts.studies.descriptionSupervisor')
        }
        actions={
          principal && !creating ? (
            <Button onClick={() => setCreating(true)}>{t('pts.studies.start')}</Button>
          ) : undefined
        }
      />
      <div className="sk-stack">
        {principal && creating && (
          <CreateStudyForm schoolId={schoolId} onCancel={() => setCreating(false)} />
        )}
        <StudyList
          schoolId={schoolId}
          schoolName={schoolName}
          principal={principal}
          onStart={() => setCreating(true)}
        />
      </div>
    </>
  );
}

function StudyList({
  schoolId,
  schoolName,
  principal,
  onStart,
}: {
  schoolId: string;
  schoolName: string;
  principal: boolean;
  onStart: () => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const trpc = useTRPC();
  const studies = useQuery(trpc.studies.list.queryOptions({ schoolId }));
  const columns = useMemo<DataTableColumn<Study>[]>(
    () => [
      {
        accessorKey: 'title',
        header: t('pts.studies.col.title'),
        cell: ({ row }) => <Link to={`/studies/${row.original.id}`}>{row.original.title}</Link>,
      },
      { accessorKey: 'schoolYear', header: t('pts.studies.col.year') },
      {
        accessorKey: 'cycleCount',
        header: t('pts.studies.col.cycles'),
        meta: { numeric: true },
      },
      {
        id: 'latest',
        header: t('pts.studies.col.latest'),
        enableSorting: false,
        cell: ({ row }) => (row.original.latestLabel ? localized(row.original.latestLabel) : '–'),
      },
      {
        accessorKey: 'latestStatus',
        header: t('pts.studies.col.status'),
        cell: ({ row }) => (
          <span className="sk-row">
            {row.original.latestStatus ? <StatusBadge status={row.original.latestStatus} /> : '–'}
            <StudyClosedBadge closedAt={row.original.closedAt} />
          </span>
        ),
      },
    ],
    [t, localized],
  );
  return (
    <Card title={t('pts.studies.listTitle')} flush>
      <QueryTable
        query={studies}
        rows={(data) => data}
        whenEmpty={{
          body: principal ? t('pts.studies.empty') : t('pts.studies.emptySupervisor'),
          action: principal ? (
            <Button variant="secondary" onClick={onStart}>
              {t('pts.studies.start')}
            </Button>
          ) : undefined,
        }}
        columns={columns}
        caption={t('pts.studies.caption', { school: schoolName })}
        getRowId={(s) => s.id}
        pageSize={false}
      />
    </Card>
  );
}

/** A school year guess for the form: July starts a new one. */
function currentSchoolYear(now = new Date()): string {
  const y = now.getFullYear();
  return now.getMonth() >= 6 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

type StudyOptions = RouterOutputs['studies']['options'];

type NewStudy = {
  title: string;
  focus: string;
  schoolYear: string;
  semester: '' | 'ganjil' | 'genap';
  rubricVersionId: string;
  bandSetVersionId: string;
  criteriaSetVersionId: string;
};
const STUDY_FIELDS = [
  'title',
  'focus',
  'schoolYear',
  'semester',
  'rubricVersionId',
  'bandSetVersionId',
  'criteriaSetVersionId',
] as const;

function CreateStudyForm({ schoolId, onCancel }: { schoolId: string; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const options = useQuery(trpc.studies.options.queryOptions());
  return (
    <Card
      title={t('pts.create.title')}
      description={t('pts.create.description')}
      aria-label={t('pts.create.title')}
    >
      {options.isPending ? (
        <LoadingState inline />
      ) : options.isError ? (
        <ErrorState error={options.error} onRetry={() => void options.refetch()} />
      ) : options.data.rubrics.length === 0 ||
        options.data.bandSets.length === 0 ||
        options.data.criteriaSets.length === 0 ? (
        <EmptyState>{t('pts.create.noOptions')}</EmptyState>
      ) : (
        <StudyForm schoolId={schoolId} options={options.data} onCancel={onCancel} />
      )}
    </Card>
  );
}

/** Mounted once the options are known, so the first published version of each kind starts chosen. */
function StudyForm({
  schoolId,
  options,
  onCancel,
}: {
  schoolId: string;
  options: StudyOptions;
  onCancel: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.studies.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.studies.list.queryFilter({ schoolId }));
        void navigate(`/studies/${created.studyId}`);
      },
    }),
  );
  const form = useZodForm({
    schema: ZStudyCreateInput,
    defaultValues: {
      title: '',
      focus: '',
      schoolYear: currentSchoolYear(),
      semester: '',
      rubricVersionId: options.rubrics[0]?.id ?? '',
      bandSetVersionId: options.bandSets[0]?.id ?? '',
      criteriaSetVersionId: options.criteriaSets[0]?.id ?? '',
    },
    toInput: (v: NewStudy) => ({ schoolId, ...v, semester: v.semester || null }),
  });
  // Instruments (decision 022): the rubric above is the primary; others are added here.
  const [primaryKey, setPrimaryKey] = useState('');
  const [more, setMore] = useState<MoreInstrument[]>([]);
  const submit = form.handleSubmit((input) =>
    create.mutate(
      {
        ...input,
        ...(primaryKey.trim() ? { instrumentKey: primaryKey.trim() } : {}),
        ...(more.length > 0 ? { instruments: more.map(({ uid: _, ...m }) => m) } : {}),
      },
      { onError: (error) => showApiFieldError(form, error, STUDY_FIELDS) },
    ),
  );
  const versionLabel = (o: { name: string; version: number }) =>
    t('pts.create.version', { name: o.name, version: o.version });
  // The chosen criteria read back as a sentence, so the principal knows what "success" means.
  const criteriaSetVersionId = useWatch({ control: form.control, name: 'criteriaSetVersionId' });
  const chosenCriteria = options.criteriaSets.find((c) => c.id === criteriaSetVersionId);
  const criteriaHint = chosenCriteria ? describeCriteria(chosenCriteria.criteria, lang) : undefined;

  return (
    <form className="sk-form" onSubmit={submit} noValidate>
      <FormTextField form={form} name="title" label={t('pts.create.titleField')} required />
      <FormTextArea
        form={form}
        name="focus"
        label={t('pts.create.focus')}
        hint={t('pts.create.focusHint')}
        required
        rows={2}
      />
      <div className="pts-form-grid">
        <FormTextField
          form={form}
          name="schoolYear"
          label={t('pts.create.schoolYear')}
          hint={t('pts.create.schoolYearHint')}
          required
          inputMode="numeric"
        />
        <FormSelect
          form={form}
          name="semester"
          label={t('pts.create.semester')}
          placeholder={t('pts.create.semesterNone')}
          options={[
            { value: 'ganjil', label: t('pts.create.ganjil') },
            { value: 'genap', label: t('pts.create.genap') },
          ]}
        />
      </div>
      <div className="pts-form-grid">
        <FormSelect
          form={form}
          name="rubricVersionId"
          label={t('pts.create.rubric')}
          required
          options={options.rubrics.map((r) => ({
            value: r.id,
            label:
              r.mode === 'summary'
                ? t('pts.create.summaryMode', { name: r.name, version: r.version })
                : versionLabel(r),
          }))}
        />
        <FormSelect
          form={form}
          name="bandSetVersionId"
          label={t('pts.create.bandSet')}
          required
          options={options.bandSets.map((b) => ({ value: b.id, label: versionLabel(b) }))}
        />
        <FormSelect
          form={form}
          name="criteriaSetVersionId"
          label={t('pts.create.criteria')}
          hint={criteriaHint}
          required
          options={options.criteriaSets.map((c) => ({
            value: c.id,
            label: versionLabel(c),
          }))}
        />
      </div>
      <InstrumentsPicker
        options={options}
        primaryKey={primaryKey}
        onPrimaryKey={setPrimaryKey}
        more={more}
        onMore={setMore}
      />
      <FormFooter
        error={create.error}
        inlineFields={STUDY_FIELDS}
        submitLabel={create.isPending ? t('pts.create.submitting') : t('pts.create.submit')}
        pending={create.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}

type MoreInstrument = {
  /** The row's identity while edited (never sent). */
  uid: number;
  key: string;
  rubricVersionId: string;
  bandSetVersionId: string;
};

/**
 * The study's instruments beyond the primary (the rubric and band set above): a key each
 * (what criteria name, e.g. "rpp"), a published rubric and its own band set; at most four.
 */
function InstrumentsPicker({
  options,
  primaryKey,
  onPrimaryKey,
  more,
  onMore,
}: {
  options: StudyOptions;
  primaryKey: string;
  onPrimaryKey: (key: string) => void;
  more: MoreInstrument[];
  onMore: (more: MoreInstrument[]) => void;
}) {
  const t = useT();
  const versionLabel = (o: { name: string; version: number }) =>
    t('pts.create.version', { name: o.name, version: o.version });
  const set = (i: number, patch: Partial<MoreInstrument>) =>
    onMore(more.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <fieldset className="pts-instruments">
      <legend>{t('instruments.more')}</legend>
      <p className="pts-card-note">{t('instruments.moreHint')}</p>
      <TextField
        label={t('instruments.primaryKey')}
        hint={t('instruments.primaryKeyHint')}
        value={primaryKey}
        placeholder="utama"
        onChange={(e) => onPrimaryKey(e.target.value)}
      />
      {more.map((m, i) => (
        <div className="pts-form-grid" key={m.uid}>
          <TextField
            label={t('instruments.key', { n: i + 2 })}
            value={m.key}
            placeholder="rpp"
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <Select
            label={t('instruments.rubric', { n: i + 2 })}
            value={m.rubricVersionId}
            options={options.rubrics.map((r) => ({ value: r.id, label: versionLabel(r) }))}
            onChange={(e) => set(i, { rubricVersionId: e.target.value })}
          />
          <Select
            label={t('instruments.bandSet', { n: i + 2 })}
            value={m.bandSetVersionId}
            options={options.bandSets.map((b) => ({ value: b.id, label: versionLabel(b) }))}
            onChange={(e) => set(i, { bandSetVersionId: e.target.value })}
          />
          <Button variant="ghost" onClick={() => onMore(more.filter((_, j) => j !== i))}>
            {t('instruments.remove', { n: i + 2 })}
          </Button>
        </div>
      ))}
      {more.length < 4 && (
        <Button
          variant="secondary"
          onClick={() =>
            onMore([
              ...more,
              {
                uid: Math.max(0, ...more.map((x) => x.uid)) + 1,
                key: '',
                rubricVersionId: options.rubrics[0]?.id ?? '',
                bandSetVersionId: options.bandSets[0]?.id ?? '',
              },
            ])
          }
        >
          {t('instruments.add')}
        </Button>
      )}
    </fieldset>
  );
}
