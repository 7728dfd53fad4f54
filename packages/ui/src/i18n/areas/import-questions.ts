/**
 * Strings of what an import says it read and asks before reading (prefix io.read., issue
 * 15): the column each field came from, the percentage column to pick, close names to
 * confirm. Indonesian is the source of keys; English must have exactly the same keys.
 */
export const importQuestionsId = {
  'io.read.title': 'Kolom yang dibaca',
  'io.read.column': '{field} ← kolom {column} "{header}"',
  'io.read.picked': '(dipilih)',
  'io.read.remembered': '(pilihan sekolah ini sebelumnya)',
  'io.read.field.name': 'Nama guru',
  'io.read.field.nip': 'NIP',
  'io.read.field.percentage': 'Persentase',
  'io.read.field.indicator': 'Indikator {key}',
  'io.read.questionsTitle': 'Perlu jawaban Anda ({n})',
  'io.read.questionsHint': 'Tidak ada yang disimpan sebelum setiap pertanyaan dijawab.',
  'io.read.pickColumn': 'Kolom persentase',
  'io.read.pickPlaceholder': 'Pilih kolom…',
  'io.read.option': 'Kolom {column}: "{header}"',
  'io.read.readColumn': 'Baca kolom ini',
  'io.read.whichTeacher': 'Guru pada baris {row}',
  'io.read.notThese': 'Bukan salah satunya',
  'io.read.answer': 'Pakai jawaban ini',
  'io.read.byAnswer': 'sesuai jawaban Anda',
} as const;

export const importQuestionsEn = {
  'io.read.title': 'Columns read',
  'io.read.column': '{field} ← column {column} "{header}"',
  'io.read.picked': '(picked)',
  'io.read.remembered': "(this school's earlier choice)",
  'io.read.field.name': 'Teacher name',
  'io.read.field.nip': 'NIP',
  'io.read.field.percentage': 'Percentage',
  'io.read.field.indicator': 'Indicator {key}',
  'io.read.questionsTitle': 'Your answer is needed ({n})',
  'io.read.questionsHint': 'Nothing is saved until every question is answered.',
  'io.read.pickColumn': 'Percentage column',
  'io.read.pickPlaceholder': 'Pick a column…',
  'io.read.option': 'Column {column}: "{header}"',
  'io.read.readColumn': 'Read this column',
  'io.read.whichTeacher': 'Teacher on row {row}',
  'io.read.notThese': 'None of these',
  'io.read.answer': 'Use these answers',
  'io.read.byAnswer': 'as you answered',
} as const;
