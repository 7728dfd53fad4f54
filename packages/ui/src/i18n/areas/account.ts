/**
 * Strings of one area: the account page, the forced password change, "Lupa kata sandi?"
 * and notifications (prefixes account., password., forgot., notif.). Indonesian is the
 * source of keys; English must have exactly the same keys. What a notification says is
 * the domain's `describeNotification` (the e-mail says the same).
 */
export const accountId = {
  'account.nav': 'Akun',
  'account.title': 'Akun saya',
  'account.description': 'Nama, email, bahasa dan pemberitahuan Anda, dan kata sandi Anda.',
  'account.profile': 'Profil',
  'account.fullName': 'Nama lengkap',
  'account.email': 'Email',
  'account.emailHint': 'Untuk pemberitahuan lewat email. Kosongkan bila tidak ada.',
  'account.language': 'Bahasa (juga untuk email)',
  'account.notifications': 'Pemberitahuan lewat email',
  'account.notificationsHint':
    'Pemberitahuan di aplikasi (lonceng) selalu aktif. Ringkasan harian dikirim pukul 07.00 waktu kabupaten Anda.',
  'account.pref.immediate': 'Segera, satu email per pemberitahuan',
  'account.pref.daily': 'Ringkasan harian',
  'account.pref.off': 'Tidak ada email',
  'account.saved': 'Tersimpan.',
  'account.username': 'Nama pengguna: {username}',
  'password.title': 'Ganti kata sandi',
  'password.description':
    'Kata sandi baru minimal {min} karakter. Sesi Anda di perangkat lain akan diakhiri.',
  'password.current': 'Kata sandi saat ini',
  'password.new': 'Kata sandi baru',
  'password.confirm': 'Ulangi kata sandi baru',
  'password.mismatch': 'Kedua kata sandi baru tidak sama.',
  'password.submit': 'Ganti kata sandi',
  'password.changed': 'Kata sandi diganti. {count} sesi lain diakhiri.',
  'password.forcedTitle': 'Buat kata sandi Anda sendiri',
  'password.forcedBody':
    'Kata sandi Anda diatur oleh admin. Sebelum melanjutkan, ganti dengan kata sandi yang hanya Anda ketahui.',
  'forgot.link': 'Lupa kata sandi?',
  'forgot.title': 'Lupa kata sandi',
  'forgot.body':
    'Kata sandi diatur ulang oleh admin dinas pendidikan kabupaten Anda. Tulis nama pengguna atau email Anda agar admin diberi tahu.',
  'forgot.submit': 'Beri tahu admin saya',
  'forgot.answer':
    'Hubungi admin kabupaten Anda. Bila nama pengguna itu terdaftar, admin kabupatennya sudah menerima pemberitahuan.',
  'forgot.noAdmins': 'Belum ada admin yang terdaftar.',
  'notif.bell': 'Pemberitahuan',
  'notif.bellUnread': 'Pemberitahuan, {count} belum dibaca',
  'notif.title': 'Pemberitahuan',
  'notif.description': 'Hal yang menunggu Anda. Klik untuk membuka siklusnya.',
  'notif.empty': 'Belum ada pemberitahuan.',
  'notif.markRead': 'Tandai dibaca',
  'notif.markAllRead': 'Tandai semua dibaca',
  'notif.unread': 'Belum dibaca',
  'notif.unreadOnly': 'Hanya yang belum dibaca',
  'notif.open': 'Buka',
  'notif.comment': 'Komentar: {comment}',
  'notif.waitDays': 'Batas tunggu tinjauan (hari)',
  'notif.waitDaysHint':
    'Siklus yang menunggu tinjauan lebih lama dari ini diberitahukan kepada pengawas.',
} as const;

export const accountEn = {
  'account.nav': 'Account',
  'account.title': 'My account',
  'account.description': 'Your name, e-mail, language and notifications, and your password.',
  'account.profile': 'Profile',
  'account.fullName': 'Full name',
  'account.email': 'E-mail',
  'account.emailHint': 'For notifications by e-mail. Leave empty if you have none.',
  'account.language': 'Language (also of e-mails)',
  'account.notifications': 'Notifications by e-mail',
  'account.notificationsHint':
    'In-app notifications (the bell) are always on. The daily summary is sent at 07:00 in your district’s time.',
  'account.pref.immediate': 'At once, one e-mail per notification',
  'account.pref.daily': 'Daily summary',
  'account.pref.off': 'No e-mail',
  'account.saved': 'Saved.',
  'account.username': 'Username: {username}',
  'password.title': 'Change password',
  'password.description':
    'The new password needs at least {min} characters. Your sessions on other devices will be ended.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Repeat the new password',
  'password.mismatch': 'The two new passwords differ.',
  'password.submit': 'Change password',
  'password.changed': 'Password changed. {count:one=# other session|other=# other sessions} ended.',
  'password.forcedTitle': 'Choose your own password',
  'password.forcedBody':
    'Your password was set by an admin. Before going on, replace it with one only you know.',
  'forgot.link': 'Forgot your password?',
  'forgot.title': 'Forgot your password',
  'forgot.body':
    'Passwords are reset by your district education office’s admin. Type your username or e-mail so the admin is told.',
  'forgot.submit': 'Tell my admin',
  'forgot.answer':
    'Contact your district’s admin. If that username exists, its district’s admins have been notified.',
  'forgot.noAdmins': 'No admin is registered yet.',
  'notif.bell': 'Notifications',
  'notif.bellUnread': 'Notifications, unread: {count}',
  'notif.title': 'Notifications',
  'notif.description': 'What waits for you. Click one to open its cycle.',
  'notif.empty': 'No notifications yet.',
  'notif.markRead': 'Mark read',
  'notif.markAllRead': 'Mark all read',
  'notif.unread': 'Unread',
  'notif.unreadOnly': 'Unread only',
  'notif.open': 'Open',
  'notif.comment': 'Comment: {comment}',
  'notif.waitDays': 'Review wait limit (days)',
  'notif.waitDaysHint': 'Cycles waiting longer than this for review are reported to supervisors.',
} satisfies Record<keyof typeof accountId, string>;
