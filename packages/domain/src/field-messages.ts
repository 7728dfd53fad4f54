import { z } from 'zod';
import type { TBilingual } from './errors';
import { bi } from './zod-error';

/**
 * The one error map of the project: every check zod makes itself (a wrong type, a number
 * too small, a text too long, an option not in the list) becomes a sentence that names the
 * field, in Indonesian and English ("Bobot harus berupa angka || Weight must be a number"),
 * instead of zod's programmer's English or a generic "Terlalu kecil (minimal 8)".
 * Messages a schema writes itself with `bi(...)` win over this map (zod asks the schema
 * first). The API installs it once (`installFieldErrorMap`, in its trpc.ts), forms pass it
 * to their resolver, and `fromZodError` falls back to it, so a field reads the same wherever
 * it is checked. Labels come from the last named segment of the issue's path.
 */

/** What a field is called on screen, by its key in the procedures' inputs. */
export const FIELD_LABELS = {
  // people and places
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  currentPassword: { id: 'Kata sandi saat ini', en: 'Current password' },
  newPassword: { id: 'Kata sandi baru', en: 'New password' },
  fullName: { id: 'Nama lengkap', en: 'Full name' },
  email: { id: 'Email', en: 'Email' },
  role: { id: 'Peran', en: 'Role' },
  name: { id: 'Nama', en: 'Name' },
  npsn: { id: 'NPSN', en: 'NPSN' },
  nip: { id: 'NIP', en: 'NIP' },
  subdistrict: { id: 'Kecamatan', en: 'Subdistrict' },
  subdistrictId: { id: 'Kecamatan', en: 'Subdistrict' },
  schoolId: { id: 'Sekolah', en: 'School' },
  schoolIds: { id: 'Sekolah', en: 'Schools' },
  schools: { id: 'Sekolah', en: 'Schools' },
  teacherId: { id: 'Guru', en: 'Teacher' },
  // instruments of a study (decision 022) and offline changes (decision 024)
  instrument: { id: 'Instrumen', en: 'Instrument' },
  instrumentKey: { id: 'Kunci instrumen', en: 'Instrument key' },
  instruments: { id: 'Instrumen', en: 'Instruments' },
  changeId: { id: 'Kode perubahan', en: 'Change id' },
  teacherIds: { id: 'Guru', en: 'Teachers' },
  userId: { id: 'Pengguna', en: 'User' },
  active: { id: 'Status aktif', en: 'Active status' },
  lang: { id: 'Bahasa', en: 'Language' },
  emailNotifications: { id: 'Notifikasi email', en: 'Email notifications' },
  timeZone: { id: 'Zona waktu', en: 'Time zone' },
  // the report's letterhead (decision 023)
  office: { id: 'Nama instansi', en: 'Office name' },
  address: { id: 'Alamat', en: 'Address' },
  phone: { id: 'Telepon', en: 'Phone' },
  website: { id: 'Situs web', en: 'Website' },
  place: { id: 'Tempat penandatanganan', en: 'Place of signing' },
  contentBase64: { id: 'Berkas', en: 'File' },
  days: { id: 'Jumlah hari', en: 'Number of days' },
  // lists
  page: { id: 'Halaman', en: 'Page' },
  pageSize: { id: 'Jumlah per halaman', en: 'Page size' },
  search: { id: 'Pencarian', en: 'Search' },
  sort: { id: 'Urutan', en: 'Sort order' },
  cursor: { id: 'Posisi daftar', en: 'List position' },
  limit: { id: 'Batas jumlah', en: 'Limit' },
  // studies and cycles
  studyId: { id: 'Studi', en: 'Study' },
  cycleId: { id: 'Siklus', en: 'Cycle' },
  version: { id: 'Versi', en: 'Version' },
  schoolYear: { id: 'Tahun ajaran', en: 'School year' },
  semester: { id: 'Semester', en: 'Semester' },
  title: { id: 'Judul', en: 'Title' },
  stage: { id: 'Tahap', en: 'Stage' },
  notes: { id: 'Catatan', en: 'Notes' },
  note: { id: 'Catatan', en: 'Note' },
  date: { id: 'Tanggal', en: 'Date' },
  kind: { id: 'Jenis', en: 'Kind' },
  scores: { id: 'Skor', en: 'Scores' },
  score: { id: 'Skor', en: 'Score' },
  comment: { id: 'Komentar', en: 'Comment' },
  reason: { id: 'Alasan', en: 'Reason' },
  // rubrics, bands, criteria
  versionId: { id: 'Versi konfigurasi', en: 'Configuration version' },
  mode: { id: 'Mode rubrik', en: 'Rubric mode' },
  aspects: { id: 'Aspek', en: 'Aspects' },
  indicators: { id: 'Indikator', en: 'Indicators' },
  key: { id: 'Kode', en: 'Key' },
  text: { id: 'Teks', en: 'Text' },
  weight: { id: 'Bobot', en: 'Weight' },
  scale: { id: 'Skala', en: 'Scale' },
  levels: { id: 'Tingkat skala', en: 'Scale levels' },
  value: { id: 'Nilai', en: 'Value' },
  label: { id: 'Label', en: 'Label' },
  min: { id: 'Skor minimal', en: 'Minimum' },
  max: { id: 'Skor maksimal', en: 'Maximum' },
  bands: { id: 'Kategori', en: 'Bands' },
  from: { id: 'Batas bawah', en: 'Lower bound' },
  letter: { id: 'Huruf predikat', en: 'Letter grade' },
  aliases: { id: 'Nama lain', en: 'Aliases' },
  criteria: { id: 'Kriteria', en: 'Criteria' },
  clauses: { id: 'Syarat', en: 'Conditions' },
  op: { id: 'Pembanding', en: 'Comparison' },
  threshold: { id: 'Ambang', en: 'Threshold' },
  band: { id: 'Kategori', en: 'Band' },
  payload: { id: 'Isi', en: 'Content' },
  descriptor: { id: 'Deskriptor', en: 'Descriptor' },
  description: { id: 'Keterangan', en: 'Description' },
  source: { id: 'Sumber', en: 'Source' },
  document: { id: 'Dokumen', en: 'Document' },
  format: { id: 'Format dokumen', en: 'Document format' },
  formatVersion: { id: 'Versi format dokumen', en: 'Document format version' },
  rubricVersionId: { id: 'Instrumen', en: 'Rubric' },
  bandSetVersionId: { id: 'Himpunan kategori', en: 'Band set' },
  criteriaSetVersionId: { id: 'Kriteria keberhasilan', en: 'Success criteria' },
  percent: { id: 'Ambang', en: 'Threshold' },
  kkm: { id: 'Ambang', en: 'Threshold' },
  mean: { id: 'Ambang', en: 'Threshold' },
  n: { id: 'Jumlah', en: 'Count' },
  met: { id: 'Status tercapai', en: 'Met status' },
  // follow-up, co-observation, integrity, closing
  followUpId: { id: 'RTL', en: 'Follow-up plan' },
  actions: { id: 'Tindakan yang disepakati', en: 'Agreed actions' },
  support: { id: 'Pendamping', en: 'Support' },
  supportTeacherId: { id: 'Guru pendamping', en: 'Supporting teacher' },
  dueOn: { id: 'Tanggal jatuh tempo', en: 'Due date' },
  indicatorKeys: { id: 'Indikator', en: 'Indicators' },
  outcome: { id: 'Hasil', en: 'Outcome' },
  coObservationId: { id: 'Observasi bersama', en: 'Co-observation' },
  secondObserverId: { id: 'Pengamat kedua', en: 'Second observer' },
  observedOn: { id: 'Tanggal', en: 'Date' },
  jumpPoints: { id: 'Ambang', en: 'Threshold' },
  minPairs: { id: 'Jumlah pasangan minimal', en: 'Minimum number of pairs' },
  signalKey: { id: 'Tanda', en: 'Signal' },
  attention: { id: 'Perlu perhatian', en: 'Needs attention' },
  includeDismissed: { id: 'Termasuk yang diabaikan', en: 'Include dismissed' },
  basis: { id: 'Dasar angka', en: 'Basis of the figures' },
  confirmClose: { id: 'Konfirmasi', en: 'Confirm' },
  focus: { id: 'Fokus penelitian', en: 'Focus' },
  gainFirst: { id: 'Cara menyajikan peningkatan', en: 'Gain convention' },
  variant: { id: 'Jenis laporan', en: 'Report kind' },
  printedBands: { id: 'Kategori tercetak', en: 'Printed bands' },
  percentage: { id: 'Persentase', en: 'Percentage' },
  ordinal: { id: 'Nomor siklus', en: 'Cycle number' },
  status: { id: 'Status', en: 'Status' },
  to: { id: 'Tujuan', en: 'Target' },
  message: { id: 'Pesan', en: 'Message' },
  id: { id: 'Teks bahasa Indonesia', en: 'Indonesian text' },
  en: { id: 'Teks bahasa Inggris', en: 'English text' },
  // files, rosters, imports, lists
  attachmentId: { id: 'Lampiran', en: 'Attachment' },
  target: { id: 'Tujuan lampiran', en: 'Attachment target' },
  fileName: { id: 'Nama berkas', en: 'File name' },
  bytes: { id: 'Isi berkas', en: 'File content' },
  className: { id: 'Kelas', en: 'Class' },
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  nuptk: { id: 'NUPTK', en: 'NUPTK' },
  login: { id: 'Nama pengguna atau email', en: 'Username or email' },
  language: { id: 'Bahasa', en: 'Language' },
  notificationIds: { id: 'Notifikasi', en: 'Notifications' },
  unreadOnly: { id: 'Hanya yang belum dibaca', en: 'Unread only' },
  action: { id: 'Tindakan', en: 'Action' },
  rows: { id: 'Baris', en: 'Rows' },
  line: { id: 'Nomor baris', en: 'Line number' },
  dryRun: { id: 'Uji coba', en: 'Dry run' },
  includeInactive: { id: 'Termasuk yang nonaktif', en: 'Include inactive' },
  offset: { id: 'Posisi daftar', en: 'List offset' },
  sortOrder: { id: 'Urutan', en: 'Order' },
  by: { id: 'Kolom urutan', en: 'Sort column' },
  dir: { id: 'Arah urutan', en: 'Sort direction' },
} as const satisfies Record<string, TBilingual>;

