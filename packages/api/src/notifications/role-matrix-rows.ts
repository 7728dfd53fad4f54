import { smallPng } from '../attachments/fixtures';
import { EXPECT, type MatrixRow } from '../testing/matrix';

/**
 * The account and notification procedures' rows of the role matrix (spread into MATRIX in
 * role-matrix.test.ts). All act on the caller's own account, so every signed-in role may
 * call them; who sees whose rows is tested in notifications.test.ts.
 */
export const ACCOUNT_MATRIX_ROWS: Record<string, MatrixRow> = {
  'auth.passwordHelp': {
    input: (w) => ({ login: w.users.principalOwn.username }),
    expect: EXPECT.public,
  },
  'account.get': { input: () => undefined, expect: EXPECT.authed },
  'account.update': {
    input: (_w, actor) => ({
      fullName: `Nama ${actor}`,
      email: null,
      language: 'id',
      emailNotifications: 'daily',
    }),
    expect: EXPECT.authed,
  },
  'notifications.list': { input: () => ({}), expect: EXPECT.authed },
  'notifications.unreadCount': { input: () => undefined, expect: EXPECT.authed },
  'notifications.markRead': {
    input: () => ({ notificationIds: ['00000000-0000-4000-8000-000000000000'] }),
    expect: EXPECT.authed,
  },
  'notifications.markAllRead': { input: () => undefined, expect: EXPECT.authed },
  'district.setReviewWaitDays': { input: () => ({ days: 7 }), expect: EXPECT.admin },
  // The letterhead (issue 20): everyone reads their own district's; only its admin sets it.
  'district.letterhead': { input: () => undefined, expect: EXPECT.authed },
  'district.setLetterhead': {
    input: () => ({
      office: 'PEMERINTAH KABUPATEN UJI\nDINAS PENDIDIKAN',
      address: 'Jl. Uji No. 1',
      phone: null,
      email: null,
      website: null,
      place: 'Uji',
    }),
    expect: EXPECT.admin,
  },
  'district.setLogo': {
    input: async () => ({
      fileName: 'logo.png',
      contentBase64: (await smallPng()).toString('base64'),
    }),
    expect: EXPECT.admin,
  },
  'district.removeLogo': { input: () => undefined, expect: EXPECT.admin },
};
