import { useTRPC } from '@siklus/client';
import {
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  TeacherRoster,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link, useParams } from 'react-router';

/** `/teachers`: find a school of the district, then open its roster. */
export function TeacherSchoolsPage() {
  const t = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const schools = useQuery({
    ...trpc.schools.list.queryOptions({ search: deferred || undefined, limit: 20, offset: 0 }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('adm.section.teachers')} description={t('adm.section.teachers.body')} />
      <Card description={t('roster.pickHint')}>
        <input
          type="search"
          className="sk-input sk-search"
          aria-label={t('roster.pickSchool')}
          placeholder={t('roster.pickSchool')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {schools.isPending ? (
          <LoadingState />
        ) : schools.isError ? (
          <ErrorState error={schools.error} onRetry={() => void schools.refetch()} />
        ) : schools.data.items.length === 0 ? (
          <EmptyState>{t('roster.pickEmpty')}</EmptyState>
        ) : (
          <ul>
            {schools.data.items.map((s) => (
              <li key={s.id}>
                <Link
                  to={`/schools/${s.id}/teachers`}
                  aria-label={t('roster.teachersOfOne', { name: s.name })}
                >
                  {s.name}
                </Link>{' '}
                <span className="sk-muted">
                  {s.npsn} · {s.subdistrict}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

/**
 * One school's teacher roster, kept by a district admin (a new school has teachers before
 * its principal has an account). The same component the principal uses in "Sekolah saya".
 */
export function TeachersPage() {
  const t = useT();
  const trpc = useTRPC();
  const { schoolId = '' } = useParams();
  const school = useQuery(trpc.schools.get.queryOptions({ schoolId }));
  if (school.isPending) return <LoadingState />;
  if (school.isError) {
    return <ErrorState error={school.error} onRetry={() => void school.refetch()} />;
  }
  return (
    <>
      <p>
        <Link to="/teachers">{t('roster.adminBack')}</Link>
      </p>
      <PageHeader
        eyebrow={school.data.npsn}
        title={t('roster.adminTitle', { school: school.data.name })}
        description={t('roster.adminDescription')}
      />
      <TeacherRoster schoolId={schoolId} schoolName={school.data.name} editable />
    </>
  );
}