/** The whole input, when the problem is not any one field's. */
const WHOLE: TBilingual = { id: 'Isian', en: 'The input' };

/** The label of a path: its last named segment ("aspects.0.indicators.1.weight" -> Bobot). */
export function fieldLabelOf(path: readonly PropertyKey[]): TBilingual {
  const labels = FIELD_LABELS as Record<string, TBilingual>;
  const named = path.filter((part): part is string => typeof part === 'string');
  const last = named.at(-1);
  if (last === undefined) return WHOLE;
  const label = labels[last];
  if (label) return label;
  // A key of a record ("scores.B2") is named by its record and itself: "Skor B2".
  const owner = named
    .slice(0, -1)
    .reverse()
    .find((part) => labels[part]);
  if (owner) return { id: `${labels[owner]?.id} ${last}`, en: `${labels[owner]?.en} ${last}` };
  // A key with no label is named as it is written, so the person can still find it.
  return { id: `Isian "${last}"`, en: `Field "${last}"` };
}

/** The kinds of value zod names in `expected`, in words. */
const EXPECTED: Record<string, TBilingual> = {
  number: { id: 'harus berupa angka', en: 'must be a number' },
  int: { id: 'harus berupa bilangan bulat', en: 'must be a whole number' },
  bigint: { id: 'harus berupa bilangan bulat', en: 'must be a whole number' },
  string: { id: 'harus berupa teks', en: 'must be text' },
  boolean: { id: 'harus dipilih ya atau tidak', en: 'must be yes or no' },
  array: { id: 'harus berupa daftar', en: 'must be a list' },
  object: { id: 'harus diisi lengkap', en: 'must be filled in completely' },
  date: { id: 'harus berupa tanggal', en: 'must be a date' },
};

