import { AppShell, type NavItem, useT } from '@siklus/ui';
import { SECTIONS, sectionTitle } from './sections';

export function AdminShell() {
  const t = useT();
  const nav: NavItem[] = [
    { to: '/', label: t('adm.nav.home'), end: true },
    ...SECTIONS.map((s) => ({ to: s.path, label: t(sectionTitle(s.id)) })),
  ];
  return <AppShell appName={t('adm.appName')} nav={nav} />;
}
