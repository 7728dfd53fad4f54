import {
  type CyclePatch,
  getCycleRecord,
  insertCycleEvent,
  STALE_VERSION_MESSAGES,
  touchCycle,
} from '@siklus/db';
import { AppError, nextStatus, type TCycleAction, type TCycleStatus } from '@siklus/domain';
import { audit } from '../audit/record';
import type { Context } from '../context';
import { notFound } from '../errors';

export type TransitionArgs = {
  cycleId: string;
  version: number;
  action: TCycleAction;
  /** Who moves it (the authed user), named in the history. */
  actor: { id: string; role: 'admin' | 'supervisor' | 'principal' };
  districtId: string;
  schoolId: string | null;
  reason?: string | null;
  /** Checks that need the transaction (submit: at least one observation). */
  guard?: (tx: Context['db']) => Promise<void>;
  patch?: (now: Date) => CyclePatch;
};

export type TransitionResult = { version: number; status: TCycleStatus; before: TCycleStatus };

/**
 * One move of the review workflow (submit, withdraw, approve, return, reopen), in one
 * transaction: the domain's nextStatus decides whether the move is legal, the cycle's
 * version guards against a stale screen, and the history row (who, role, when, comment or
 * reason; cycle_events) and the audit row are written with the change or not at all.
 */
export function transitionCycle(ctx: Context, args: TransitionArgs): Promise<TransitionResult> {
  return ctx.db.transaction().execute((tx) => transitionCycleIn(tx, ctx, args));
}

/**
 * The same move inside a transaction the caller holds: a recap import submits each cycle
 * it wrote in its one transaction (decision 016).
 */
export async function transitionCycleIn(
  tx: Context['db'],
  ctx: Context,
  args: TransitionArgs,
): Promise<TransitionResult> {
  const current = await getCycleRecord(tx, args.cycleId);
  if (!current) throw notFound();
  if (current.version !== args.version) {
    throw new AppError('CONFLICT', STALE_VERSION_MESSAGES, {
      field: 'version',
      details: { currentVersion: current.version },
    });
  }
  const status = nextStatus(current.status, args.action);
  await args.guard?.(tx);
  const now = ctx.now();
  const result = await touchCycle(tx, {
    districtId: args.districtId,
    cycleId: args.cycleId,
    version: args.version,
    onlyIn: [current.status],
    patch: { status, ...(args.patch?.(now) ?? {}) },
  });
  await audit(
    ctx,
    {
      action: `cycle.${args.action}`,
      entity: 'cycle',
      entityId: args.cycleId,
      schoolId: args.schoolId,
      before: { status: current.status, version: current.version },
      after: { status, version: result.version },
      reason: args.reason ?? null,
    },
    tx,
  );
  await insertCycleEvent(tx, {
    districtId: args.districtId,
    cycleId: args.cycleId,
    action: args.action,
    fromStatus: current.status,
    toStatus: status,
    actorId: args.actor.id,
    actorRole: args.actor.role,
    comment: args.reason ?? null,
    at: now,
  });
  return { version: result.version, status: result.status, before: current.status };
}
