/**
 * Indonesian: the default language and the source of truth for keys. `en.ts` must have
 * exactly these keys (the compiler checks). `{name}` marks a parameter; `t()` requires it.
 * Keep keys grouped by area with a prefix (`common.`, `auth.`, `shell.`, `table.`, ...);
 * feature pages add their own prefix (`roster.`, `cycle.`, `rubric.`, ...).
 */
export const id = {
  // common
  'common.loading': 'Memuat…',
  'common.retry': 'Coba lagi',
  'common.save': 'Simpan',
  'common.cancel': 'Batal',
  'common.back': 'Kembali',
  'common.close': 'Tutup',
  'common.empty': 'Belum ada data.',
  'common.errorTitle': 'Terjadi masalah',
  'common.requestId': 'Kode permintaan: {id}',
  'common.required': 'wajib',
  'common.notAvailable': '–',
  'common.todoTitle': 'Segera hadir',
  'common.todoBody':
    'Bagian "{feature}" sedang dibangun. Halaman ini akan berisi data sungguhan setelah layanannya tersedia.',

  // languages
  'lang.label': 'Bahasa',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  // roles and cycle statuses
  'role.admin': 'Administrator',
  'role.supervisor': 'Pengawas sekolah',
  'role.principal': 'Kepala sekolah',
  'status.draft': 'Draf',
  'status.submitted': 'Diajukan',
  'status.returned': 'Dikembalikan',
  'status.approved': 'Disetujui',

  // app shell
  'shell.product': 'Siklus',
  'shell.tagline': 'Supervisi Penelitian Tindakan Sekolah',
  'shell.signOut': 'Keluar',
  'shell.signingOut': 'Keluar…',
  'shell.mainNav': 'Navigasi utama',
  'shell.skipToContent': 'Langsung ke konten',
  'shell.userMenu': 'Akun',
  'shell.district': 'Kabupaten {name}',

  // authentication
  'auth.title': 'Masuk ke Siklus',
  'auth.subtitle': 'Gunakan akun yang diberikan dinas pendidikan kabupaten Anda.',
  'auth.login': 'Nama pengguna atau email',
  'auth.password': 'Kata sandi',
  'auth.submit': 'Masuk',
  'auth.submitting': 'Memeriksa…',
  'auth.loginRequired': 'Isi nama pengguna atau email.',
  'auth.passwordRequired': 'Isi kata sandi.',
  'auth.checking': 'Memeriksa sesi Anda…',
  'auth.forbiddenTitle': 'Tidak ada akses',
  'auth.forbiddenBody': 'Halaman ini hanya untuk: {roles}. Anda masuk sebagai {role}.',
  'auth.switchAccount': 'Masuk dengan akun lain',

  // tables
  'table.sortAscending': 'Urutkan naik',
  'table.sortDescending': 'Urutkan turun',
  'table.filter': 'Saring {column}',
  'table.filterAll': 'Semua',
  'table.rowsPerPage': 'Baris per halaman',
  'table.range': '{from}–{to} dari {total}',
  'table.previous': 'Sebelumnya',
  'table.next': 'Berikutnya',
  'table.page': 'Halaman {page} dari {pages}',
  'table.noRows': 'Tidak ada baris yang cocok.',

  // charts
  'chart.mean': 'Rata-rata',
  'chart.noData': 'Belum ada data untuk grafik ini.',
} as const;

export type Dictionary = typeof id;
export type MessageKey = keyof Dictionary;
