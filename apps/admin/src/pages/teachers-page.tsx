import { useTRPC } from '@siklus/client';
import { ErrorState, LoadingState, PageHeader, TeacherRoster, useT } from '@siklus/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';

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
        <Link to="/schools">{t('roster.adminBack')}</Link>
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
