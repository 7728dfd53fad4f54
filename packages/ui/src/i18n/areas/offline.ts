/**
 * Strings of working without a connection (prefix offline.; decision 024).
 * Indonesian is the source of keys; English has exactly the same keys.
 */
export const offlineId = {
  'offline.banner':
    'Luring sejak {since}. Simpanan disimpan di perangkat ini dan dikirim saat tersambung lagi.',
  'offline.onlineOnly': 'Hanya dapat dilakukan saat daring (tersambung ke internet).',
  'offline.outbox.title': 'Belum terkirim',
  'offline.outbox.description': 'Disimpan di perangkat ini; dikirim sendiri saat tersambung.',
  'offline.outbox.pending': 'belum terkirim',
  'offline.outbox.notes': 'Catatan tahapan',
  'offline.outbox.send': 'Kirim sekarang',
  'offline.queued': 'Observasi {name} disimpan di perangkat ({percent}, {band}), belum terkirim.',
  'offline.notesQueued': 'Catatan tahapan disimpan di perangkat, belum terkirim.',
  'offline.conflict.title': 'Bentrok: {name} diubah di server sejak Anda menyimpan',
  'offline.conflict.mine': 'Versi Anda (belum terkirim)',
  'offline.conflict.theirs': 'Versi di server',
  'offline.conflict.none': 'Belum ada',
  'offline.conflict.keepMine': 'Simpan versi saya',
  'offline.conflict.keepTheirs': 'Pakai versi server',
  'offline.discard.title': 'Ada {n} perubahan belum terkirim',
  'offline.discard.body':
    'Bila Anda keluar sekarang, perubahan ini hilang: {list}. Sambungkan ke internet agar terkirim dahulu.',
  'offline.discard.confirm': 'Buang dan keluar',
} as const;

export const offlineEn = {
  'offline.banner':
    'Offline since {since}. Saves are kept on this device and sent when the connection is back.',
  'offline.onlineOnly': 'Only possible online (connected to the internet).',
  'offline.outbox.title': 'Not sent yet',
  'offline.outbox.description': 'Kept on this device; sent by itself when connected.',
  'offline.outbox.pending': 'not sent yet',
  'offline.outbox.notes': 'Stage notes',
  'offline.outbox.send': 'Send now',
  'offline.queued': "{name}'s observation is kept on the device ({percent}, {band}), not sent yet.",
  'offline.notesQueued': 'Stage notes kept on the device, not sent yet.',
  'offline.conflict.title': 'Conflict: {name} was changed on the server since you saved',
  'offline.conflict.mine': 'Your version (not sent)',
  'offline.conflict.theirs': 'Version on the server',
  'offline.conflict.none': 'None yet',
  'offline.conflict.keepMine': 'Keep my version',
  'offline.conflict.keepTheirs': 'Use the server version',
  'offline.discard.title': '{n:one=# change|other=# changes} not sent yet',
  'offline.discard.body':
    'If you sign out now, these changes are lost: {list}. Connect to the internet to send them first.',
  'offline.discard.confirm': 'Discard and sign out',
} as const;
