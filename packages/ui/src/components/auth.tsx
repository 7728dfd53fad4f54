import { type Me, type Role, useTRPC } from '@siklus/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, lazy, type ReactNode, Suspense, useContext } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { TimeZoneContext } from '../i18n/use-format';
import { Button } from './button';
import { Card } from './card';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';
import { ErrorState, LoadingState } from './states';

/** Rarely shown, and it carries a form (zod, react-hook-form): kept out of the first load. */
const ForcedPasswordChange = lazy(() =>
  import('../account/forced-password-change').then((m) => ({ default: m.ForcedPasswordChange })),
);

const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in person; only inside `RequireAuth` (it throws elsewhere, by design). */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used inside <RequireAuth>');
  return me;
}

/** `auth.me` as a query: `data` is the user, or null when signed out. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions());
}

/** Where the sign-in page sends the user back to: `navigate('/login', { state: { from } })`. */
export interface LoginLocationState {
  from?: string;
}

export interface RequireAuthProps {
  /** Roles allowed in; omit for any signed-in user. */
  roles?: readonly Role[];
  /** What a signed-in user of another role sees; defaults to a plain "no access" card. */
  forbidden?: ReactNode;
  /** The protected tree; defaults to the route's `<Outlet />`. */
  children?: ReactNode;
}

/**
 * Gate for the signed-in part of an app: asks `auth.me`, sends the signed-out to `/login`
 * (remembering where they were going), and provides `useCurrentUser()` below it. The
 * server enforces every permission again; this only decides what to render.
 */
export function RequireAuth({ roles, forbidden, children }: RequireAuthProps) {
  const t = useT();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return (
      <main className="sk-fullpage">
        <LoadingState label={t('auth.checking')} />
      </main>
    );
  }
  if (me.isError) {
    return (
      <main className="sk-fullpage">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from } satisfies LoginLocationState} />;
  }
  // An admin set the password: nothing but changing it (the server refuses the rest too).
  const content = me.data.mustChangePassword ? (
    <Suspense fallback={<LoadingState />}>
      <ForcedPasswordChange />
    </Suspense>
  ) : roles && !roles.includes(me.data.role) ? (
    (forbidden ?? <Forbidden roles={roles} role={me.data.role} />)
  ) : (
    (children ?? <Outlet />)
  );
  return (
    <CurrentUserContext.Provider value={me.data}>
      <TimeZoneContext.Provider value={me.data.timeZone}>{content}</TimeZoneContext.Provider>
    </CurrentUserContext.Provider>
  );
}

/** The "no access" card: which roles may enter, who you are, and a way out. */
export function Forbidden({
  roles,
  role,
  title,
  children,
  actions,
  inline = false,
}: {
  roles: readonly Role[];
  role: Role;
  title?: ReactNode;
  children?: ReactNode;
  /** Links next to "sign in with another account", e.g. to the other app. */
  actions?: ReactNode;
  /** Inside the app shell (a card in the page) rather than a page of its own. */
  inline?: boolean;
}) {
  const t = useT();
  const signOut = useSignOut();
  const Wrapper = inline ? 'div' : 'main';
  return (
    <Wrapper className={inline ? 'sk-forbidden' : 'sk-fullpage'}>
      <div className="sk-forbidden__box">
        {!inline && <BrandTop />}
        <Card className="sk-narrow-card" title={title ?? t('auth.forbiddenTitle')}>
          {children ?? (
            <p>
              {t('auth.forbiddenBody', {
                roles: roles.map((r) => t(`role.${r}`)).join(', '),
                role: t(`role.${role}`),
              })}
            </p>
          )}
          <div className="sk-row">
            {actions}
            <Button
              variant={actions ? 'secondary' : 'primary'}
              onClick={signOut.signOut}
              loading={signOut.pending}
            >
              {t('auth.switchAccount')}
            </Button>
          </div>
        </Card>
      </div>
    </Wrapper>
  );
}

/**
 * A role gate inside `RequireAuth` (which already knows the user): a supervisor-only route
 * inside a shell both roles share. Renders the children, or the route's `<Outlet />`.
 */
export function RequireRole({
  roles,
  children,
  forbidden,
}: {
  roles: readonly Role[];
  children?: ReactNode;
  forbidden?: ReactNode;
}) {
  const me = useCurrentUser();
  if (!roles.includes(me.role))
    return forbidden ?? <Forbidden inline roles={roles} role={me.role} />;
  return children ?? <Outlet />;
}

/**
 * Signs out: ends the session on the server, forgets every cached answer (the next person
 * on a shared school computer must not see them) and goes to the sign-in page.
 */
export function useSignOut(): { signOut: () => void; pending: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(trpc.auth.logout.mutationOptions());
  return {
    pending: logout.isPending,
    signOut: () => {
      const done = () => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        void navigate('/login', { replace: true });
      };
      // Even when the server cannot be reached, the local session state is dropped.
      const run = () => logout.mutate(undefined, { onSettled: done });
      if (!signOutGuard) run();
      else void signOutGuard(run).then((go) => go && run());
    },
  };
}

/**
 * Asked before signing out: resolves true to go on, or false when it will call `proceed`
 * itself once the person has decided (the supervision app's unsent offline saves, decision
 * 024). One per app.
 */
export type SignOutGuard = (proceed: () => void) => Promise<boolean>;
let signOutGuard: SignOutGuard | null = null;
export function setSignOutGuard(guard: SignOutGuard | null): void {
  signOutGuard = guard;
}

/** The product's name and the language switch above a page shown outside the app's shell. */
export function BrandTop() {
  const t = useT();
  return (
    <div className="sk-forbidden__top">
      <span className="sk-forbidden__brand">
        <Logo size={28} />
        {t('shell.product')}
      </span>
      <LanguageSwitch />
    </div>
  );
}
