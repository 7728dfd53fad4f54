import { getAccount, isPgError, updateAccount } from '@siklus/db';
import { AppError, ZAccountUpdateInput } from '@siklus/domain';
import { audit } from '../audit/record';
import { authedProcedure, router } from '../trpc';

/** The signed-in user's own account (decision 019). The password: `auth.changePassword`. */
export const accountRouter = router({
  /** Name, username, e-mail, language and e-mail notifications. */
  get: authedProcedure.query(async ({ ctx }) => (await getAccount(ctx.db, ctx.user.id))!),

  /** `{ fullName, email, language, emailNotifications }`: audited with before and after. */
  update: authedProcedure.input(ZAccountUpdateInput).mutation(async ({ ctx, input }) => {
    const user = ctx.user;
    try {
      return await ctx.db.transaction().execute(async (tx) => {
        const before = (await getAccount(tx, user.id))!;
        await updateAccount(tx, user.id, input);
        await audit(
          ctx,
          {
            action: 'account.update',
            entity: 'user',
            entityId: user.id,
            schoolId: user.schoolId,
            before: {
              fullName: before.fullName,
              email: before.email,
              language: before.language,
              emailNotifications: before.emailNotifications,
              nip: before.nip,
            },
            after: input,
          },
          tx,
        );
        return (await getAccount(tx, user.id))!;
      });
    } catch (error) {
      if (isPgError(error) && error.code === '23505') {
        throw new AppError(
          'CONFLICT',
          {
            id: 'Email ini sudah dipakai akun lain.',
            en: 'This email is already used by another account.',
          },
          { field: 'email' },
        );
      }
      throw error;
    }
  }),
});
