import { type RouterOutputs, useTRPC } from '@siklus/client';
import { FOLLOW_UP_VERDICT_LABELS } from '@siklus/domain';
import {
  Card,
  cx,
  EmptyState,
  QueryState,
  TableScroll,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import '../home/coaching.css';

type Plan = RouterOutputs['followUps']['school']['plans'][number];

/**
 * A school's follow-up plans (RTL) in the supervisor's drill-down: how many are open and
 * overdue on the district's today, then each plan (open first) with its teacher, cycle,
 * indicators, support, due date, status and the computed result; each links to the cycle
 * that checks it. Its own component, so the school page renders it with one line.
 */
export function SchoolFollowUps({ schoolId }: { schoolId: string }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const plans = useQuery(trpc.followUps.school.queryOptions({ schoolId }));
  return (
    <Card
      id="follow-ups"
      title={t('rtl.title')}
      description={
        plans.data
          ? t('rtl.school.summary', {
              open: plans.data.open,
              overdue: plans.data.overdue,
              date: f.date(plans.data.today),
            })
          : undefined
      }
      flush
    >
      <QueryState query={plans} inline>
        {(data) =>
          data.plans.length === 0 ? (
            <EmptyState title={t('rtl.school.empty')} />
          ) : (
            <TableScroll label={t('rtl.title')}>
              <table className="sk-table sk-table--stack" aria-label={t('rtl.title')}>
                <thead>
                  <tr>
                    <th scope="col">{t('rtl.school.teacher')}</th>
                    <th scope="col">{t('rtl.school.cycle')}</th>
                    <th scope="col">{t('rtl.school.indicators')}</th>
                    <th scope="col">{t('rtl.school.support')}</th>
                    <th scope="col">{t('rtl.school.due')}</th>
                    <th scope="col">{t('rtl.school.status')}</th>
                    <th scope="col">{t('rtl.school.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.plans.map((p) => (
                    <PlanRow key={p.id} plan={p} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
    </Card>
  );
}

function PlanRow({ plan: p }: { plan: Plan }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const r = p.progress;
  return (
    <tr className={cx(p.dueState === 'overdue' && 'rtl-row--overdue')}>
      <th scope="row">{p.teacherName}</th>
      <td>
        <Link to={`/cycles/${p.checkCycleId ?? p.cycleId}#follow-up`}>
          {localized(p.cycleLabel)}
        </Link>
      </td>
      <td>{p.indicatorKeys.join(', ') || '–'}</td>
      <td>
        {localized(p.supportLabel)}
        {p.supportTeacherName && ` (${p.supportTeacherName})`}
      </td>
      <td className={cx(p.dueState && `rtl-due--${p.dueState}`)}>
        {f.date(p.dueOn)}
        {p.dueState === 'overdue' && ` · ${t('rtl.overdue')}`}
      </td>
      <td>{localized(p.statusLabel)}</td>
      <td>
        {r.before !== null && f.decimal(r.before)}
        {r.after !== null && ` → ${f.decimal(r.after)}`}{' '}
        <span className="sk-muted">{localized(FOLLOW_UP_VERDICT_LABELS[r.verdict])}</span>
      </td>
    </tr>
  );
}
