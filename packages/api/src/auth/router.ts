import {
  deleteSession,
  deleteSessionsOfUser,
  districtAdminContacts,
  districtAdminIds,
  enqueueNotification,
  findUserForLogin,
  getMe,
  getPasswordHash,
  setPasswordHash,
} from '@siklus/db';
import { AppError, ZChangePasswordInput, ZLoginInput, ZPasswordHelpInput } from '@siklus/domain';
import { audit } from '../audit/record';
import { authedProcedure, publicProcedure, router } from '../trpc';
import { hashPassword, verifyPassword } from './password';
import { clearSessionCookie, startSession } from './session';
import { attemptSucceeded, reserveAttempt } from './throttle';

const BAD_CREDENTIALS = {
  id: 'Nama pengguna/email atau kata sandi salah.',
  en: 'Wrong username/email or password.',
};

export const authRouter = router({
  /** `{ login, password }`: username or email. Sets the session cookie. */
  login: publicProcedure.input(ZLoginInput).mutation(async ({ ctx, input }) => {
    const user = await findUserForLogin(ctx.db, input.login);
    // The attempt is counted before the password is checked (throttle.ts), on the account
    // whatever it was called by (username or email).
    const attempt = await reserveAttempt(ctx, user ? { userId: user.id } : { login: input.login });
    // Verify even when the user is unknown or inactive: the answer takes the same time.
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok || !user.active) {
      await audit(ctx, {
        action: 'auth.login_failed',
        userId: user?.id ?? null,
        districtId: user?.districtId ?? null,
        entity: 'user',
        entityId: user?.id ?? null,
        after: {
          login: input.login.slice(0, 100),
          reason: !user ? 'unknown' : !ok ? 'password' : 'inactive',
        },
      });
      // A deactivated account gets the same answer whether the password was right or not:
      // anything else would confirm a guessed password (issue 13).
      throw new AppError('UNAUTHORIZED', BAD_CREDENTIALS);
    }
    await attemptSucceeded(ctx, attempt);
    await startSession(ctx, user.id);
    await audit(ctx, {
      action: 'auth.login',
      userId: user.id,
      districtId: user.districtId,
      schoolId: user.schoolId,
      entity: 'user',
      entityId: user.id,
    });
    return getMe(ctx.db, user.id);
  }),

  /** Ends this session on the server and clears the cookie. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.user?.sessionId) {
      await deleteSession(ctx.db, ctx.user.sessionId);
      await audit(ctx, { action: 'auth.logout', entity: 'user', entityId: ctx.user.id });
    }
    clearSessionCookie(ctx);
    return { ok: true as const };
  }),

  /** The signed-in user, or null. */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return null;
    // Read with the session (one query per request); a caller built without one asks.
    return ctx.user.me ?? (await getMe(ctx.db, ctx.user.id)) ?? null;
  }),

  /** `{ currentPassword, newPassword }`: ends every other session of the user. */
  changePassword: authedProcedure.input(ZChangePasswordInput).mutation(async ({ ctx, input }) => {
    const current = await getPasswordHash(ctx.db, ctx.user.id);
    if (!(await verifyPassword(current, input.currentPassword))) {
      await audit(ctx, {
        action: 'auth.password_change_failed',
        entity: 'user',
        entityId: ctx.user.id,
      });
      throw new AppError(
        'BAD_REQUEST',
        { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
        { field: 'currentPassword' },
      );
    }
    if (input.newPassword === input.currentPassword) {
      throw new AppError(
        'BAD_REQUEST',
        {
          id: 'Kata sandi baru harus berbeda dari yang lama.',
          en: 'The new password must differ from the old one.',
        },
        { field: 'newPassword' },
      );
    }
    const passwordHash = await hashPassword(input.newPassword);
    const user = ctx.user;
    // The new hash, the other sessions ended and the audit row: together or not at all.
    // Setting it clears a forced change (an admin's password is replaced by the user's own).
    const ended = await ctx.db.transaction().execute(async (tx) => {
      await setPasswordHash(tx, user.id, passwordHash, ctx.now(), false);
      const n = await deleteSessionsOfUser(tx, user.id, user.sessionId);
      await audit(
        ctx,
        {
          action: 'auth.password_changed',
          entity: 'user',
          entityId: user.id,
          after: { endedSessions: n, wasForced: user.mustChangePassword ?? false },
        },
        tx,
      );
      return n;
    });
    return { ok: true as const, endedSessions: ended };
  }),

  /**
   * "Lupa kata sandi?" (`{ login }`, public): whom to ask. The answer is the same whatever
   * was typed (every district's admins), so it never tells a stranger whether an account
   * exists; when the login names an active account, that district's admins are notified
   * (at most once an hour per account) so they can reset it. Decision 019.
   */
  passwordHelp: publicProcedure.input(ZPasswordHelpInput).mutation(async ({ ctx, input }) => {
    const user = await findUserForLogin(ctx.db, input.login);
    if (user?.active) {
      const hour = Math.floor(ctx.now().getTime() / 3_600_000);
      await ctx.db.transaction().execute(async (tx) => {
        await enqueueNotification(tx, {
          districtId: user.districtId,
          kind: 'password_help',
          recipients: await districtAdminIds(tx, user.districtId),
          actorId: user.id,
          params: { username: user.username },
          dedupeKey: `password_help:${user.id}:${hour}`,
        });
      });
    }
    await audit(ctx, {
      action: 'auth.password_help',
      userId: user?.id ?? null,
      districtId: user?.districtId ?? null,
      entity: 'user',
      entityId: user?.id ?? null,
      after: { login: input.login.slice(0, 100), known: Boolean(user?.active) },
    });
    return { districts: await districtAdminContacts(ctx.db) };
  }),
});
