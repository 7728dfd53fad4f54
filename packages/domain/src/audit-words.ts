import { CYCLE_STATUS_LABELS, CYCLE_STATUSES, cycleLabel } from './cycle';
import type { TBilingual } from './errors';
import { TIME_ZONE_INFO, TIME_ZONES } from './time';

/*
 * The audit log in words: each recorded action as a verb phrase in both languages, so an
 * admin reads "Admin Dinas menonaktifkan pengguna Budi" instead of `user.deactivate`.
 * `{target}` is replaced by the name of what the action touched (a user, a school, a
 * cycle "Siklus II SD Negeri Lulut 2", a configuration item), or dropped when unknown.
 */

const CONFIG: Record<string, TBilingual> = {
  rubric: { id: 'instrumen', en: 'rubric' },
  band_set: { id: 'kategori nilai', en: 'band set' },
  criteria_set: { id: 'kriteria keberhasilan', en: 'success criteria' },
};

const CONFIG_VERBS: Record<string, TBilingual> = {
  create: { id: 'membuat', en: 'created' },
  update_draft: { id: 'mengubah draf', en: 'edited the draft of' },
  publish: { id: 'menerbitkan', en: 'published' },
  new_version: { id: 'membuat versi baru', en: 'started a new version of' },
  delete_draft: { id: 'menghapus draf', en: 'deleted the draft of' },
  duplicate: { id: 'menggandakan', en: 'duplicated' },
  import: { id: 'mengimpor', en: 'imported' },
};

export const AUDIT_ACTION_WORDS: Record<string, TBilingual> = {
  'auth.login': { id: 'masuk', en: 'signed in' },
  'auth.logout': { id: 'keluar', en: 'signed out' },
  'auth.login_failed': { id: 'gagal masuk', en: 'failed to sign in' },
  'auth.password_changed': { id: 'mengganti kata sandi', en: 'changed their password' },
  'auth.password_change_failed': {
    id: 'gagal mengganti kata sandi',
    en: 'failed to change their password',
  },
  'access.refused': { id: 'ditolak mengakses {target}', en: 'was refused access to {target}' },
  'user.create': { id: 'membuat pengguna {target}', en: 'created the user {target}' },
  'user.update': { id: 'mengubah pengguna {target}', en: 'edited the user {target}' },
  'user.change_role': {
    id: 'mengubah peran pengguna {target}',
    en: 'changed the role of {target}',
  },
  'user.deactivate': { id: 'menonaktifkan pengguna {target}', en: 'deactivated the user {target}' },
  'user.reactivate': {
    id: 'mengaktifkan kembali pengguna {target}',
    en: 'reactivated the user {target}',
  },
  'user.reset_password': {
    id: 'mengatur ulang kata sandi {target}',
    en: 'reset the password of {target}',
  },
  'school.create': { id: 'menambah sekolah {target}', en: 'added the school {target}' },
  'school.update': { id: 'mengubah sekolah {target}', en: 'edited the school {target}' },
  'school.bulk_create': { id: 'menambah sekolah secara massal', en: 'added schools in bulk' },
  'school.deactivate': {
    id: 'menonaktifkan sekolah {target}',
    en: 'deactivated the school {target}',
  },
  'school.reactivate': {
    id: 'mengaktifkan kembali sekolah {target}',
    en: 'reactivated the school {target}',
  },
  'teacher.create': { id: 'menambah guru {target}', en: 'added the teacher {target}' },
  'teacher.update': { id: 'mengubah guru {target}', en: 'edited the teacher {target}' },
  'teacher.deactivate': {
    id: 'menonaktifkan guru {target}',
    en: 'deactivated the teacher {target}',
  },
  'teacher.reactivate': {
    id: 'mengaktifkan kembali guru {target}',
    en: 'reactivated the teacher {target}',
  },
  'study.create': { id: 'membuat penelitian {target}', en: 'created the study {target}' },
  'integrity.settings': {
    id: 'mengubah ambang lonjakan nilai',
    en: 'changed the jump threshold',
  },
  'integrity.dismiss': {
    id: 'menyisihkan temuan integritas {target} dengan alasan',
    en: 'dismissed the integrity signal {target} with a reason',
  },
  'study.close': {
    id: 'menutup penelitian {target} (selesai)',
    en: 'closed the study {target} (finished)',
  },
  'study.reopen': { id: 'membuka kembali penelitian {target}', en: 'reopened the study {target}' },
  'study.gainFirst': {
    id: 'mengubah cara menyajikan peningkatan pada penelitian {target}',
    en: 'changed which gain the study {target} shows first',
  },
  'study.band_set_moved': {
    id: 'memindahkan penelitian {target} ke versi kategori baru',
    en: 'moved the study {target} to a new band set version',
  },
  'cycle.create': { id: 'membuka {target}', en: 'opened {target}' },
  'cycle.submit': { id: 'mengajukan {target}', en: 'submitted {target}' },
  'cycle.withdraw': { id: 'menarik kembali pengajuan {target}', en: 'withdrew {target}' },
  'cycle.return': { id: 'mengembalikan {target}', en: 'returned {target}' },
  'cycle.approve': { id: 'menyetujui {target}', en: 'approved {target}' },
  'cycle.reopen': { id: 'membuka kembali {target}', en: 'reopened {target}' },
  'cycle.import': {
    id: 'mengimpor observasi ke {target}',
    en: 'imported observations into {target}',
  },
  'study.recapImport': {
    id: 'mengimpor rekap semua siklus ke {target}',
    en: 'imported a recap of every cycle into {target}',
  },
  'subdistrict.create': { id: 'menambah kecamatan', en: 'added a kecamatan' },
  'subdistrict.update': { id: 'mengubah kecamatan', en: 'edited a kecamatan' },
  'subdistrict.deactivate': { id: 'menonaktifkan kecamatan', en: 'deactivated a kecamatan' },
  'subdistrict.reactivate': {
    id: 'mengaktifkan kembali kecamatan',
    en: 'reactivated a kecamatan',
  },
  'observation.save': {
    id: 'menyimpan observasi pada {target}',
    en: 'saved an observation in {target}',
  },
  'observation.delete': {
    id: 'menghapus observasi pada {target}',
    en: 'deleted an observation in {target}',
  },
  'district.time_zone': {
    id: 'mengubah zona waktu kabupaten',
    en: 'changed the district’s time zone',
  },
  'district.letterhead': {
    id: 'mengubah kop surat laporan',
    en: 'changed the reports’ letterhead',
  },
  'district.logo': { id: 'mengganti logo kop surat', en: 'replaced the letterhead’s logo' },
  'district.logo_remove': { id: 'menghapus logo kop surat', en: 'removed the letterhead’s logo' },
};

