/**
 * Strings of several instruments per study (issue 16, decision 022; prefix instruments.):
 * the study form's instrument picker, the cycle page's instrument tabs and the
 * per-instrument results tables. `id.ts` and `en.ts` spread them.
 */
export const instrumentsId = {
  'instruments.primaryKey': 'Kunci instrumen utama',
  'instruments.primaryKeyHint':
    'Instrumen utama adalah rubrik dan kategori di atas; dasbor pengawas mengurutkan menurut instrumen ini. Mis. pelaksanaan.',
  'instruments.more': 'Instrumen lain',
  'instruments.moreHint':
    'Mis. RPP atau modul ajar, dinilai dengan lembar dan kategorinya sendiri. Kriteria dapat menyebut instrumen dengan kuncinya.',
  'instruments.add': 'Tambah instrumen',
  'instruments.remove': 'Hapus instrumen {n}',
  'instruments.key': 'Kunci instrumen {n}',
  'instruments.rubric': 'Rubrik instrumen {n}',
  'instruments.bandSet': 'Kategori instrumen {n}',
  'instruments.tabs': 'Instrumen siklus ini',
  'instruments.primary': 'utama',
  'instruments.summary':
    '{key}: {n} guru dinilai, rata-rata {mean}{scale}; {missing} guru aktif belum dinilai.',
  'instruments.scaleMean': ' (rata-rata {value} dari {max})',
  'instruments.noMean': 'belum ada',
  'instruments.results': 'Hasil per instrumen',
  'instruments.table': 'Instrumen {key}: {name} versi {version}',
  'instruments.teacher': 'Guru',
  'instruments.meanRow': 'Rata-rata',
  'instruments.overall': 'Peningkatan {from} ke {to}: {points} poin ({relative})',
  'instruments.relative': 'peningkatan relatif {value}%',
  'instruments.relativeNone': 'peningkatan relatif tidak terdefinisi',
  'instruments.titled': '{title}: instrumen {key}',
  'instruments.importPick': 'Instrumen lembar ini',
  'instruments.importPickHint':
    'Templat dan berkas dinilai dengan rubrik dan kategori instrumen yang dipilih; lembar instrumen lain tidak berubah.',
  'instruments.importScored': 'Dinilai dengan instrumen {key}.',
} as const;

export const instrumentsEn = {
  'instruments.primaryKey': 'Primary instrument key',
  'instruments.primaryKeyHint':
    "The primary instrument is the rubric and band set above; the supervisors' dashboard ranks by it. E.g. pelaksanaan.",
  'instruments.more': 'Other instruments',
  'instruments.moreHint':
    'E.g. the lesson plan (RPP), scored on its own sheet with its own bands. Criteria may name an instrument by its key.',
  'instruments.add': 'Add an instrument',
  'instruments.remove': 'Remove instrument {n}',
  'instruments.key': 'Key of instrument {n}',
  'instruments.rubric': 'Rubric of instrument {n}',
  'instruments.bandSet': 'Band set of instrument {n}',
  'instruments.tabs': "This cycle's instruments",
  'instruments.primary': 'primary',
  'instruments.summary':
    '{key}: {n:one=# teacher|other=# teachers} scored, mean {mean}{scale}; {missing:one=# active teacher|other=# active teachers} not scored yet.',
  'instruments.scaleMean': ' (mean {value} of {max})',
  'instruments.noMean': 'none yet',
  'instruments.results': 'Results per instrument',
  'instruments.table': 'Instrument {key}: {name} version {version}',
  'instruments.teacher': 'Teacher',
  'instruments.meanRow': 'Mean',
  'instruments.overall': 'Gain {from} to {to}: {points} points ({relative})',
  'instruments.relative': 'relative gain {value}%',
  'instruments.relativeNone': 'relative gain undefined',
  'instruments.titled': '{title}: instrument {key}',
  'instruments.importPick': 'The instrument of this sheet',
  'instruments.importPickHint':
    "The template and the file are scored with the chosen instrument's rubric and bands; the other instruments' sheets stay as they are.",
  'instruments.importScored': 'Scored with instrument {key}.',
} as const;
