import type { TBilingual } from './errors';

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