/** The phrase for an action, or null for an action this table does not know. */
export function auditActionWords(action: string): TBilingual | null {
  const known = AUDIT_ACTION_WORDS[action];
  if (known) return known;
  const [kind, verb] = action.split('.', 2);
  const what = kind ? CONFIG[kind] : undefined;
  const how = verb ? CONFIG_VERBS[verb] : undefined;
  if (what && how)
    return { id: `${how.id} ${what.id} {target}`, en: `${how.en} the ${what.en} {target}` };
  return null;
}

/**
 * One audit entry as a sentence: "Admin Dinas menonaktifkan pengguna Budi Santoso". The
 * actor is the person's name (or "Sistem"/"System" when nobody was signed in); an action
 * this table does not know reads as its code, so nothing is hidden.
 */
export function describeAuditEntry(entry: {
  action: string;
  actorName: string | null;
  targetName: string | null;
}): TBilingual {
  const words = auditActionWords(entry.action) ?? { id: entry.action, en: entry.action };
  const fill = (text: string) =>
    (entry.targetName
      ? text.replace('{target}', `“${entry.targetName}”`)
      : text.replace(/ ?\{target\}/, '')
    ).trim();
  return {
    id: `${entry.actorName ?? 'Sistem'} ${fill(words.id)}`,
    en: `${entry.actorName ?? 'System'} ${fill(words.en)}`,
  };
}

// ---------------------------------------------------------------------------------------
// Before/after as a readable diff

