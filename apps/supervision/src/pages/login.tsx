import { LoginPage, useT } from '@siklus/ui';

export function Login() {
  const t = useT();
  return <LoginPage appName={t('sup.appName')} />;
}
