/**
 * Strings of one area: imports, exports and the printable results chapter (prefix io.).
 * Kept in its own file so areas can grow in parallel; `id.ts` and `en.ts` spread them.
 * Indonesian is the source of keys (`as const` keeps the `{param}` types); English must
 * have exactly the same keys.
 */
export const ioId = {
  // import page
  'io.import.title': 'Impor lembar observasi',
  'io.import.description':
    'Unggah lembar observasi dari Excel (XLSX) atau CSV: satu baris per guru. Siklus mencocokkan nama atau NIP dengan daftar guru, menghitung persentase dan kategori, lalu menunjukkan setiap masalah sebelum ada yang disimpan.',
  'io.import.back': '← Kembali ke siklus',
  'io.import.template': 'Templat dari instrumen penelitian',
  'io.import.templateHint':
    'Templat berisi daftar guru dan kolom {mode}. Isi, simpan, lalu unggah di sini.',
  'io.import.modeIndicators': 'skor setiap indikator',
  'io.import.modeSummary': 'persentase',
  'io.import.templateXlsx': 'Unduh templat Excel',
  'io.import.templateCsv': 'Unduh templat CSV',
  'io.import.choose': 'Pilih berkas (XLSX atau CSV, paling besar {max} MB)',
  'io.import.tooLarge': 'Berkas {name} terlalu besar ({size} MB); paling besar {max} MB.',
  'io.import.wrongType':
    'Pilih berkas .xlsx atau .csv (berkas .xls lama: simpan ulang sebagai .xlsx).',
  'io.import.reading': 'Membaca berkas… {percent}%',
  'io.import.checking': 'Memeriksa {name} di server…',
  'io.import.saving': 'Menyimpan {n} observasi…',
  'io.import.previewTitle': 'Pratinjau: {name}',
  'io.import.previewSheet': 'Lembar “{sheet}”, baris judul ke-{row}.',
  'io.import.summary':
    '{ready} dari {rows} baris guru siap disimpan · rata-rata baris yang siap {mean} ({band})',
  'io.import.problemsTitle': '{n} masalah harus diperbaiki',
  'io.import.problemsMore': 'Ditampilkan {shown} dari {n} masalah.',
  'io.import.noProblems': 'Tidak ada masalah. Semua baris siap disimpan.',
  'io.import.whole': 'Berkas',
  'io.import.rowCol': 'Baris {row}, kolom {column}',
  'io.import.row': 'Baris {row}',
  'io.import.colRow': 'Baris',
  'io.import.colName': 'Nama di berkas',
  'io.import.colTeacher': 'Guru di daftar',
  'io.import.colPercentage': 'Persentase',
  'io.import.colBand': 'Kategori',
  'io.import.unmatched': 'Tidak ditemukan',
  'io.import.byNip': 'cocok dengan NIP',
  'io.import.notInFile':
    '{n} guru aktif tidak ada dalam berkas; observasi mereka pada siklus ini tidak diubah: {names}.',
  'io.import.notEditable':
    'Siklus ini berstatus {status} dan tidak dapat diubah; impor hanya untuk siklus draf atau dikembalikan.',
  'io.import.confirm': 'Simpan {n} observasi',
  'io.import.confirmNotYet': 'Belum dapat disimpan',
  'io.import.confirmBlocked': 'Perbaiki semua masalah di berkas, lalu unggah lagi untuk menyimpan.',
  'io.import.another': 'Pilih berkas lain',
  'io.import.done': '{n} observasi tersimpan.',
  // report page
  'io.report.title': 'Bab IV: hasil penelitian',
  'io.report.description':
    'Tabel, grafik, kriteria keberhasilan dan catatan tahapan, siap dicetak atau disimpan sebagai PDF.',
  'io.report.back': '← Kembali ke penelitian',
  'io.report.print': 'Cetak / simpan PDF',
  'io.report.docx': 'Unduh Word (DOCX)',
  'io.report.recapXlsx': 'Unduh rekap Excel',
  'io.report.recapCsv': 'Unduh rekap CSV',
  'io.report.empty': 'Belum ada siklus dengan data observasi.',
  'io.report.stagesTitle': 'Catatan tahapan setiap siklus',
  'io.report.noNotes': 'Belum ada catatan.',
  'io.report.review': 'Umpan balik pengawas',
  'io.report.criteriaTitle': 'Kriteria keberhasilan',
  'io.report.met': 'Tercapai',
  'io.report.notMet': 'Belum tercapai',
  'io.report.chartMean': 'Rata-rata',
  'io.report.tableDownloads': 'Unduh tabel ini',
} as const;