/** Field names in words; a field not listed reads as its own words ("bandSetVersionId"). */
const FIELD_WORDS: Record<string, TBilingual> = {
  status: { id: 'Status', en: 'Status' },
  version: { id: 'Versi', en: 'Version' },
  name: { id: 'Nama', en: 'Name' },
  fullName: { id: 'Nama lengkap', en: 'Full name' },
  username: { id: 'Nama pengguna', en: 'Username' },
  role: { id: 'Peran', en: 'Role' },
  active: { id: 'Aktif', en: 'Active' },
  npsn: { id: 'NPSN', en: 'NPSN' },
  subdistrict: { id: 'Kecamatan', en: 'Subdistrict' },
  className: { id: 'Kelas', en: 'Class' },
  nip: { id: 'NIP', en: 'NIP' },
  nuptk: { id: 'NUPTK', en: 'NUPTK' },
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  title: { id: 'Judul', en: 'Title' },
  ordinal: { id: 'Siklus', en: 'Cycle' },
  percentage: { id: 'Persentase', en: 'Percentage' },
  band: { id: 'Kategori', en: 'Band' },
  teacherId: { id: 'Guru (id)', en: 'Teacher (id)' },
  cycleId: { id: 'Siklus (id)', en: 'Cycle (id)' },
  studyId: { id: 'Penelitian (id)', en: 'Study (id)' },
  schoolId: { id: 'Sekolah (id)', en: 'School (id)' },
  timeZone: { id: 'Zona waktu', en: 'Time zone' },
  office: { id: 'Nama instansi', en: 'Office' },
  address: { id: 'Alamat', en: 'Address' },
  phone: { id: 'Telepon', en: 'Phone' },
  website: { id: 'Situs web', en: 'Website' },
  place: { id: 'Tempat penandatanganan', en: 'Place of signing' },
  logoSha256: { id: 'Logo (SHA-256)', en: 'Logo (SHA-256)' },
  jumpPoints: { id: 'Ambang lonjakan (poin)', en: 'Jump threshold (points)' },
  closed: { id: 'Ditutup (selesai)', en: 'Closed (finished)' },
  verdictOrdinal: { id: 'Hasil akhir dari', en: 'Final result from' },
  verdictMet: { id: 'Kriteria tercapai', en: 'Criteria met' },
  path: { id: 'Alamat', en: 'Path' },
  reason: { id: 'Alasan', en: 'Reason' },
  endedSessions: { id: 'Sesi diakhiri', en: 'Sessions ended' },
  rubricVersionId: { id: 'Versi instrumen (id)', en: 'Rubric version (id)' },
  bandSetVersionId: { id: 'Versi kategori (id)', en: 'Band set version (id)' },
  criteriaSetVersionId: { id: 'Versi kriteria (id)', en: 'Criteria version (id)' },
};

const ROLE_WORDS: Record<string, TBilingual> = {
  admin: { id: 'Administrator', en: 'Administrator' },
  supervisor: { id: 'Pengawas sekolah', en: 'School supervisor' },
  principal: { id: 'Kepala sekolah', en: 'Principal' },
};

export type TAuditChange = {
  field: string;
  label: TBilingual;
  /** The value before, in words; null when the entry has none (a creation). */
  before: TBilingual | null;
  after: TBilingual | null;
};

const same = (text: string): TBilingual => ({ id: text, en: text });

/** "bandSetVersionId" -> "band set version id". */
function fieldWords(field: string): TBilingual {
  return FIELD_WORDS[field] ?? same(field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

function valueWords(field: string, value: unknown): TBilingual | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') {
    return value ? { id: 'ya', en: 'yes' } : { id: 'tidak', en: 'no' };
  }
  if (typeof value === 'string') {
    const status = field === 'status' ? CYCLE_STATUSES.find((s) => s === value) : undefined;
    if (status) return CYCLE_STATUS_LABELS[status];
    if (field === 'role' && ROLE_WORDS[value]) return ROLE_WORDS[value];
    const zone = TIME_ZONES.find((z) => z === value);
    if (zone) return same(TIME_ZONE_INFO[zone].abbreviation);
    // A decimal figure: a decimal comma in Indonesian.
    if (/^-?\d+\.\d+$/.test(value)) return { id: value.replace('.', ','), en: value };
    return same(value);
  }
  if (typeof value === 'number') {
    if (field === 'ordinal' || field === 'verdictOrdinal') {
      return { id: cycleLabel(value, 'id'), en: cycleLabel(value, 'en') };
    }
    return same(String(value));
  }
  return same(JSON.stringify(value));
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v))
    : {};

/**
 * An entry's before/after as rows "field: old -> new", field names and values in words
 * (status labels, roles, zones, cycle names, decimal commas). Fields equal on both sides
 * are left out; a creation lists what was set, a deletion what was removed.
 */
export function auditChanges(before: unknown, after: unknown): TAuditChange[] {
  const a = record(before);
  const b = record(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]))
    .map((field) => ({
      field,
      label: fieldWords(field),
      before: valueWords(field, a[field]),
      after: valueWords(field, b[field]),
    }));
}

/** The changes as one line per language: "Status: diajukan → disetujui; Versi: 3 → 4". */
export function auditChangesText(changes: readonly TAuditChange[], lang: 'id' | 'en'): string {
  return changes
    .map((c) => `${c.label[lang]}: ${c.before?.[lang] ?? '–'} → ${c.after?.[lang] ?? '–'}`)
    .join('; ');
}
