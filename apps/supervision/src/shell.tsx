import { AppShell, type NavItem, useCurrentUser, useT } from '@siklus/ui';

/** The shell with the navigation of the signed-in role. */
export function SupervisionShell() {
  const t = useT();
  const me = useCurrentUser();
  const nav: NavItem[] =
    me.role === 'principal'
      ? [
          { to: '/my-school', label: t('sup.nav.mySchool') },
          { to: '/studies', label: t('sup.nav.studies') },
          { to: '/co-observations', label: t('integrity.nav.coobs') },
          { to: '/integrity', label: t('integrity.nav.signals') },
        ]
      : [
          { to: '/dashboard', label: t('sup.nav.dashboard') },
          { to: '/compare', label: t('sup.nav.compare') },
          { to: '/review', label: t('sup.nav.review') },
          { to: '/studies', label: t('sup.nav.studies') },
          { to: '/co-observations', label: t('integrity.nav.coobs') },
          { to: '/calibration', label: t('integrity.nav.calibration') },
          { to: '/integrity', label: t('integrity.nav.signals') },
        ];
  return <AppShell appName={t('sup.appName')} nav={nav} />;
}
