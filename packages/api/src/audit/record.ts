import { insertAuditEntry } from '@siklus/db';
import type { Context } from '../context';

/**
 * Writes one audit row for the current request. Refusals and failed sign-ins are audited
 * too; a failure to audit a refusal must not turn the refusal into a 500, so those are
 * logged instead of thrown.
 */
export async function audit(
  ctx: Context,
  entry: {
    action: string;
    targetType?: string | null;
    targetId?: string | null;
    schoolId?: string | null;
    districtId?: string | null;
    details?: Record<string, unknown>;
    userId?: string | null;
  },
): Promise<void> {
  await insertAuditEntry(ctx.db, {
    districtId: entry.districtId ?? ctx.user?.districtId ?? null,
    userId: entry.userId !== undefined ? entry.userId : (ctx.user?.id ?? null),
    schoolId: entry.schoolId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
}

export async function auditRefusal(
  ctx: Context,
  refusal: { path: string; reason: string; target: { key: string; id: string } | null },
): Promise<void> {
  try {
    await audit(ctx, {
      action: 'access.refused',
      targetType: refusal.target?.key ?? null,
      targetId: refusal.target?.id ?? null,
      details: { path: refusal.path, reason: refusal.reason },
    });
  } catch (error) {
    ctx.log.warn({ err: error, requestId: ctx.requestId }, 'could not audit a refused access');
  }
}
