import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  describeCriteria,
  type TStudyCreateInput,
  type TSuccessCriteria,
  ZStudyCreateInput,
} from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  type DataTableColumn,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  QueryTable,
  Select,
  StatusBadge,
  TextArea,
  TextField,
  useCurrentUser,
  useLang,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { issuesOf, messageFor, NO_ISSUES } from './issues';

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
        cell: ({ row }) =>
          row.original.latestStatus ? <StatusBadge status={row.original.latestStatus} /> : '–',
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

function CreateStudyForm({ schoolId, onCancel }: { schoolId: string; onCancel: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.studies.options.queryOptions());
  const [v, setV] = useState({
    title: '',
    focus: '',
    schoolYear: currentSchoolYear(),
    semester: '' as '' | 'ganjil' | 'genap',
    rubricVersionId: '',
    bandSetVersionId: '',
    criteriaSetVersionId: '',
  });
  const [tried, setTried] = useState(false);
  const create = useMutation(
    trpc.studies.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.studies.list.queryFilter({ schoolId }));
        void navigate(`/studies/${created.studyId}`);
      },
    }),
  );
  // The first published version of each kind is preselected once options arrive.
  const data = options.data;
  const rubricVersionId = v.rubricVersionId || data?.rubrics[0]?.id || '';
  const bandSetVersionId = v.bandSetVersionId || data?.bandSets[0]?.id || '';
  const criteriaSetVersionId = v.criteriaSetVersionId || data?.criteriaSets[0]?.id || '';
  const input: TStudyCreateInput = {
    schoolId,
    title: v.title,
    focus: v.focus,
    schoolYear: v.schoolYear,
    semester: v.semester || null,
    rubricVersionId,
    bandSetVersionId,
    criteriaSetVersionId,
  };
  const issues = tried ? issuesOf(ZStudyCreateInput, input) : NO_ISSUES;
  const err = (field: keyof TStudyCreateInput) => messageFor(issues, create.error, lang, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (issuesOf(ZStudyCreateInput, input).size === 0) create.mutate(input);
  };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((s) => ({ ...s, [k]: e.target.value }));
  const versionLabel = (o: { name: string; version: number }) =>
    t('pts.create.version', { name: o.name, version: o.version });
  // The chosen criteria read back as a sentence, so the principal knows what "success" means.
  const chosenCriteria = data?.criteriaSets.find((c) => c.id === criteriaSetVersionId);
  const criteriaHint = chosenCriteria
    ? describeCriteria(chosenCriteria.criteria as TSuccessCriteria, lang)
    : undefined;
  const inline = [
    'title',
    'focus',
    'schoolYear',
    'semester',
    'rubricVersionId',
    'bandSetVersionId',
    'criteriaSetVersionId',
  ];

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
        <form className="sk-form" onSubmit={submit} noValidate>
          <TextField
            label={t('pts.create.titleField')}
            required
            value={v.title}
            onChange={set('title')}
            error={err('title')}
          />
          <TextArea
            label={t('pts.create.focus')}
            hint={t('pts.create.focusHint')}
            required
            rows={2}
            value={v.focus}
            onChange={set('focus')}
            error={err('focus')}
          />
          <div className="pts-form-grid">
            <TextField
              label={t('pts.create.schoolYear')}
              hint={t('pts.create.schoolYearHint')}
              required
              inputMode="numeric"
              value={v.schoolYear}
              onChange={set('schoolYear')}
              error={err('schoolYear')}
            />
            <Select
              label={t('pts.create.semester')}
              value={v.semester}
              onChange={set('semester')}
              error={err('semester')}
              placeholder={t('pts.create.semesterNone')}
              options={[
                { value: 'ganjil', label: t('pts.create.ganjil') },
                { value: 'genap', label: t('pts.create.genap') },
              ]}
            />
          </div>
          <div className="pts-form-grid">
            <Select
              label={t('pts.create.rubric')}
              required
              value={rubricVersionId}
              onChange={set('rubricVersionId')}
              error={err('rubricVersionId')}
              options={options.data.rubrics.map((r) => ({
                value: r.id,
                label:
                  r.mode === 'summary'
                    ? t('pts.create.summaryMode', { name: r.name, version: r.version })
                    : versionLabel(r),
              }))}
            />
            <Select
              label={t('pts.create.bandSet')}
              required
              value={bandSetVersionId}
              onChange={set('bandSetVersionId')}
              error={err('bandSetVersionId')}
              options={options.data.bandSets.map((b) => ({ value: b.id, label: versionLabel(b) }))}
            />
            <Select
              label={t('pts.create.criteria')}
              hint={criteriaHint}
              required
              value={criteriaSetVersionId}
              onChange={set('criteriaSetVersionId')}
              error={err('criteriaSetVersionId')}
              options={options.data.criteriaSets.map((c) => ({
                value: c.id,
                label: versionLabel(c),
              }))}
            />
          </div>
          <ApiErrorMessage error={create.error} inlineFields={inline} />
          <div className="sk-row">
            <Button type="submit" loading={create.isPending}>
              {create.isPending ? t('pts.create.submitting') : t('pts.create.submit')}
            </Button>
            <Button variant="ghost" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
