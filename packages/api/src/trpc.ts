import {
  attachmentScopeOf,
  configVersionScopeOf,
  cycleScopeOf,
  getCycleContext,
  schoolScopeOf,
  studyScopeOf,
  subdistrictScopeOf,
  teacherScopeOf,
  userScopeOf,
} from '@siklus/db';
import { AppError, errorEnvelope, installFieldErrorMap, type TAppErrorData } from '@siklus/domain';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { auditRefusal } from './audit/record';
import type { Context, Role, SessionUser } from './context';
import { forbidden, notFound, toAppError, toTRPCError, unauthorized } from './errors';

/**
 * The base procedures. Routers use only what this file exports: the role and scope checks
 * live here, before any handler runs, and are never repeated inside a handler.
 */

/** `data.appError` of every error answer (the domain's error contract). */
export type AppErrorData = TAppErrorData;

function issuesOf(error: AppError): AppErrorData['issues'] {
  const issues = error.details?.issues;
  if (error.code !== 'BAD_REQUEST' || !Array.isArray(issues)) return undefined;
  return issues
    .filter(
      (i): i is { field: string; messages: { id: string; en: string } } =>
        typeof i?.field === 'string' && typeof i?.messages?.en === 'string',
    )
    .slice(0, 50)
    .map((i) => ({ field: i.field, messages: { id: i.messages.id, en: i.messages.en } }));
}

// Every input a procedure parses speaks through the domain's one error map: a field's
// problem names the field in both languages, as the forms show it before sending.
installFieldErrorMap();

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const appError = toAppError(error);
    const production = ctx?.production ?? process.env.NODE_ENV === 'production';
    const internal = appError.code === 'INTERNAL';
    const issues = issuesOf(appError);
    // The envelope is the domain's error contract. Its tRPC and JSON-RPC codes follow the
    // AppError, not the error tRPC caught: a database that is down while the context is
    // built reaches here as INTERNAL_SERVER_ERROR, yet answers UNAVAILABLE throughout.
    const { error: body } = errorEnvelope({
      code: appError.code,
      messages: appError.messages,
      field: appError.field ?? null,
      ...(issues ? { issues } : {}),
      requestId: ctx?.requestId ?? null,
      ...(shape.data.path === undefined ? {} : { path: shape.data.path }),
      message: internal && production ? appError.messages.en : appError.message,
    });
    return {
      ...body,
      data: {
        ...body.data,
        // A stack only outside production, and never for errors a person caused.
        ...(!production && internal && shape.data.stack ? { stack: shape.data.stack } : {}),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every error leaves a procedure as a TRPCError with the right code and the AppError as
 * its cause, so `createCaller` in tests sees the same code the HTTP client gets.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const error = toTRPCError(result.error);
    if (error !== result.error) return { ...result, error };
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

/** What a user whose password an admin set may still do (auth.me and logout are public). */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['auth.changePassword']);

export const PASSWORD_CHANGE_REQUIRED = {
  id: 'Ganti dulu kata sandi yang diberikan admin sebelum melanjutkan.',
  en: 'Change the password your admin gave you before going on.',
};

export const authedProcedure = publicProcedure.use(({ ctx, next, path }) => {
  if (!ctx.user) throw unauthorized();
  // Enforced here, for every signed-in procedure (downloads call them too), not by the UI.
  if (ctx.user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(path)) {
    throw new AppError('FORBIDDEN', PASSWORD_CHANGE_REQUIRED, {
      details: { reason: 'PASSWORD_CHANGE_REQUIRED' },
    });
  }
  return next({ ctx: { user: ctx.user } });
});

function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(async ({ ctx, next, path }) => {
    if (!roles.includes(ctx.user.role)) {
      await recordRefusal(ctx, path, 'role', null);
      throw forbidden();
    }
    return next();
  });
}

export const supervisorProcedure = roleProcedure('supervisor');
export const adminProcedure = roleProcedure('admin');
/** Supervisors and admins: district-wide readers. */
export const districtProcedure = roleProcedure('supervisor', 'admin');
/** Who keeps a school's records (its roster): the principal, or an admin of the district. */
export const keeperProcedure = roleProcedure('principal', 'admin');

// ---------------------------------------------------------------------------------------
// Scope

/** Where a row lives: every scoped check compares these with the user's own. */
export interface ScopeRow {
  districtId: string;
  /** null for district-level rows (a user without a school, a rubric). */
  schoolId: string | null;
}

export type ScopeLoader<R extends ScopeRow = ScopeRow> = (
  ctx: Context,
  id: string,
) => Promise<R | undefined>;

/**
 * The scope rule, in one place: another district's row does not exist for you (NOT_FOUND);
 * inside your district, a principal may touch only their own school's rows (FORBIDDEN).
 * Supervisors and admins cover the whole district.
 */
export function checkScope(
  user: SessionUser,
  row: ScopeRow | undefined,
): 'ok' | 'NOT_FOUND' | 'FORBIDDEN' {
  if (!row || row.districtId !== user.districtId) return 'NOT_FOUND';
  if (user.role === 'principal' && (row.schoolId === null || row.schoolId !== user.schoolId)) {
    return 'FORBIDDEN';
  }
  return 'ok';
}

async function recordRefusal(
  ctx: Context,
  path: string,
  reason: string,
  target: { key: string; id: string } | null,
): Promise<void> {
  await auditRefusal(ctx, { path, reason, target });
}