export const ioEn = {
  'io.import.title': 'Import an observation sheet',
  'io.import.description':
    'Upload an observation sheet from Excel (XLSX) or CSV: one row per teacher. Siklus matches names or NIPs to the roster, computes each percentage and band, and shows every problem before anything is saved.',
  'io.import.back': '← Back to the cycle',
  'io.import.template': 'A template from the study’s rubric',
  'io.import.templateHint':
    'The template lists the teachers with columns for {mode}. Fill it in, save it, and upload it here.',
  'io.import.modeIndicators': 'each indicator’s score',
  'io.import.modeSummary': 'the percentage',
  'io.import.templateXlsx': 'Download the Excel template',
  'io.import.templateCsv': 'Download the CSV template',
  'io.import.choose': 'Choose a file (XLSX or CSV, at most {max} MB)',
  'io.import.tooLarge': '{name} is too large ({size} MB); at most {max} MB.',
  'io.import.wrongType': 'Choose an .xlsx or .csv file (an old .xls file: save it again as .xlsx).',
  'io.import.reading': 'Reading the file… {percent}%',
  'io.import.checking': 'Checking {name} on the server…',
  'io.import.saving': 'Saving {n:one=# observation|other=# observations}…',
  'io.import.previewTitle': 'Preview: {name}',
  'io.import.previewSheet': 'Sheet “{sheet}”, header on row {row}.',
  'io.import.summary':
    '{ready} of {rows:one=# teacher row|other=# teacher rows} ready to save · mean of the ready rows {mean} ({band})',
  'io.import.problemsTitle': '{n:one=# problem|other=# problems} to fix',
  'io.import.problemsMore': 'Showing {shown} of {n:one=# problem|other=# problems}.',
  'io.import.noProblems': 'No problems. Every row is ready to save.',
  'io.import.whole': 'File',
  'io.import.rowCol': 'Row {row}, column {column}',
  'io.import.row': 'Row {row}',
  'io.import.colRow': 'Row',
  'io.import.colName': 'Name in the file',
  'io.import.colTeacher': 'Teacher on the roster',
  'io.import.colPercentage': 'Percentage',
  'io.import.colBand': 'Band',
  'io.import.unmatched': 'Not found',
  'io.import.byNip': 'matched by NIP',
  'io.import.notInFile':
    '{n:one=# active teacher is not in the file; their observation in this cycle stays as it is|other=# active teachers are not in the file; their observations in this cycle stay as they are}: {names}.',
  'io.import.notEditable':
    'This cycle is {status} and cannot be changed; imports go into a draft or returned cycle only.',
  'io.import.confirm': 'Save {n:one=# observation|other=# observations}',
  'io.import.confirmNotYet': 'Cannot be saved yet',
  'io.import.confirmBlocked': 'Fix every problem in the file, then upload it again to save.',
  'io.import.another': 'Choose another file',
  'io.import.done': '{n:one=# observation|other=# observations} saved.',
  'io.report.title': 'Chapter IV: results',
  'io.report.description':
    'Tables, chart, success criteria and stage notes, ready to print or save as PDF.',
  'io.report.back': '← Back to the study',
  'io.report.print': 'Print / save as PDF',
  'io.report.docx': 'Download Word (DOCX)',
  'io.report.recapXlsx': 'Download the Excel recap',
  'io.report.recapCsv': 'Download the CSV recap',
  'io.report.empty': 'No cycle has observations yet.',
  'io.report.stagesTitle': 'Stage notes of each cycle',
  'io.report.noNotes': 'No notes yet.',
  'io.report.review': 'Supervisor’s feedback',
  'io.report.criteriaTitle': 'Success criteria',
  'io.report.met': 'Met',
  'io.report.notMet': 'Not met',
  'io.report.chartMean': 'Mean',
  'io.report.tableDownloads': 'Download this table',
} satisfies Record<keyof typeof ioId, string>;
