import { Forbidden, useCurrentUser, useT } from '@siklus/ui';

/** A supervisor or principal who signed in to the admin app. */
export function OnlyAdmins() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Forbidden
      roles={['admin']}
      role={me.role}
      actions={
        <a className="sk-btn sk-btn--primary" href="/">
          {t('adm.onlyAdmins.link')}
        </a>
      }
      title={t('adm.onlyAdmins.title')}
    >
      <p>{t('adm.onlyAdmins.body', { role: t(`role.${me.role}`) })}</p>
    </Forbidden>
  );
}
