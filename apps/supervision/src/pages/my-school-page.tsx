import { PageHeader, TeacherRoster, useCurrentUser, useT } from '@siklus/ui';
import { HomeNext } from './home/home-next';

/**
 * The principal's start page: what is next (their study, the current cycle, plans falling
 * due), then their school's teacher roster, which they keep.
 */
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
      <HomeNext />
      {me.schoolId ? (
        <TeacherRoster
          schoolId={me.schoolId}
          schoolName={me.schoolName ?? ''}
          editable={me.role === 'principal'}
        />
      ) : null}
    </>
  );
}
