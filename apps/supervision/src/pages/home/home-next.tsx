import { type RouterOutputs, useTRPC } from '@siklus/client';
import { TIME_ZONE_INFO } from '@siklus/domain';
import {
  Card,
  EmptyState,
  QueryState,
  StatusBadge,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './coaching.css';

type Home = RouterOutputs['home']['get'];
type PrincipalHome = Extract<Home, { role: 'principal' }>;
type SupervisorHome = Extract<Home, { role: 'supervisor' }>;
type Step = PrincipalHome['steps'][number];

/** The district's today, as the lists count days: "Hari ini 12 Mar 2026 (WIB)". */
function Today({ home }: { home: Home }) {
  const t = useT();
  const f = useFormat();
  return (
    <span className="home-today">
      {t('home.today', {
        date: f.date(home.today),
        zone: TIME_ZONE_INFO[home.timeZone].abbreviation,
      })}
    </span>
  );
}

/**
 * What waits for the signed-in person (issue 17), shown at the top of each role's landing
 * page: a principal's study, current cycle and next steps (on "Sekolah saya"); a
 * supervisor's submissions waiting (oldest first), returned cycles not resubmitted, schools
 * without a study and overdue follow-up plans (on the dashboard). Each item links to where
 * its action is. Everything comes from one procedure, `home.get`.
 */
export function HomeNext() {
  const trpc = useTRPC();
  // Always fresh on arrival: what waits changes with every write elsewhere.
  const home = useQuery({ ...trpc.home.get.queryOptions(), refetchOnMount: 'always' });
  return (
    <QueryState query={home} inline>
      {(data) =>
        data.role === 'principal' ? (
          <PrincipalView home={data} />
        ) : data.role === 'supervisor' ? (
          <SupervisorView home={data} />
        ) : null
      }
    </QueryState>
  );
}

/** A list of linked items; empty says so; a total above the shown ones says how many more. */
function ItemList({
  items,
  total,
  label,
}: {
  items: { key: string; to: string; text: ReactNode; meta?: ReactNode }[];
  total?: number;
  label: string;
}) {
  const t = useT();
  if (items.length === 0) return <EmptyState title={t('home.empty')} />;
  const more = (total ?? items.length) - items.length;
  return (
    <>
      <ul className="home-list" aria-label={label}>
        {items.map((i) => (
          <li key={i.key} className="home-list__item">
            <Link to={i.to}>{i.text}</Link>
            {i.meta && <span className="sk-muted home-list__meta">{i.meta}</span>}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="sk-muted">{t('home.more', { count: more })}</p>}
    </>
  );
}

function PrincipalView({ home }: { home: PrincipalHome }) {
  const t = useT();
  const localized = useLocalized();
  const f = useFormat();
  const study = home.study;
  const stepItem = (s: Step, i: number) => {
    switch (s.kind) {
      case 'no-study':
        return { key: `${i}`, to: '/studies', text: t('home.step.no-study') };
      case 'returned':
        return {
          key: `${i}`,
          to: `/cycles/${s.cycleId}`,
          text: t('home.step.returned', { cycle: localized(s.label) }),
        };
      case 'unobserved':
        return {
          key: `${i}`,
          to: `/cycles/${s.cycleId}#observation-sheet`,
          text: t('home.step.unobserved', {
            missing: s.missing,
            roster: s.roster,
            cycle: localized(s.label),
          }),
        };
      case 'submit':
        return {
          key: `${i}`,
          to: `/cycles/${s.cycleId}`,
          text: t('home.step.submit', { cycle: localized(s.label) }),
        };
      case 'waiting-review':
        return {
          key: `${i}`,
          to: `/cycles/${s.cycleId}`,
          text: t('home.step.waiting-review', { cycle: localized(s.label), days: s.days }),
        };
      case 'next-cycle':
        return {
          key: `${i}`,
          to: `/studies/${s.studyId}`,
          text: t('home.step.next-cycle', { cycle: localized(s.label) }),
        };
      case 'follow-up':
        return {
          key: `${i}`,
          to: `/cycles/${s.cycleId}#follow-up`,
          text: t(
            s.state === 'overdue' ? 'home.step.follow-up.overdue' : 'home.step.follow-up.due-soon',
            { teacher: s.teacherName, date: f.date(s.dueOn) },
          ),
        };
    }
  };
  return (
    <div className="sk-stack">
      <Card title={t('home.next')} description={<Today home={home} />}>
        {home.steps.length === 0 ? (
          <EmptyState title={t('home.nothing')} />
        ) : (
          <ItemList label={t('home.next')} items={home.steps.map(stepItem)} />
        )}
      </Card>
      {study && (
        <Card
          title={t('home.study')}
          actions={
            <Link className="sk-btn sk-btn--secondary sk-btn--sm" to={`/studies/${study.id}`}>
              {study.title}
            </Link>
          }
        >
          {study.cycle ? (
            <p className="home-cycle">
              <Link to={`/cycles/${study.cycle.id}`}>{localized(study.cycle.label)}</Link>{' '}
              <StatusBadge status={study.cycle.status} />{' '}
              <span className="sk-muted">
                {t('home.observed', {
                  observed: study.cycle.observed,
                  roster: study.cycle.roster,
                })}
              </span>
            </p>
          ) : (
            <p className="sk-muted">{t('home.noCycle')}</p>
          )}
        </Card>
      )}
    </div>
  );
}

function SupervisorView({ home }: { home: SupervisorHome }) {
  const t = useT();
  const localized = useLocalized();
  const f = useFormat();
  return (
    <section className="sk-grid home-grid" aria-label={t('home.title')}>
      <Card
        title={t('home.sup.waiting')}
        description={
          <>
            {t('home.sup.waitingHint')} <Today home={home} />
          </>
        }
      >
        <ItemList
          label={t('home.sup.waiting')}
          total={home.waiting.total}
          items={home.waiting.items.map((c) => ({
            key: c.cycleId,
            to: `/review?cycleId=${c.cycleId}`,
            text: `${c.schoolName} · ${localized(c.label)}`,
            meta: c.daysWaiting === null ? undefined : t('home.sup.days', { days: c.daysWaiting }),
          }))}
        />
      </Card>
      <Card title={t('home.sup.overdue')}>
        <ItemList
          label={t('home.sup.overdue')}
          total={home.overdueFollowUps.total}
          items={home.overdueFollowUps.items.map((p) => ({
            key: p.id,
            to: `/schools/${p.schoolId}#follow-ups`,
            text: `${p.teacherName} · ${p.schoolName}`,
            meta: `${f.date(p.dueOn)} · ${t('home.sup.overdueDays', { days: p.daysOverdue })}`,
          }))}
        />
        {home.overdueFollowUps.bySchool.length > 0 && (
          <>
            <h3 className="home-subtitle">{t('home.sup.bySchool')}</h3>
            <ItemList
              label={t('home.sup.bySchool')}
              items={home.overdueFollowUps.bySchool.map((s) => ({
                key: s.schoolId,
                to: `/schools/${s.schoolId}#follow-ups`,
                text: s.schoolName,
                meta: t('home.sup.openOverdue', { open: s.open, overdue: s.overdue }),
              }))}
            />
          </>
        )}
      </Card>
      <Card title={t('home.sup.returned')}>
        <ItemList
          label={t('home.sup.returned')}
          total={home.returned.total}
          items={home.returned.items.map((c) => ({
            key: c.cycleId,
            to: `/cycles/${c.cycleId}`,
            text: `${c.schoolName} · ${localized(c.label)}`,
            meta:
              c.daysSince === null ? undefined : t('home.sup.returnedDays', { days: c.daysSince }),
          }))}
        />
      </Card>
      <Card title={t('home.sup.noStudy')}>
        <ItemList
          label={t('home.sup.noStudy')}
          total={home.schoolsWithoutStudy.total}
          items={home.schoolsWithoutStudy.items.map((s) => ({
            key: s.schoolId,
            to: `/schools/${s.schoolId}`,
            text: s.schoolName,
            meta: s.subdistrict,
          }))}
        />
      </Card>
    </section>
  );
}
