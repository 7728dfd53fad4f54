import {
  followUpCountsBySchool,
  listConfigDrafts,
  listDueFollowUps,
  listInactiveAccounts,
  listReturnedCycles,
  listSchoolsWithoutStudy,
  reviewQueue,
  schoolCurrentStudy,
} from '@siklus/db';
import {
  CYCLE_STATUS_LABELS,
  calendarDaysSince,
  cycleLabel,
  daysBetweenDates,
  followUpDueState,
  type TTimeZone,
} from '@siklus/domain';
import type { Context, SessionUser } from '../context';
import { districtToday } from '../follow-ups/follow-up-view';
import { authedProcedure, router } from '../trpc';

/*
 * The home pages (issue 17): what waits for the signed-in person, per role, each item with
 * the ids its link needs. Scope comes from the session alone (no input): a principal's
 * school, a supervisor's or admin's district. Days are the district's calendar days.
 */

/** How many items each list shows; the totals say how many there are. */
export const HOME_LIST_LIMIT = 10;
/** Plans due within this many days show on the principal's home. */
export const FOLLOW_UP_SOON_DAYS = 7;
/** An account silent this long shows on the admin's home. */
export const INACTIVE_AFTER_DAYS = 90;

const DAY = 86_400_000;
const label = (ordinal: number) => ({
  id: cycleLabel(ordinal, 'id'),
  en: cycleLabel(ordinal, 'en'),
});
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

type Clock = { now: Date; today: string; timeZone: TTimeZone };

async function principalHome(ctx: Context, user: SessionUser, clock: Clock) {
  const schoolId = user.schoolId;
  if (!schoolId) return { role: 'principal' as const, ...clock, study: null, steps: [] };
  const [study, returned, due] = await Promise.all([
    schoolCurrentStudy(ctx.db, schoolId),
    listReturnedCycles(ctx.db, { districtId: user.districtId, schoolId, limit: HOME_LIST_LIMIT }),
    listDueFollowUps(ctx.db, {
      districtId: user.districtId,
      schoolId,
      dueOnOrBefore: plusDays(clock.today, FOLLOW_UP_SOON_DAYS),
      limit: HOME_LIST_LIMIT,
    }),
  ]);
  type Step =
    | { kind: 'no-study' }
    | { kind: 'returned'; cycleId: string; label: { id: string; en: string } }
    | {
        kind: 'unobserved';
        cycleId: string;
        label: { id: string; en: string };
        missing: number;
        roster: number;
      }
    | { kind: 'submit'; cycleId: string; label: { id: string; en: string } }
    | { kind: 'waiting-review'; cycleId: string; label: { id: string; en: string }; days: number }
    | { kind: 'next-cycle'; studyId: string; label: { id: string; en: string } }
    | {
        kind: 'follow-up';
        followUpId: string;
        cycleId: string;
        teacherName: string;
        dueOn: string;
        state: 'overdue' | 'due-soon';
      };
  const steps: Step[] = [];
  if (!study) steps.push({ kind: 'no-study' });
  for (const r of returned.items) {
    steps.push({ kind: 'returned', cycleId: r.cycleId, label: label(r.ordinal) });
  }
  const current =
    study?.cycleId && study.ordinal !== null && study.status !== null
      ? { id: study.cycleId, ordinal: study.ordinal, status: study.status }
      : null;
  if (study && current) {
    const missing = Math.max(0, study.roster - study.observedActive);
    const editable = current.status === 'draft' || current.status === 'returned';
    if (editable && missing > 0) {
      steps.push({
        kind: 'unobserved',
        cycleId: current.id,
        label: label(current.ordinal),
        missing,
        roster: study.roster,
      });
    } else if (current.status === 'draft' && study.observedActive > 0) {
      steps.push({ kind: 'submit', cycleId: current.id, label: label(current.ordinal) });
    }
    if (current.status === 'submitted') {
      steps.push({
        kind: 'waiting-review',
        cycleId: current.id,
        label: label(current.ordinal),
        days: study.submittedAt
          ? calendarDaysSince(study.submittedAt, clock.now, clock.timeZone)
          : 0,
      });
    }
    if (current.status === 'approved') {
      steps.push({ kind: 'next-cycle', studyId: study.studyId, label: label(current.ordinal + 1) });
    }
  }
  for (const f of due.items) {
    const state = followUpDueState(
      { status: 'open', dueOn: f.dueOn },
      clock.today,
      FOLLOW_UP_SOON_DAYS,
    );
    if (!state) continue;
    steps.push({
      kind: 'follow-up',
      followUpId: f.id,
      cycleId: f.linkCycleId,
      teacherName: f.teacherName,
      dueOn: f.dueOn,
      state,
    });
  }
  return {
    role: 'principal' as const,
    ...clock,
    study: study
      ? {
          id: study.studyId,
          title: study.title,
          cycle: current
            ? {
                id: current.id,
                label: label(current.ordinal),
                status: current.status,
                statusLabel: CYCLE_STATUS_LABELS[current.status],
                observed: study.observedActive,
                roster: study.roster,
              }
            : null,
        }
      : null,
    steps,
  };
}

