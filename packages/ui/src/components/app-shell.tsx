import type { Me } from '@siklus/client';
import type { ReactNode } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { NotificationBell } from '../account/notifications';
import { useT } from '../i18n/i18n';
import { useCurrentUser, useSignOut } from './auth';
import { Button } from './button';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';

export interface NavItem {
  to: string;
  /** Already translated: `t('nav.dashboard')`. */
  label: string;
  /** Match the path exactly (for the home link). */
  end?: boolean;
}

export interface AppShellProps {
  /** "Supervisi" / "Administrasi": shown next to the product name. */
  appName: string;
  nav: NavItem[];
  /** Page content; defaults to the route's `<Outlet />`. */
  children?: ReactNode;
}

/**
 * Where a user belongs, in words: a principal's school, or the district for the others.
 * District names are stored whole ("Kabupaten Bogor"), so nothing is prefixed.
 */
export function scopeLabel(me: Me): string {
  if (me.role === 'principal' && me.schoolName) return me.schoolName;
  return me.districtName;
}

/**
 * The frame of every signed-in page: header (brand, the notification bell, who is signed in
 * and where, linking to their account, language, sign out), the main navigation, and the content. Must sit inside `RequireAuth`.
 * On a phone the navigation becomes a scrollable strip under the header.
 */
export function AppShell({ appName, nav, children }: AppShellProps) {
  const t = useT();
  const me = useCurrentUser();
  const signOut = useSignOut();
  return (
    <div className="sk-shell">
      <a className="sk-skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="sk-header">
        <div className="sk-header__inner">
          <NavLink to="/" className="sk-brand">
            <Logo size={30} />
            <span className="sk-brand__text">
              <span className="sk-brand__product">{t('shell.product')}</span>{' '}
              <span className="sk-brand__app">{appName}</span>
            </span>
          </NavLink>
          <div className="sk-header__user">
            <NotificationBell />
            <Link to="/account" className="sk-user" title={t('account.title')}>
              <span className="sk-user__name">{me.fullName}</span>
              <span className="sk-user__meta">
                {t(`role.${me.role}`)} · {scopeLabel(me)}
              </span>
            </Link>
            <LanguageSwitch />
            <Button
              variant="ghost"
              size="sm"
              className="sk-header__signout"
              onClick={signOut.signOut}
              loading={signOut.pending}
            >
              {signOut.pending ? t('shell.signingOut') : t('shell.signOut')}
            </Button>
          </div>
        </div>
        <nav className="sk-nav" aria-label={t('shell.mainNav')}>
          <ul className="sk-nav__list">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  className={({ isActive }) =>
                    isActive ? 'sk-nav__link sk-nav__link--active' : 'sk-nav__link'
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="sk-main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
    </div>
  );
}
