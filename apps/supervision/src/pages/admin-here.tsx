import { Forbidden, useCurrentUser, useT } from '@siklus/ui';

/** An administrator who opened the supervision app: point them to the admin app. */
export function AdminHere() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Forbidden roles={['principal', 'supervisor']} role={me.role} title={t('sup.adminHere.title')}>
      <p>{t('sup.adminHere.body')}</p>
      <a className="sk-btn sk-btn--secondary" href="/admin/">
        {t('sup.adminHere.link')}
      </a>
    </Forbidden>
  );
}
