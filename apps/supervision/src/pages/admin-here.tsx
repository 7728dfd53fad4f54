import { Forbidden, useCurrentUser, useT } from '@siklus/ui';

/** An administrator who opened the supervision app: point them to the admin app. */
export function AdminHere() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Forbidden
      roles={['principal', 'supervisor']}
      role={me.role}
      actions={
        <a className="sk-btn sk-btn--primary" href="/admin/">
          {t('sup.adminHere.link')}
        </a>
      }
      title={t('sup.adminHere.title')}
    >
      <p>{t('sup.adminHere.body')}</p>
    </Forbidden>
  );
}
