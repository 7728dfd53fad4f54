import { type RouterOutputs, useTRPC } from '@siklus/client';
import { Card, EmptyState, QueryState, useFormat, useT } from '@siklus/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

type AdminHome = Extract<RouterOutputs['home']['get'], { role: 'admin' }>;
type Draft = AdminHome['configDrafts'][number];

const DRAFT_PATH: Record<Draft['kind'], string> = {
  rubric: '/rubrics',
  bandSet: '/bands',
  criteriaSet: '/criteria',
};

/**
 * What waits for the admin (issue 17), at the top of the admin's home: configuration
 * versions still in draft (each opens its editor) and active accounts that have not
 * signed in for a while (they open the user list). From `home.get`, as the other homes.
 */
export function AdminWaiting() {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const home = useQuery(trpc.home.get.queryOptions());
  return (
    <QueryState query={home} inline>
      {(data) =>
        data.role !== 'admin' ? null : (
          <section className="sk-grid sk-grid--2 adm-waiting" aria-label={t('home.adm.title')}>
            <Card title={t('home.adm.drafts')}>
              {data.configDrafts.length === 0 ? (
                <EmptyState title={t('home.empty')} />
              ) : (
                <ul className="adm-waiting__list" aria-label={t('home.adm.drafts')}>
                  {data.configDrafts.map((d) => (
                    <li key={d.versionId}>
                      <Link to={`${DRAFT_PATH[d.kind]}/${d.versionId}`}>
                        {t('home.adm.draft', { name: d.name, version: d.version })}
                      </Link>{' '}
                      <span className="sk-muted">{t(`home.adm.kind.${d.kind}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t('home.adm.inactive', { days: data.inactiveAccounts.afterDays })}>
              {data.inactiveAccounts.items.length === 0 ? (
                <EmptyState title={t('home.empty')} />
              ) : (
                <>
                  <ul
                    className="adm-waiting__list"
                    aria-label={t('home.adm.inactive', { days: data.inactiveAccounts.afterDays })}
                  >
                    {data.inactiveAccounts.items.map((u) => (
                      <li key={u.userId}>
                        <Link to="/users">{u.fullName}</Link>{' '}
                        <span className="sk-muted">
                          {u.username} · {t(`role.${u.role}`)}
                          {u.schoolName && ` · ${u.schoolName}`} ·{' '}
                          {u.lastSignInAt
                            ? t('home.adm.lastSignIn', { date: f.date(u.lastSignInAt) })
                            : t('home.adm.never')}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {data.inactiveAccounts.total > data.inactiveAccounts.items.length && (
                    <p className="sk-muted">
                      {t('home.more', {
                        count: data.inactiveAccounts.total - data.inactiveAccounts.items.length,
                      })}
                    </p>
                  )}
                </>
              )}
            </Card>
          </section>
        )
      }
    </QueryState>
  );
}
