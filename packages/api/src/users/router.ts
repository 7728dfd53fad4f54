import {
  deleteSessionsOfUser,
  getUserSummary,
  insertUser,
  isPgError,
  listUsers,
  setPasswordHash,
  setUserActive,
  updateUser,
} from '@siklus/db';
import {
  AppError,
  ZUserCreateInput,
  ZUserGetInput,
  ZUserListInput,
  ZUserResetPasswordInput,
  ZUserSetActiveInput,
  ZUserUpdateInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { hashPassword } from '../auth/password';
import { adminProcedure, assertInScope, loadSchoolScope, router, userScoped } from '../trpc';

function uniqueViolation(error: unknown): 'username' | 'email' | null {
  if (!isPgError(error) || error.code !== '23505') return null;
  const name = error.constraint ?? error.message ?? '';
  if (name.includes('email')) return 'email';
  return 'username';
}

function taken(field: 'username' | 'email'): AppError {
  return field === 'email'
    ? new AppError(
        'CONFLICT',
        {
          id: 'Email ini sudah dipakai akun lain.',
          en: 'This email is already used by another account.',
        },
        { field: 'email' },
      )
    : new AppError(
        'CONFLICT',
        { id: 'Nama pengguna ini sudah dipakai.', en: 'This username is already taken.' },
        { field: 'username' },
      );
}

/** Runs a write of a user, turning a clash on a unique username or email into its CONFLICT. */
async function namesTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const field = uniqueViolation(error);
    if (field) throw taken(field);
    throw error;
  }
}

function notSelf(ctxUserId: string, userId: string, what: { id: string; en: string }) {
  if (ctxUserId === userId) throw new AppError('CONFLICT', what, { field: 'userId' });
}

/** Users of the admin's district. */
export const usersRouter = router({
  /** `{ role?, schoolId?, active?, search?, limit, offset }` */
  list: adminProcedure.input(ZUserListInput).query(async ({ ctx, input }) => {
    const page = await listUsers(ctx.db, { districtId: ctx.user.districtId, ...input });
    return { ...page, limit: input.limit, offset: input.offset };
  }),

  /** `{ userId }` */
  get: userScoped.admin
    .input(ZUserGetInput)
    .query(async ({ ctx, input }) => (await getUserSummary(ctx.db, input.userId))!),

  /** `{ username, email?, fullName, role, schoolId? (principals only), password }` */
  create: adminProcedure.input(ZUserCreateInput).mutation(async ({ ctx, input }) => {
    if (input.schoolId) await assertInScope(ctx, loadSchoolScope, input.schoolId, 'schoolId');
    const passwordHash = await hashPassword(input.password);
    return namesTaken(() =>
      ctx.db.transaction().execute(async (tx) => {
        const user = await insertUser(tx, {
          districtId: ctx.user.districtId,
          schoolId: input.schoolId ?? null,
          username: input.username,
          email: input.email ?? null,
          fullName: input.fullName,
          passwordHash,
          role: input.role,
          // The admin knows this password: the user chooses their own at first sign-in.
          mustChangePassword: true,
        });
        await audit(
          ctx,
          {
            action: 'user.create',
            entity: 'user',
            entityId: user.id,
            schoolId: user.schoolId,
            after: { username: user.username, role: user.role, schoolId: user.schoolId },
          },
          tx,
        );
        return user;
      }),
    );
  }),

  /** `{ userId, fullName?, email?, role? + schoolId? }`: a role change ends their sessions. */
  update: userScoped.admin.input(ZUserUpdateInput).mutation(async ({ ctx, input }) => {
    const { userId, ...rest } = input;
    // A role change sets the school too: a principal's, or none for the other roles.
    const patch = rest.role === undefined ? rest : { ...rest, schoolId: rest.schoolId ?? null };
    if (patch.schoolId) await assertInScope(ctx, loadSchoolScope, patch.schoolId, 'schoolId');
    if (patch.role !== undefined && patch.role !== 'admin') {
      notSelf(ctx.user.id, userId, {
        id: 'Anda tidak dapat menurunkan peran akun Anda sendiri.',
        en: 'You cannot demote your own account.',
      });
    }
    return namesTaken(() =>
      ctx.db.transaction().execute(async (tx) => {
        const before = (await getUserSummary(tx, userId))!;
        const user = (await updateUser(tx, userId, patch))!;
        const scopeChanged = before.role !== user.role || before.schoolId !== user.schoolId;
        // Someone who lost a role or a school must not keep acting with the old one.
        if (scopeChanged) await deleteSessionsOfUser(tx, userId, null);
        await audit(
          ctx,
          {
            action: scopeChanged ? 'user.change_role' : 'user.update',
            entity: 'user',
            entityId: userId,
            schoolId: user.schoolId,
            before: {
              role: before.role,
              schoolId: before.schoolId,
              fullName: before.fullName,
              email: before.email,
              nip: before.nip,
            },
            after: patch,
          },
          tx,
        );
        return user;
      }),
    );
  }),

  /** `{ userId, active }`: deactivating ends every session of the user at once. */
  setActive: userScoped.admin.input(ZUserSetActiveInput).mutation(async ({ ctx, input }) => {
    if (!input.active) {
      notSelf(ctx.user.id, input.userId, {
        id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
        en: 'You cannot deactivate your own account.',
      });
    }
    return ctx.db.transaction().execute(async (tx) => {
      await setUserActive(tx, input.userId, input.active);
      const ended = input.active ? 0 : await deleteSessionsOfUser(tx, input.userId, null);
      await audit(
        ctx,
        {
          action: input.active ? 'user.reactivate' : 'user.deactivate',
          entity: 'user',
          entityId: input.userId,
          after: { endedSessions: ended },
        },
        tx,
      );
      return (await getUserSummary(tx, input.userId))!;
    });
  }),

  /**
   * `{ userId, newPassword }`: sets a password the user must be told; ends their sessions,
   * and the user must change it at the next sign-in before doing anything else.
   */
  resetPassword: userScoped.admin
    .input(ZUserResetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.newPassword);
      return ctx.db.transaction().execute(async (tx) => {
        // Someone else's password, now known to the admin: it must be changed at the next
        // sign-in (decision 019). An admin resetting their own keeps it.
        const forced = input.userId !== ctx.user.id;
        await setPasswordHash(tx, input.userId, passwordHash, ctx.now(), forced);
        const ended = await deleteSessionsOfUser(
          tx,
          input.userId,
          input.userId === ctx.user.id ? ctx.user.sessionId : null,
        );
        await audit(
          ctx,
          {
            action: 'user.reset_password',
            entity: 'user',
            entityId: input.userId,
            after: { endedSessions: ended, mustChangePassword: forced },
          },
          tx,
        );
        return { ok: true as const, endedSessions: ended };
      });
    }),
});
