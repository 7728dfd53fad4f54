import { type AuditEntryInput, insertAuditEntry } from '@siklus/db';
import type { Context } from '../context';

export interface AuditInput {
  /** Dotted verb, feature first: `auth.login`, `school.create`, `cycle.approve`. */
  action: string;
  /** What the action was about: 'user', 'school', 'teacher', 'cycle', ... */
  entity?: string | null;
  entityId?: string | null;
  /** The school concerned, so the log can be filtered by school. */
  schoolId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  /** Defaults to the signed-in user's district and id. */
  districtId?: string | null;
  userId?: string | null;
}

/** The audit row of the current request (its user, ip and request id) for an entry. */
export function auditEntry(ctx: Context, entry: AuditInput): AuditEntryInput {
  return {
    districtId: entry.districtId !== undefined ? entry.districtId : (ctx.user?.districtId ?? null),
    userId: entry.userId !== undefined ? entry.userId : (ctx.user?.id ?? null),
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    schoolId: entry.schoolId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

/**
 * Writes one audit row for the current request (with its ip and request id). Call it in
 * the same transaction as the write it records: pass `db` when inside one.
 */
export async function audit(ctx: Context, entry: AuditInput, db = ctx.db): Promise<void> {
  await insertAuditEntry(db, auditEntry(ctx, entry));
}

/**
 * A refused access. Failing to audit it must not turn the refusal into a 500, so a failure
 * here is logged instead of thrown.
 */
export async function auditRefusal(
  ctx: Context,
  refusal: { path: string; reason: string; target: { key: string; id: string } | null },
): Promise<void> {
  try {
    await audit(ctx, {
      action: 'access.refused',
      entity: refusal.target?.key ?? null,
      entityId: refusal.target?.id ?? null,
      after: { path: refusal.path, reason: refusal.reason },
    });
  } catch (error) {
    ctx.log.warn({ err: error, requestId: ctx.requestId }, 'could not audit a refused access');
  }
}
