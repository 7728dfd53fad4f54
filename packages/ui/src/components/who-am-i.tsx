import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { useCurrentUser } from './auth';
import { Card } from './card';

/** "Your account": name, username, role, and the school or district, from `auth.me`. */
export function WhoAmICard() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Card title={t('me.title')} level={2}>
      <dl className="sk-dl">
        <dt>{t('me.name')}</dt>
        <dd>{me.fullName}</dd>
        <dt>{t('me.username')}</dt>
        <dd>{me.username}</dd>
        <dt>{t('me.role')}</dt>
        <dd>{t(`role.${me.role}`)}</dd>
        {me.schoolName && (
          <>
            <dt>{t('me.school')}</dt>
            <dd>{me.schoolName}</dd>
          </>
        )}
        <dt>{t('me.district')}</dt>
        <dd>{me.districtName}</dd>
      </dl>
    </Card>
  );
}

/** The catch-all route's page. */
export function NotFoundPage() {
  const t = useT();
  return (
    <Card title={t('notFound.title')}>
      <div className="sk-stack">
        <p>{t('notFound.body')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </Card>
  );
}