async function supervisorHome(ctx: Context, user: SessionUser, clock: Clock) {
  const districtId = user.districtId;
  const [waiting, returned, noStudy, overdue, bySchool] = await Promise.all([
    reviewQueue(ctx.db, { districtId, limit: HOME_LIST_LIMIT, offset: 0 }),
    listReturnedCycles(ctx.db, { districtId, limit: HOME_LIST_LIMIT }),
    listSchoolsWithoutStudy(ctx.db, { districtId, limit: HOME_LIST_LIMIT }),
    listDueFollowUps(ctx.db, {
      districtId,
      dueOnOrBefore: plusDays(clock.today, -1),
      limit: HOME_LIST_LIMIT,
    }),
    followUpCountsBySchool(ctx.db, { districtId, today: clock.today }),
  ]);
  const since = (at: string | null) =>
    at ? calendarDaysSince(at, clock.now, clock.timeZone) : null;
  return {
    role: 'supervisor' as const,
    ...clock,
    waiting: {
      total: waiting.total,
      items: waiting.items.map((c) => ({
        cycleId: c.cycleId,
        label: label(c.ordinal),
        studyTitle: c.studyTitle,
        schoolId: c.schoolId,
        schoolName: c.schoolName,
        submittedAt: c.submittedAt,
        daysWaiting: since(c.submittedAt),
      })),
    },
    returned: {
      total: returned.total,
      items: returned.items.map((c) => ({
        ...c,
        label: label(c.ordinal),
        daysSince: since(c.returnedAt),
      })),
    },
    schoolsWithoutStudy: noStudy,
    overdueFollowUps: {
      total: overdue.total,
      items: overdue.items.map((f) => ({
        id: f.id,
        schoolId: f.schoolId,
        schoolName: f.schoolName,
        cycleId: f.linkCycleId,
        teacherName: f.teacherName,
        dueOn: f.dueOn,
        daysOverdue: daysBetweenDates(f.dueOn, clock.today),
      })),
      /** Schools with open plans: how many, and how many overdue. */
      bySchool,
    },
  };
}

async function adminHome(ctx: Context, user: SessionUser, clock: Clock) {
  const [drafts, inactive] = await Promise.all([
    listConfigDrafts(ctx.db, user.districtId),
    listInactiveAccounts(ctx.db, {
      districtId: user.districtId,
      since: new Date(clock.now.getTime() - INACTIVE_AFTER_DAYS * DAY),
      limit: HOME_LIST_LIMIT,
    }),
  ]);
  return {
    role: 'admin' as const,
    ...clock,
    configDrafts: drafts,
    inactiveAccounts: { ...inactive, afterDays: INACTIVE_AFTER_DAYS },
  };
}

export const homeRouter = router({
  /** What waits for the signed-in person; the answer's `role` says which shape it is. */
  get: authedProcedure.query(async ({ ctx }) => {
    const now = ctx.now();
    const { today, timeZone } = await districtToday(ctx.db, ctx.user.districtId, now);
    const clock = { now, today, timeZone };
    const home =
      ctx.user.role === 'principal'
        ? await principalHome(ctx, ctx.user, clock)
        : ctx.user.role === 'supervisor'
          ? await supervisorHome(ctx, ctx.user, clock)
          : await adminHome(ctx, ctx.user, clock);
    // Instants cross the wire as ISO strings (decision 013).
    return { ...home, now: now.toISOString() };
  }),
});
