import {
  type DB,
  type FollowUpFilter,
  type FollowUpItem,
  getDistrict,
  listFollowUps,
  rubricDefinitionsOf,
} from '@siklus/db';
import {
  cycleLabel,
  FOLLOW_UP_STATUS_LABELS,
  FOLLOW_UP_SUPPORT_LABELS,
  followUpDueState,
  followUpProgress,
  localDate,
} from '@siklus/domain';
import type { Kysely } from 'kysely';

/*
 * Follow-up plans as every reader shows them (the cycle page, a school's drill-down, the
 * results chapter and the exports): each plan with its labels, its due state on the
 * district's today, and whether its indicators improved, computed by the domain from the
 * raw scores of the two sheets. The caller has checked scope.
 */

const label = (ordinal: number) => ({
  id: cycleLabel(ordinal, 'id'),
  en: cycleLabel(ordinal, 'en'),
});

/** The district's calendar day now ('YYYY-MM-DD'), in its own zone. */
export async function districtToday(
  db: Kysely<DB>,
  districtId: string,
  now: Date,
): Promise<{ today: string; timeZone: Awaited<ReturnType<typeof getDistrict>>['timeZone'] }> {
  const district = await getDistrict(db, districtId);
  return { today: localDate(now, district.timeZone), timeZone: district.timeZone };
}

export async function followUpViews(db: Kysely<DB>, filter: FollowUpFilter, today: string) {
  const items = await listFollowUps(db, filter);
  const definitions = await rubricDefinitionsOf(
    db,
    items.map((i) => i.rubricVersionId),
  );
  return items.map((item) => toView(item, definitions, today));
}

export type FollowUpView = ReturnType<typeof toView>;

function toView(
  item: FollowUpItem,
  definitions: Map<string, Parameters<typeof followUpProgress>[0]>,
  today: string,
) {
  const { rubricVersionId, before, after, ...rest } = item;
  const definition = definitions.get(rubricVersionId) ?? { mode: 'summary' as const };
  const progress = followUpProgress(definition, item.indicatorKeys, before, after);
  return {
    ...rest,
    cycleLabel: label(item.ordinal),
    checkCycleLabel: item.checkCycleId ? label(item.ordinal + 1) : null,
    supportLabel: FOLLOW_UP_SUPPORT_LABELS[item.support],
    statusLabel: FOLLOW_UP_STATUS_LABELS[item.status],
    dueState: followUpDueState(item, today),
    /** Percentages over the plan's indicators, computed from the raw scores. */
    progress,
  };
}
