import { z } from 'zod';
import { EMAIL_NOTIFICATION_PREFS, LANGS } from '../notifications';
import { ZEmail, ZFullName, ZNip } from './directory';
import { zText } from './text';

// Kept here, not beside the words in notifications.ts, so the bell's words stay zod-free.
export const ZLang = z.enum(LANGS);
export const ZEmailNotifications = z.enum(EMAIL_NOTIFICATION_PREFS);

/** A user's own account: name, e-mail, language and e-mail notifications (decision 019). */
export const ZAccountUpdateInput = z
  .object({
    fullName: ZFullName,
    email: ZEmail.nullable(),
    language: ZLang,
    emailNotifications: ZEmailNotifications,
    /** Optional: left as it is when not sent. */
    nip: ZNip.optional(),
  })
  .strict();
export type TAccountUpdateInput = z.infer<typeof ZAccountUpdateInput>;

/** "Lupa kata sandi?": the username or e-mail the person typed. */
export const ZPasswordHelpInput = z
  .object({
    login: zText(
      { id: 'Nama pengguna atau email', en: 'The username or email' },
      {
        max: 254,
        required: true,
      },
    ),
  })
  .strict();
export type TPasswordHelpInput = z.infer<typeof ZPasswordHelpInput>;

export const ZNotificationListInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(30),
    unreadOnly: z.boolean().default(false),
  })
  .strict();
export type TNotificationListInput = z.input<typeof ZNotificationListInput>;

export const ZNotificationMarkReadInput = z
  .object({ notificationIds: z.array(z.uuid()).min(1).max(100) })
  .strict();
export type TNotificationMarkReadInput = z.infer<typeof ZNotificationMarkReadInput>;

export const ZReviewWaitDaysInput = z.object({ days: z.number().int().min(1).max(365) }).strict();
export type TReviewWaitDaysInput = z.infer<typeof ZReviewWaitDaysInput>;
