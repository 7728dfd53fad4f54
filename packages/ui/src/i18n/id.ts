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
  // who am I
  'me.title': 'Akun Anda',
  'me.name': 'Nama',
  'me.username': 'Nama pengguna',
  'me.role': 'Peran',
  'me.school': 'Sekolah',
  'me.district': 'Kabupaten',
  'me.welcome': 'Selamat datang, {name}',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat ini tidak ada atau sudah dipindahkan.',
  'notFound.home': 'Ke beranda',

  // supervision app
  'sup.appName': 'Supervisi',
  'sup.nav.mySchool': 'Sekolah saya',
  'sup.nav.studies': 'Penelitian (PTS)',
  'sup.nav.dashboard': 'Dasbor kabupaten',
  'sup.nav.compare': 'Bandingkan',
  'sup.nav.review': 'Antrean tinjauan',
  'sup.mySchool.title': 'Sekolah saya',
  'sup.mySchool.description':
    'Daftar guru yang diobservasi dalam penelitian tindakan sekolah Anda.',
  'sup.roster.title': 'Daftar guru',
  'sup.roster.caption': 'Guru di {school}',
  'sup.roster.no': 'No.',
  'sup.roster.name': 'Nama guru',
  'sup.roster.class': 'Kelas',
  'sup.roster.nip': 'NIP',
  'sup.roster.status': 'Status',
  'sup.roster.active': 'Aktif',
  'sup.roster.inactive': 'Nonaktif',
  'sup.roster.empty': 'Belum ada guru. Tambahkan guru kelas 1 sampai 6 untuk memulai.',
  'sup.dashboard.title': 'Dasbor kabupaten',
  'sup.dashboard.description': 'Perbandingan capaian PTS seluruh sekolah di kabupaten Anda.',
  'sup.dashboard.schools': 'Sekolah',
  'sup.dashboard.schoolsHint': 'terdaftar di kabupaten',
  'sup.dashboard.comparison': 'Perbandingan sekolah',
  'sup.schools.title': 'Daftar sekolah',
  'sup.schools.caption': 'Sekolah di kabupaten',
  'sup.schools.npsn': 'NPSN',
  'sup.schools.name': 'Nama sekolah',
  'sup.schools.subdistrict': 'Kecamatan',
  'sup.schools.teachers': 'Guru',
  'sup.schools.search': 'Cari NPSN atau nama sekolah',
  'sup.schools.empty': 'Tidak ada sekolah yang cocok.',
  'sup.studies.title': 'Penelitian tindakan sekolah',
  'sup.compare.title': 'Bandingkan sekolah',
  'sup.review.title': 'Antrean tinjauan',
  'sup.school.title': 'Detail sekolah',
  'sup.study.title': 'Detail penelitian',
  'sup.cycle.title': 'Siklus',
  'sup.adminHere.title': 'Aplikasi ini untuk pengawas dan kepala sekolah',
  'sup.adminHere.body':
    'Anda masuk sebagai administrator. Pengaturan rubrik, kriteria, sekolah dan pengguna ada di aplikasi administrasi.',
  'sup.adminHere.link': 'Buka aplikasi administrasi',

  // admin app
  'adm.appName': 'Administrasi',
  'adm.onlyAdmins.title': 'Hanya untuk administrator',
  'adm.onlyAdmins.body':
    'Aplikasi administrasi hanya dapat dibuka oleh administrator dinas pendidikan. Anda masuk sebagai {role}.',
  'adm.onlyAdmins.link': 'Buka aplikasi supervisi',
  'adm.nav.home': 'Beranda',
  'adm.home.title': 'Administrasi kabupaten',
  'adm.home.description': 'Atur instrumen, kriteria penilaian, sekolah dan pengguna di {district}.',
  'adm.section.rubrics': 'Rubrik',
  'adm.section.rubrics.body':
    'Lembar observasi: aspek, indikator, skala dan versi yang diterbitkan.',
  'adm.section.bands': 'Kriteria/Band',
  'adm.section.bands.body':
    'Batas bawah Kurang, Cukup, Baik, Sangat Baik, dengan pratinjau dampak.',
  'adm.section.criteria': 'Kriteria keberhasilan',
  'adm.section.criteria.body':
    'Syarat tuntasnya PTS: rata-rata minimal dan persentase guru per band.',
  'adm.section.schools': 'Sekolah',
  'adm.section.schools.body': 'Tambah, ubah dan nonaktifkan sekolah; impor dari CSV.',
  'adm.section.users': 'Pengguna',
  'adm.section.users.body': 'Akun pengawas, kepala sekolah dan administrator beserta perannya.',
  'adm.section.audit': 'Log audit',
  'adm.section.audit.body': 'Siapa mengubah apa dan kapan, dapat disaring.',
  'adm.users.caption': 'Pengguna di kabupaten',
  'adm.users.username': 'Nama pengguna',
  'adm.users.fullName': 'Nama lengkap',
  'adm.users.role': 'Peran',
  'adm.users.school': 'Sekolah',
  'adm.users.active': 'Status',
  'adm.users.search': 'Cari nama, nama pengguna atau email',
  'adm.audit.caption': 'Catatan audit, terbaru dahulu',
  'adm.audit.when': 'Waktu',
  'adm.audit.user': 'Pengguna',
  'adm.audit.action': 'Tindakan',
  'adm.audit.entity': 'Objek',
  'adm.audit.actionFilter': 'Saring tindakan (mis. auth)',
  'adm.audit.empty': 'Belum ada catatan.',
} as const;

export type Dictionary = typeof id;
export type MessageKey = keyof Dictionary;
