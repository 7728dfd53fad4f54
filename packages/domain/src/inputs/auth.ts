import { z } from 'zod';
import { zText } from './text';

/** Sign-in and password inputs, shared by the sign-in form and the auth procedures. */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const ZPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const ZLoginInput = z
  .object({
    /** Username or email. */
    login: zText(
      { id: 'Nama pengguna atau email', en: 'The username or email' },
      {
        max: 254,
        required: true,
      },
    ),
    password: z.string().min(1).max(PASSWORD_MAX),
  })
  .strict();
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX),
    newPassword: ZPassword,
  })
  .strict();
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
