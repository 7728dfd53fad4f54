/**
 * Strings of closing a study ("selesai") and an admin's reopen (prefix closing.).
 * Indonesian is the source of keys; English has exactly the same keys.
 */
export const closingId = {
  'closing.closed.title': 'Penelitian selesai',
  'closing.badge': 'Selesai',
  'closing.closed.body':
    'Ditutup oleh {name} ({role}), {when}. Penelitian ini hanya dapat dibaca; hanya admin yang dapat membukanya kembali.',
  'closing.closed.unknown': 'Ditutup {when}. Penelitian ini hanya dapat dibaca.',
  'closing.verdict': 'Hasil akhir',
  'closing.verdict.met': 'Tercapai',
  'closing.verdict.notMet': 'Belum tercapai',
  'closing.history.title': 'Riwayat penelitian',
  'closing.event.close': 'Ditutup (selesai)',
  'closing.event.reopen': 'Dibuka kembali oleh admin',
  'closing.close.button': 'Tutup penelitian (selesai)',
  'closing.close.hint':
    'Penelitian dapat ditutup bila semua siklus disetujui dan satu siklus setelah Kondisi Awal mengobservasi semua guru aktif.',
  'closing.close.title': 'Tutup penelitian "{title}"?',
  'closing.close.body':
    'Hasil akhir dicatat dari siklus terakhir yang disetujui dan lengkap. Setelah ditutup, tidak ada siklus baru dan tidak ada perubahan; hanya admin yang dapat membukanya kembali dengan alasan.',
  'closing.close.confirm': 'Tutup penelitian',
  'closing.reopen.button': 'Buka kembali penelitian',
  'closing.reopen.title': 'Buka kembali penelitian "{title}"?',
  'closing.reopen.body':
    'Kepala sekolah dapat lagi membuka siklus dan mengubah data. Alasan Anda dicatat di riwayat penelitian.',
  'closing.reopen.reason': 'Alasan membuka kembali',
  'closing.reopen.confirm': 'Buka kembali',
  'closing.reopen.done': 'Penelitian "{title}" dibuka kembali.',
  'closing.cycle.readOnly':
    'Penelitian ini sudah selesai (ditutup); siklusnya hanya dapat dibaca sampai admin membukanya kembali.',
} as const;

export const closingEn = {
  'closing.closed.title': 'Study finished',
  'closing.badge': 'Finished',
  'closing.closed.body':
    'Closed by {name} ({role}), {when}. This study is read-only; only an admin can reopen it.',
  'closing.closed.unknown': 'Closed {when}. This study is read-only.',
  'closing.verdict': 'Final result',
  'closing.verdict.met': 'Met',
  'closing.verdict.notMet': 'Not met',
  'closing.history.title': 'Study history',
  'closing.event.close': 'Closed (finished)',
  'closing.event.reopen': 'Reopened by an admin',
  'closing.close.button': 'Close the study (finished)',
  'closing.close.hint':
    'A study can be closed once every cycle is approved and one cycle after the baseline observed every active teacher.',
  'closing.close.title': 'Close the study "{title}"?',
  'closing.close.body':
    'The final result is recorded from the last approved, complete cycle. Once closed, no new cycle and no change; only an admin can reopen it, with a reason.',
  'closing.close.confirm': 'Close the study',
  'closing.reopen.button': 'Reopen the study',
  'closing.reopen.title': 'Reopen the study "{title}"?',
  'closing.reopen.body':
    'The principal can again open cycles and change data. Your reason is kept in the study’s history.',
  'closing.reopen.reason': 'Reason to reopen',
  'closing.reopen.confirm': 'Reopen',
  'closing.reopen.done': 'The study "{title}" was reopened.',
  'closing.cycle.readOnly':
    'This study is finished (closed); its cycles are read-only until an admin reopens it.',
} satisfies Record<keyof typeof closingId, string>;
