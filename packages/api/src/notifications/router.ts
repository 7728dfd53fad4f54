import { countUnreadNotifications, listNotifications, markNotificationsRead } from '@siklus/db';
import { ZNotificationListInput, ZNotificationMarkReadInput } from '@siklus/domain';
import { authedProcedure, router } from '../trpc';

/**
 * The signed-in user's own notifications (decision 019). Every query is keyed by the
 * session's user: another person's notification ids match nothing, so none can be read
 * or marked.
 */
export const notificationsRouter = router({
  /** `{ limit?, unreadOnly? }`: newest first, with what each one is about. */
  list: authedProcedure
    .input(ZNotificationListInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, { userId: ctx.user.id, ...input })),

  /** The bell's number. */
  unreadCount: authedProcedure.query(async ({ ctx }) => ({
    unread: await countUnreadNotifications(ctx.db, ctx.user.id),
  })),

  /** `{ notificationIds }`: marks those of them that are the user's own. */
  markRead: authedProcedure.input(ZNotificationMarkReadInput).mutation(async ({ ctx, input }) => ({
    marked: await markNotificationsRead(ctx.db, {
      userId: ctx.user.id,
      ids: input.notificationIds,
      at: ctx.now(),
    }),
  })),

  markAllRead: authedProcedure.mutation(async ({ ctx }) => ({
    marked: await markNotificationsRead(ctx.db, { userId: ctx.user.id, ids: null, at: ctx.now() }),
  })),
});
