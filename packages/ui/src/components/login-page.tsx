import { useTRPC } from '@siklus/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ForgotPasswordLink } from '../account/forgot-password-link';
import { useLang, useT } from '../i18n/i18n';
import { ApiErrorMessage, fieldErrorOf } from './api-error';
import type { LoginLocationState } from './auth';
import { useMe } from './auth';
import { Button } from './button';
import { TextField } from './fields';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';
import { LoadingState } from './states';

export interface LoginPageProps {
  /** The app's name under the product name, e.g. "Supervisi" or "Administrasi". */
  appName: string;
  /** Where to go after signing in when the user did not come from a deep link. */
  home?: string;
  /** Extra content under the form (e.g. a demo hint). */
  footer?: ReactNode;
}

/**
 * The sign-in page. Validates the two fields locally (nothing to send when empty), shows
 * the API's message in the current language, and returns the user to the page they asked
 * for before being sent here.
 */
export function LoginPage({ appName, home = '/', footer }: LoginPageProps) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useMe();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ login?: boolean; password?: boolean }>({});

  const mutation = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );

  const from = (location.state as LoginLocationState | null)?.from;
  const target = from && from !== '/login' ? from : home;

  if (me.data) return <Navigate to={target} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { login: login.trim() === '', password: password === '' };
    setMissing(next);
    if (next.login || next.password) return;
    mutation.mutate({ login: login.trim(), password });
  };

  const loginError =
    (missing.login && t('auth.loginRequired')) || fieldErrorOf(mutation.error, 'login', lang);
  const passwordError =
    (missing.password && t('auth.passwordRequired')) ||
    fieldErrorOf(mutation.error, 'password', lang);

  return (
    <div className="sk-login">
      <div className="sk-login__top">
        <LanguageSwitch />
      </div>
      <main className="sk-login__main">
        <div className="sk-login__brand">
          <Logo size={44} />
          <div>
            <div className="sk-login__product">{t('shell.product')}</div>
            <div className="sk-login__app">{appName}</div>
          </div>
        </div>
        <section className="sk-card sk-login__card" aria-labelledby="login-title">
          <div className="sk-card__body">
            <h1 id="login-title" className="sk-login__title">
              {t('auth.title')}
            </h1>
            <p className="sk-login__subtitle">{t('auth.subtitle')}</p>
            {me.isPending ? (
              <LoadingState inline label={t('auth.checking')} />
            ) : (
              <form className="sk-form" onSubmit={onSubmit} noValidate>
                <ApiErrorMessage error={mutation.error} inlineFields={['login', 'password']} />
                <TextField
                  label={t('auth.login')}
                  name="login"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={login}
                  onChange={(e) => setLogin(e.target.value)}
                  error={loginError || undefined}
                  autoFocus
                />
                <TextField
                  label={t('auth.password')}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  error={passwordError || undefined}
                />
                <Button type="submit" className="sk-btn--block" loading={mutation.isPending}>
                  {mutation.isPending ? t('auth.submitting') : t('auth.submit')}
                </Button>
              </form>
            )}
            <ForgotPasswordLink />
          </div>
        </section>
        {footer && <div className="sk-login__footer">{footer}</div>}
      </main>
    </div>
  );
}