function say(label: TBilingual, id: string, en: string): string {
  return bi(`${label.id} ${id}`, `${label.en} ${en}`);
}

/** A bound as a person reads it: 8, 0.5 (never "NaN" or "Infinity"). */
function shown(bound: unknown): string {
  if (typeof bound === 'bigint') return bound.toString();
  const n = Number(bound);
  return Number.isFinite(n) ? String(n) : String(bound);
}

/** An English noun for a count: 1 item, 2 items (Indonesian has one form). */
function plural(count: string, noun: string): string {
  return count === '1' ? noun : `${noun}s`;
}

/** Whether an issue is about a value that is not there (an empty field, a missing key). */
function isMissing(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): boolean {
  if ('input' in issue && issue.input !== undefined)
    return issue.input === null || issue.input === '';
  // A finished issue keeps no input: read "missing" from zod's own wording.
  if (!('input' in issue) && typeof issue.message === 'string')
    return /received undefined$/.test(issue.message);
  return true;
}

/** The bilingual message for one zod issue, naming its field. */
export function fieldMessage(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): string {
  const label = fieldLabelOf(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing(issue) && issue.expected !== 'int')
        return say(label, 'wajib diisi', 'is required');
      const words = EXPECTED[String(issue.expected)];
      // A number field holding NaN (an emptied number input) is a number not typed in.
      if ('input' in issue && typeof issue.input === 'number' && Number.isNaN(issue.input))
        return say(label, 'harus diisi dengan angka', 'must be filled in with a number');
      return words ? say(label, words.id, words.en) : say(label, 'tidak valid', 'is not valid');
    }
    case 'too_small': {
      const min = shown(issue.minimum);
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? say(label, 'wajib diisi', 'is required')
          : say(
              label,
              `minimal ${min} karakter`,
              `must be at least ${min} ${plural(min, 'character')}`,
            );
      if (issue.origin === 'array' || issue.origin === 'set')
        return say(label, `minimal ${min} butir`, `needs at least ${min} ${plural(min, 'item')}`);
      return issue.inclusive === false
        ? say(label, `harus lebih dari ${min}`, `must be more than ${min}`)
        : say(label, `minimal ${min}`, `must be at least ${min}`);
    }
    case 'too_big': {
      const max = shown(issue.maximum);
      if (issue.origin === 'string')
        return say(
          label,
          `maksimal ${max} karakter`,
          `must be at most ${max} ${plural(max, 'character')}`,
        );
      if (issue.origin === 'array' || issue.origin === 'set')
        return say(label, `maksimal ${max} butir`, `takes at most ${max} ${plural(max, 'item')}`);
      return issue.inclusive === false
        ? say(label, `harus kurang dari ${max}`, `must be less than ${max}`)
        : say(label, `maksimal ${max}`, `must be at most ${max}`);
    }
    case 'not_multiple_of':
      return say(
        label,
        `harus kelipatan ${shown(issue.divisor)}`,
        `must be a multiple of ${shown(issue.divisor)}`,
      );
    case 'invalid_value':
    case 'invalid_union':
      if ('input' in issue && (issue.input === undefined || issue.input === ''))
        return say(label, 'wajib dipilih', 'must be chosen');
      return say(
        label,
        'harus salah satu pilihan yang tersedia',
        'must be one of the options offered',
      );
    case 'invalid_format':
      if (issue.format === 'email')
        return say(label, 'harus alamat email yang valid', 'must be a valid email address');
      if (issue.format === 'date')
        return say(label, 'harus berformat YYYY-MM-DD', 'must be a date as YYYY-MM-DD');
      if (issue.format === 'uuid' || issue.format === 'guid')
        return say(label, 'tidak dikenal (ID tidak valid)', 'is not known (invalid id)');
      return say(label, 'formatnya tidak sesuai', 'has the wrong format');
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return bi(
        `${label.id} berisi isian yang tidak dikenal: ${keys}`,
        `${label.en} has fields that are not known: ${keys}`,
      );
    }
    case 'invalid_key':
    case 'invalid_element':
      return say(label, 'berisi isian yang tidak valid', 'holds an entry that is not valid');
    default:
      return say(label, 'tidak valid', 'is not valid');
  }
}

/** The map in zod's own shape, for `safeParse(value, { error })` and resolvers. */
export const fieldErrorMap: z.core.$ZodErrorMap = (issue) => fieldMessage(issue);

let installed = false;

/** Makes the map zod's default for every parse in this process (once; later calls are no-ops). */
export function installFieldErrorMap(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: fieldErrorMap });
}