/**
 * Procedures scoped to one row named by an id in the input (`{ schoolId }`, `{ cycleId }`).
 * The loader reads the row's district and school; the check runs before the handler, and
 * the loaded row is handed to it as `ctx.scope`.
 *
 * Use: `const cycleScoped = scopedProcedures('cycleId', loadCycleScope);`
 * then `cycleScoped.principal.input(ZCycleSubmitInput).mutation(...)`. The handler's input
 * schema must itself declare the id field (it is `.strict()`).
 */
export function scopedProcedures<K extends string, R extends ScopeRow>(
  key: K,
  load: ScopeLoader<R>,
) {
  const idInput = z.object({ [key]: z.uuid() } as Record<K, z.ZodUUID>);
  const scope = t.middleware(async ({ ctx, input, next, path }) => {
    const user = ctx.user;
    if (!user) throw unauthorized();
    const id = (input as Record<K, string>)[key];
    const row = await load(ctx, id);
    const verdict = checkScope(user, row);
    // (`!row` is already NOT_FOUND in checkScope; repeated so the type knows it.)
    if (verdict !== 'ok' || !row) {
      await recordRefusal(ctx, path, verdict === 'NOT_FOUND' ? 'other-district' : 'scope', {
        key,
        id,
      });
      throw verdict === 'NOT_FOUND' ? notFound() : forbidden();
    }
    return next({ ctx: { scope: row } });
  });
  return {
    /** Any signed-in role, within scope. */
    any: authedProcedure.input(idInput).use(scope),
    principal: roleProcedure('principal').input(idInput).use(scope),
    supervisor: supervisorProcedure.input(idInput).use(scope),
    admin: adminProcedure.input(idInput).use(scope),
    /** Supervisors and admins of the row's district. */
    district: districtProcedure.input(idInput).use(scope),
    /** The school's own principal, or an admin of the row's district (not supervisors). */
    keeper: keeperProcedure.input(idInput).use(scope),
  };
}

/**
 * For a second id inside an input already scoped by its first (a user's new school):
 * the same rule, for handlers that must check more than one row.
 */
export async function assertInScope(
  ctx: Context,
  load: ScopeLoader,
  id: string,
  key: string,
): Promise<void> {
  const user = ctx.user;
  if (!user) throw unauthorized();
  const verdict = checkScope(user, await load(ctx, id));
  if (verdict === 'ok') return;
  await recordRefusal(ctx, key, verdict === 'NOT_FOUND' ? 'other-district' : 'scope', { key, id });
  const error = verdict === 'NOT_FOUND' ? notFound() : forbidden();
  throw new AppError(error.code, error.messages, { field: key });
}

// Loaders for the scopes everyone needs (their SQL is db's repositories/scopes.ts).

export const loadSchoolScope: ScopeLoader<ScopeRow & { id: string }> = (ctx, id) =>
  schoolScopeOf(ctx.db, id);
export const loadTeacherScope: ScopeLoader = (ctx, id) => teacherScopeOf(ctx.db, id);
export const loadStudyScope: ScopeLoader = (ctx, id) => studyScopeOf(ctx.db, id);
export const loadCycleScope: ScopeLoader = (ctx, id) => cycleScopeOf(ctx.db, id);
/** A user row as a scope: admins manage users of their own district only. */
export const loadUserScope: ScopeLoader = (ctx, id) => userScopeOf(ctx.db, id);

/** `{ schoolId }`: principal = own school; supervisor/admin = a school of their district. */
export const schoolScoped = scopedProcedures('schoolId', loadSchoolScope);
/** `{ teacherId }` */
export const teacherScoped = scopedProcedures('teacherId', loadTeacherScope);
/** `{ studyId }` */
export const studyScoped = scopedProcedures('studyId', loadStudyScope);
/** `{ cycleId }` */
export const cycleScoped = scopedProcedures('cycleId', loadCycleScope);
/**
 * `{ cycleId }`, the scope read with what scoring a sheet needs (rubric, bands, criteria):
 * `ctx.scope` is the cycle's context, so the save does not read the cycle twice.
 */
export const cycleContextScoped = scopedProcedures('cycleId', (ctx, id) =>
  getCycleContext(ctx.db, id),
);
/** `{ userId }` */
export const userScoped = scopedProcedures('userId', loadUserScope);
/** `{ subdistrictId }`: a kecamatan of the district's list (admins of the district). */
export const subdistrictScoped = scopedProcedures('subdistrictId', (ctx, id) =>
  subdistrictScopeOf(ctx.db, id),
);
/** `{ attachmentId }`: an evidence file, scoped as its cycle's school. */
export const attachmentScoped = scopedProcedures('attachmentId', (ctx, id) =>
  attachmentScopeOf(ctx.db, id),
);

export type { Context, SessionUser };

/** tRPC batches are bounded; the client's httpBatchLink should use the same maxItems. */
export const MAX_BATCH_SIZE = 25;

// Configuration versions (rubrics, band sets, success criteria): district-level rows, so
// only the district's admins pass (a principal gets FORBIDDEN, another district NOT_FOUND).

const loadVersionScope =
  (table: 'rubric_versions' | 'band_set_versions' | 'criteria_set_versions'): ScopeLoader =>
  (ctx, id) =>
    configVersionScopeOf(ctx.db, table, id);

/** `{ versionId }` of a rubric version. */
export const rubricVersionScoped = scopedProcedures(
  'versionId',
  loadVersionScope('rubric_versions'),
);
/** `{ versionId }` of a band set version. */
export const bandSetVersionScoped = scopedProcedures(
  'versionId',
  loadVersionScope('band_set_versions'),
);
/** `{ versionId }` of a success-criteria version. */
export const criteriaSetVersionScoped = scopedProcedures(
  'versionId',
  loadVersionScope('criteria_set_versions'),
);
