import { useTRPC } from '@siklus/client';
import {
  ApiErrorMessage,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  ErrorState,
  fieldErrorOf,
  LoadingState,
  PageHeader,
  Select,
  TextField,
  useCurrentUser,
  useLang,
  useLocalized,
  useT,
} from '@siklus/ui';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CoObservationItem } from './types';

/**
 * The signed-in user's co-observed lessons (`coObservation.mine`), and a form to open a
 * new one. Principals pick from their own school; supervisors search a school first.
 */
export function CoObservationsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('coobs.title')} description={t('coobs.description')} />
      <MyPairs />
      <NewPair />
    </>
  );
}

type StatusKey = 'coobs.status.complete' | 'coobs.status.waitingMe' | 'coobs.status.waitingOther';

function statusOf(item: CoObservationItem): StatusKey {
  if (item.firstSaved && item.secondSaved) return 'coobs.status.complete';
  const mine = item.mySide === 'first' ? item.firstSaved : item.secondSaved;
  const theirs = item.mySide === 'first' ? item.secondSaved : item.firstSaved;
  if (!mine) return 'coobs.status.waitingMe';
  return theirs ? 'coobs.status.complete' : 'coobs.status.waitingOther';
}

function MyPairs() {
  const t = useT();
  const local = useLocalized();
  const trpc = useTRPC();
  const mine = useQuery(trpc.coObservation.mine.queryOptions());
  const columns = useMemo<DataTableColumn<CoObservationItem>[]>(
    () => [
      {
        id: 'teacher',
        header: t('coobs.teacher'),
        cell: ({ row: { original: r } }) => (
          <Link to={`/co-observations/${r.id}`}>{r.teacherName}</Link>
        ),
      },
      { id: 'school', header: t('coobs.school'), cell: ({ row: { original: r } }) => r.schoolName },
      {
        id: 'cycle',
        header: t('coobs.cycle'),
        cell: ({ row: { original: r } }) => local(r.cycleLabel),
      },
      {
        id: 'first',
        header: t('coobs.first'),
        cell: ({ row: { original: r } }) => r.firstObserverName,
      },
      {
        id: 'second',
        header: t('coobs.second'),
        cell: ({ row: { original: r } }) => r.secondObserverName,
      },
      {
        id: 'status',
        header: t('coobs.status'),
        cell: ({ row: { original: r } }) => t(statusOf(r)),
      },
    ],
    [t, local],
  );
  return (
    <Card title={t('coobs.mine')} flush>
      {mine.isPending ? (
        <LoadingState />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <EmptyState title={t('coobs.empty')} />
      ) : (
        <DataTable
          data={mine.data}
          columns={columns}
          caption={t('coobs.mine')}
          getRowId={(r) => r.id}
          dense
        />
      )}
    </Card>
  );
}

function NewPair() {
  const t = useT();
  const local = useLocalized();
  const me = useCurrentUser();
  const { lang } = useLang();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isPrincipal = me.role === 'principal';
  const [search, setSearch] = useState('');
  const [schoolId, setSchoolId] = useState(isPrincipal ? (me.schoolId ?? '') : '');
  const [studyId, setStudyId] = useState('');
  const [cycleId, setCycleId] = useState('');
  const [teacherId, setTeacherId] = useState('');
  const [observerId, setObserverId] = useState('');

  const schools = useQuery(
    trpc.schools.list.queryOptions(
      isPrincipal || search.trim().length < 2 ? skipToken : { search: search.trim(), limit: 20 },
    ),
  );
  const studies = useQuery(trpc.studies.list.queryOptions(schoolId ? { schoolId } : skipToken));
  const study = useQuery(trpc.studies.get.queryOptions(studyId ? { studyId } : skipToken));
  const teachers = useQuery(trpc.teachers.list.queryOptions(schoolId ? { schoolId } : skipToken));
  const observers = useQuery(
    trpc.coObservation.observers.queryOptions(isPrincipal && cycleId ? { cycleId } : skipToken),
  );
  const create = useMutation(
    trpc.coObservation.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.coObservation.mine.queryKey() });
        void navigate(`/co-observations/${id}`);
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      cycleId,
      teacherId,
      ...(isPrincipal ? { secondObserverId: observerId } : {}),
    });
  };
  const ready = cycleId && teacherId && (!isPrincipal || observerId);

  return (
    <Card title={t('coobs.new')} description={t('coobs.new.description')}>
      <form className="sk-form" onSubmit={submit}>
        {!isPrincipal && (
          <>
            <TextField
              label={t('coobs.new.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Select
              label={t('coobs.new.school')}
              placeholder={t('coobs.new.choose')}
              value={schoolId}
              onChange={(e) => {
                setSchoolId(e.target.value);
                setStudyId('');
                setCycleId('');
                setTeacherId('');
              }}
              options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </>
        )}
        <Select
          label={t('coobs.new.study')}
          placeholder={t('coobs.new.choose')}
          value={studyId}
          onChange={(e) => {
            setStudyId(e.target.value);
            setCycleId('');
          }}
          options={(studies.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
        />
        <Select
          label={t('coobs.new.cycle')}
          placeholder={t('coobs.new.choose')}
          value={cycleId}
          onChange={(e) => setCycleId(e.target.value)}
          options={(study.data?.cycles ?? []).map((c) => ({ value: c.id, label: local(c.label) }))}
        />
        <Select
          label={t('coobs.new.teacher')}
          placeholder={t('coobs.new.choose')}
          value={teacherId}
          onChange={(e) => setTeacherId(e.target.value)}
          error={fieldErrorOf(create.error, 'teacherId', lang)}
          options={(teachers.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
        {isPrincipal && (
          <Select
            label={t('coobs.new.observer')}
            placeholder={t('coobs.new.choose')}
            value={observerId}
            onChange={(e) => setObserverId(e.target.value)}
            error={fieldErrorOf(create.error, 'secondObserverId', lang)}
            options={(observers.data ?? []).map((o) => ({
              value: o.id,
              label: `${o.fullName} (${t(`role.${o.role}`)})`,
            }))}
          />
        )}
        <ApiErrorMessage error={create.error} />
        <Button type="submit" disabled={!ready || create.isPending}>
          {t('coobs.new.create')}
        </Button>
      </form>
    </Card>
  );
}
