import { PageHeader, TeacherRoster, useCurrentUser, useT } from '@siklus/ui';

/** The principal's start page: their school and its teacher roster, which they keep. */
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
