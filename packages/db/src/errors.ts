import {
  AppError,
  type AppErrorCode,
  cycleLabel,
  isAppError,
  type TBilingual,
} from '@siklus/domain';
import { NoResultError } from 'kysely';

/*
 * Postgres errors -> the one AppError, with a message a principal can act on in both
 * languages. Keyed by constraint name (the names are fixed in the migrations). Messages
 * never carry SQL, table or constraint names; the original error stays as `cause` for the
 * server log.
 */

/** The fields both `pg` and PGlite put on a server error. */
export interface PgError {
  message?: string;
  code: string;
  severity?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

/** A server error from either driver (a SQLSTATE code and a severity), e.g. 23505. */
export function isPgError(err: unknown): err is PgError {
  if (typeof err !== 'object' || err === null || !('code' in err) || !('severity' in err)) {
    return false;
  }
  return typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code);
}

/** "Key (a, b)=(x, y) already exists." -> 'y' (the last value; earlier ones are ids). */
function lastKeyValue(detail: string | undefined): string | undefined {
  const match = detail?.match(/\)=\((.*)\)/);
  if (!match?.[1]) return undefined;
  const values = match[1];
  // Earlier values are uuids (no commas); the last may contain ", ".
  const uuidPrefix = /^(?:[0-9a-f-]{36}, )+/;
  return values.replace(uuidPrefix, '');
}

type Entry = {
  code: AppErrorCode;
  field?: string;
  messages: (value: string | undefined) => TBilingual;
};

const fixed =
  (id: string, en: string): Entry['messages'] =>
  () => ({ id, en });

const NOT_IN_DISTRICT = (what: { id: string; en: string }): Entry['messages'] =>
  fixed(`${what.id} tidak ditemukan di kabupaten ini`, `${what.en} was not found in this district`);

const PUBLISHED_IMMUTABLE: Entry = {
  code: 'CONFLICT',
  messages: fixed(
    'Versi yang sudah diterbitkan tidak dapat diubah atau dihapus; buat versi baru',
    'A published version cannot be changed or deleted; create a new version instead',
  ),
};
const VERSION_EXISTS: Entry = {
  code: 'CONFLICT',
  field: 'version',
  messages: (v) => ({
    id: `Versi ${v ?? ''} sudah ada; muat ulang dan coba lagi`.replace('  ', ' '),
    en: `Version ${v ?? ''} already exists; reload and try again`.replace('  ', ' '),
  }),
};
const NAME_TAKEN: Entry = {
  code: 'CONFLICT',
  field: 'name',
  messages: (v) => ({
    id: `Nama “${v ?? ''}” sudah dipakai`,
    en: `The name “${v ?? ''}” is already in use`,
  }),
};
const PRINTED_MEAN_RANGE: Entry = {
  code: 'BAD_REQUEST',
  field: 'printedMean',
  messages: fixed(
    'Rata-rata tercetak harus antara 0 dan 100',
    'The printed mean must be between 0 and 100',
  ),
};
const NAME_REQUIRED: Entry = {
  code: 'BAD_REQUEST',
  field: 'name',
  messages: fixed('Nama wajib diisi', 'A name is required'),
};

/** Errors raised when a row refers to a parent that is not there (or not in the district). */
const MISSING_PARENT: Record<string, Entry> = {
  schools_district_id_fkey: {
    code: 'NOT_FOUND',
    messages: fixed('Kabupaten tidak ditemukan', 'The district was not found'),
  },
  users_district_id_fkey: {
    code: 'NOT_FOUND',
    messages: fixed('Kabupaten tidak ditemukan', 'The district was not found'),
  },
  users_school_fkey: {
    code: 'BAD_REQUEST',
    field: 'schoolId',
    messages: NOT_IN_DISTRICT({ id: 'Sekolah', en: 'The school' }),
  },
  teachers_school_fkey: {
    code: 'BAD_REQUEST',
    field: 'schoolId',
    messages: NOT_IN_DISTRICT({ id: 'Sekolah', en: 'The school' }),
  },
  sessions_user_id_fkey: {
    code: 'NOT_FOUND',
    messages: fixed('Pengguna tidak ditemukan', 'The user was not found'),
  },
  studies_school_fkey: {
    code: 'BAD_REQUEST',
    field: 'schoolId',
    messages: NOT_IN_DISTRICT({ id: 'Sekolah', en: 'The school' }),
  },
  studies_rubric_version_fkey: {
    code: 'BAD_REQUEST',
    field: 'rubricVersionId',
    messages: NOT_IN_DISTRICT({ id: 'Versi rubrik', en: 'The rubric version' }),
  },
  studies_band_set_version_fkey: {
    code: 'BAD_REQUEST',
    field: 'bandSetVersionId',
    messages: NOT_IN_DISTRICT({ id: 'Versi kriteria nilai', en: 'The band set version' }),
  },
  studies_criteria_set_version_fkey: {
    code: 'BAD_REQUEST',
    field: 'criteriaSetVersionId',
    messages: NOT_IN_DISTRICT({
      id: 'Versi kriteria keberhasilan',
      en: 'The success criteria version',
    }),
  },
  cycles_study_fkey: {
    code: 'NOT_FOUND',
    field: 'studyId',
    messages: NOT_IN_DISTRICT({ id: 'Penelitian', en: 'The study' }),
  },
  observations_cycle_fkey: {
    code: 'NOT_FOUND',
    field: 'cycleId',
    messages: NOT_IN_DISTRICT({ id: 'Siklus', en: 'The cycle' }),
  },
  observations_teacher_fkey: {
    code: 'BAD_REQUEST',
    field: 'teacherId',
    messages: NOT_IN_DISTRICT({ id: 'Guru', en: 'The teacher' }),
  },
  observations_observer_fkey: {
    code: 'BAD_REQUEST',
    field: 'observerId',
    messages: NOT_IN_DISTRICT({ id: 'Pengamat', en: 'The observer' }),
  },
  indicator_scores_observation_fkey: {
    code: 'NOT_FOUND',
    messages: NOT_IN_DISTRICT({ id: 'Observasi', en: 'The observation' }),
  },
};

/** Errors raised when deleting a row that others still refer to. */
const STILL_REFERENCED: Record<string, Entry> = {
  observations_teacher_fkey: {
    code: 'CONFLICT',
    messages: fixed(
      'Guru ini sudah memiliki data observasi; nonaktifkan saja, jangan dihapus',
      'This teacher already has observations; deactivate the teacher instead of deleting',
    ),
  },
  teachers_school_fkey: {
    code: 'CONFLICT',
    messages: fixed(
      'Sekolah ini masih memiliki guru; nonaktifkan saja, jangan dihapus',
      'This school still has teachers; deactivate it instead of deleting',
    ),
  },
  studies_school_fkey: {
    code: 'CONFLICT',
    messages: fixed(
      'Sekolah ini masih memiliki penelitian; nonaktifkan saja, jangan dihapus',
      'This school still has studies; deactivate it instead of deleting',
    ),
  },
};

const BY_CONSTRAINT: Record<string, Entry> = {
  // schools
  schools_npsn_key: {
    code: 'CONFLICT',
    field: 'npsn',
    messages: (v) => ({
      id: `NPSN ${v ?? ''} sudah terdaftar`,
      en: `NPSN ${v ?? ''} is already registered`,
    }),
  },
  schools_npsn_format: {
    code: 'BAD_REQUEST',
    field: 'npsn',
    messages: fixed('NPSN harus terdiri dari 8 angka', 'An NPSN must be exactly 8 digits'),
  },
  schools_name_not_blank: NAME_REQUIRED,
  districts_name_not_blank: NAME_REQUIRED,
  districts_name_key: NAME_TAKEN,
  // users
  users_username_key: {
    code: 'CONFLICT',
    field: 'username',
    messages: (v) => ({
      id: `Nama pengguna ${v ?? ''} sudah dipakai`,
      en: `The username ${v ?? ''} is already taken`,
    }),
  },
  users_email_key: {
    code: 'CONFLICT',
    field: 'email',
    messages: (v) => ({
      id: `Email ${v ?? ''} sudah dipakai`,
      en: `The email ${v ?? ''} is already in use`,
    }),
  },
  users_username_format: {
    code: 'BAD_REQUEST',
    field: 'username',
    messages: fixed(
      'Nama pengguna 3-50 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung',
      'A username is 3-50 characters: lowercase letters, digits, dots, underscores or hyphens',
    ),
  },
  users_email_format: {
    code: 'BAD_REQUEST',
    field: 'email',
    messages: fixed('Alamat email tidak valid', 'The email address is not valid'),
  },
  users_full_name_not_blank: {
    code: 'BAD_REQUEST',
    field: 'fullName',
    messages: fixed('Nama lengkap wajib diisi', 'The full name is required'),
  },
  users_role_check: {
    code: 'BAD_REQUEST',
    field: 'role',
    messages: fixed(
      'Peran harus admin, pengawas atau kepala sekolah',
      'The role must be admin, supervisor or principal',
    ),
  },
  users_principal_school: {
    code: 'BAD_REQUEST',
    field: 'schoolId',
    messages: fixed(
      'Kepala sekolah harus terhubung ke satu sekolah; admin dan pengawas tidak',
      'A principal must be linked to a school; admins and supervisors must not be',
    ),
  },
  // teachers
  teachers_name_not_blank: NAME_REQUIRED,
  teachers_nip_format: {
    code: 'BAD_REQUEST',
    field: 'nip',
    messages: fixed('NIP harus terdiri dari 18 angka', 'A NIP must be exactly 18 digits'),
  },
  teachers_district_nip_key: {
    code: 'CONFLICT',
    field: 'nip',
    messages: (v) => ({
      id: `NIP ${v ?? ''} sudah dipakai guru lain di kabupaten ini`,
      en: `NIP ${v ?? ''} already belongs to another teacher of this district`,
    }),
  },
  teachers_gender_check: {
    code: 'BAD_REQUEST',
    field: 'gender',
    messages: fixed('Jenis kelamin: L atau P', 'Gender: L or P'),
  },
  teachers_nuptk_format: {
    code: 'BAD_REQUEST',
    field: 'nuptk',
    messages: fixed('NUPTK harus terdiri dari 16 angka', 'A NUPTK must be exactly 16 digits'),
  },
  // versioned configuration
  rubric_versions_published_immutable: PUBLISHED_IMMUTABLE,
  band_set_versions_published_immutable: PUBLISHED_IMMUTABLE,
  criteria_set_versions_published_immutable: PUBLISHED_IMMUTABLE,
  rubric_versions_version_key: VERSION_EXISTS,
  band_set_versions_version_key: VERSION_EXISTS,
  criteria_set_versions_version_key: VERSION_EXISTS,
  rubrics_district_name_key: NAME_TAKEN,
  band_sets_district_name_key: NAME_TAKEN,
  criteria_sets_district_name_key: NAME_TAKEN,
  rubrics_name_not_blank: NAME_REQUIRED,
  band_sets_name_not_blank: NAME_REQUIRED,
  criteria_sets_name_not_blank: NAME_REQUIRED,
  // studies
  studies_title_not_blank: {
    code: 'BAD_REQUEST',
    field: 'title',
    messages: fixed('Judul penelitian wajib diisi', 'The study title is required'),
  },
  studies_school_year_format: {
    code: 'BAD_REQUEST',
    field: 'schoolYear',
    messages: fixed(
      'Tahun ajaran ditulis seperti 2024/2025 (dua tahun berurutan)',
      'Write the school year like 2024/2025 (two consecutive years)',
    ),
  },
  studies_semester_check: {
    code: 'BAD_REQUEST',
    field: 'semester',
    messages: fixed(
      'Semester harus ganjil atau genap',
      'The semester must be ganjil (odd) or genap (even)',
    ),
  },
  // cycles
  cycles_study_ordinal_key: {
    code: 'CONFLICT',
    field: 'ordinal',
    messages: (v) => {
      const ordinal = v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
      return ordinal === undefined
        ? {
            id: 'Siklus ini sudah ada dalam penelitian',
            en: 'This cycle already exists in the study',
          }
        : {
            id: `${cycleLabel(ordinal, 'id')} sudah ada dalam penelitian ini`,
            en: `${cycleLabel(ordinal, 'en')} already exists in this study`,
          };
    },
  },
  cycles_ordinal_check: {
    code: 'BAD_REQUEST',
    field: 'ordinal',
    messages: fixed(
      'Nomor siklus harus antara 0 dan 20',
      'The cycle number must be between 0 and 20',
    ),
  },
  cycles_status_check: {
    code: 'BAD_REQUEST',
    field: 'status',
    messages: fixed('Status siklus tidak dikenal', 'Unknown cycle status'),
  },
  cycles_returned_comment: {
    code: 'BAD_REQUEST',
    field: 'comment',
    messages: fixed(
      'Tulis komentar untuk kepala sekolah saat mengembalikan siklus',
      'Write a comment for the principal when returning a cycle',
    ),
  },
  // The primary's printed mean (the cycle row) and a further instrument's (decision 022).
  cycles_printed_mean_range: PRINTED_MEAN_RANGE,
  cycle_printed_figures_mean_range: PRINTED_MEAN_RANGE,
  // observations
  observations_cycle_teacher_key: {
    code: 'CONFLICT',
    field: 'teacherId',
    messages: fixed(
      'Guru ini sudah diobservasi pada siklus ini; ubah observasi yang ada',
      'This teacher already has an observation in this cycle; edit that one instead',
    ),
  },
  observations_percentage_range: {
    code: 'BAD_REQUEST',
    field: 'percentage',
    messages: fixed(
      'Persentase harus antara 0 dan 100',
      'The percentage must be between 0 and 100',
    ),
  },
  indicator_scores_na_xor_score: {
    code: 'BAD_REQUEST',
    field: 'scores',
    messages: fixed(
      'Setiap indikator diberi skor atau ditandai tidak berlaku, tidak keduanya',
      'Each indicator gets either a score or "not applicable", not both',
    ),
  },
  indicator_scores_pkey: {
    code: 'CONFLICT',
    field: 'scores',
    messages: fixed('Indikator ini sudah diberi skor', 'This indicator already has a score'),
  },
};

/** Fallbacks by SQLSTATE (or its class) when the constraint is not in the table above. */
function byCode(err: PgError): Entry {
  switch (err.code) {
    case '23505':
      return { code: 'CONFLICT', messages: fixed('Data ini sudah ada', 'This already exists') };
    case '23503':
      return isDeleteFk(err)
        ? {
            code: 'CONFLICT',
            messages: fixed(
              'Data ini masih dipakai di tempat lain sehingga tidak dapat dihapus',
              'This is still in use elsewhere, so it cannot be deleted',
            ),
          }
        : {
            code: 'NOT_FOUND',
            messages: fixed(
              'Data yang dirujuk tidak ditemukan',
              'A referenced record was not found',
            ),
          };
    case '23502':
      return {
        code: 'BAD_REQUEST',
        messages: fixed('Ada isian wajib yang belum diisi', 'A required value is missing'),
      };
    case '23514':
    case '23P01':
      return {
        code: 'BAD_REQUEST',
        messages: fixed('Ada nilai yang tidak diizinkan', 'A value is not allowed'),
      };
    case '22003':
      return {
        code: 'BAD_REQUEST',
        messages: fixed(
          'Angka di luar rentang yang diizinkan',
          'A number is out of the allowed range',
        ),
      };
    case '22001':
      return {
        code: 'BAD_REQUEST',
        messages: fixed('Ada isian yang terlalu panjang', 'A value is too long'),
      };
    case '22P02':
    case '22007':
    case '22008':
      return {
        code: 'BAD_REQUEST',
        messages: fixed('Ada isian dengan format yang salah', 'A value has the wrong format'),
      };
    case '40001':
    case '40P01':
      return {
        code: 'CONFLICT',
        messages: fixed(
          'Data sedang diubah bersamaan oleh orang lain; coba lagi',
          'Someone changed this at the same moment; please try again',
        ),
      };
    case '55P03':
    case '57014':
    case '53300':
      return {
        code: 'UNAVAILABLE',
        messages: fixed(
          'Basis data sedang sibuk; coba lagi sebentar lagi',
          'The database is busy; try again shortly',
        ),
      };
    default:
      // 08: connection exceptions; 57P01-57P05: the server ended the connection (restart,
      // pg_terminate_backend, shutdown) or is starting up. Nothing the person did wrong.
      if (err.code.startsWith('08') || err.code.startsWith('57P')) return DATABASE_UNAVAILABLE;
      return INTERNAL;
  }
}

const INTERNAL: Entry = {
  code: 'INTERNAL',
  messages: fixed(
    'Terjadi kesalahan pada server; coba lagi',
    'Something went wrong on the server; please try again',
  ),
};

function isDeleteFk(err: PgError): boolean {
  return err.detail?.includes('is still referenced') ?? false;
}

/** The database went away or did not answer in time: a person can only wait and retry. */
export const DATABASE_UNAVAILABLE_MESSAGES: TBilingual = {
  id: 'Basis data sedang tidak tersedia. Coba lagi sebentar lagi.',
  en: 'The database is unavailable right now. Try again in a moment.',
};
const DATABASE_UNAVAILABLE: Entry = {
  code: 'UNAVAILABLE',
  messages: () => DATABASE_UNAVAILABLE_MESSAGES,
};

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/*
 * What pg's client says, without any SQLSTATE, when a connection drops or times out:
 * "Connection terminated unexpectedly", "Connection terminated due to connection timeout",
 * "timeout exceeded when trying to connect" (the pool's connectionTimeoutMillis), "Query read
 * timeout" (query_timeout), and "Client has encountered a connection error and is not
 * queryable" (a client whose connection died between two queries).
 */
const CONNECTION_WORDS =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error and is not queryable|Connection ended|Client was closed/i;

/** True when err says the database could not be reached or dropped the connection. */
export function isConnectionError(err: unknown): boolean {
  if (isPgError(err)) return err.code.startsWith('08') || err.code.startsWith('57P');
  if (typeof err !== 'object' || err === null) return false;
  const code = 'code' in err ? err.code : undefined;
  const message = 'message' in err ? err.message : undefined;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  // Node's AggregateError (ECONNREFUSED on both ::1 and 127.0.0.1) carries the code too.
  const errors = 'errors' in err ? err.errors : undefined;
  if (Array.isArray(errors) && errors.some(isConnectionError)) return true;
  return typeof message === 'string' && CONNECTION_WORDS.test(message);
}

function build(entry: Entry, err: unknown, value?: string): AppError {
  return new AppError(entry.code, entry.messages(value), {
    cause: err,
    ...(entry.field === undefined ? {} : { field: entry.field }),
  });
}

/** Turns anything thrown by a query into an AppError; an AppError passes through unchanged. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof NoResultError) {
    return new AppError(
      'NOT_FOUND',
      { id: 'Data tidak ditemukan', en: 'Not found' },
      { cause: err },
    );
  }
  if (isPgError(err)) {
    const constraint = err.constraint;
    if (constraint) {
      const table =
        err.code === '23503'
          ? isDeleteFk(err)
            ? STILL_REFERENCED
            : MISSING_PARENT
          : BY_CONSTRAINT;
      const entry = table[constraint];
      if (entry) return build(entry, err, lastKeyValue(err.detail));
    }
    const fallback = byCode(err);
    // A not-null violation names the column; pass it on as the field (never in the text).
    if (err.code === '23502' && err.column)
      return build({ ...fallback, field: camel(err.column) }, err);
    return build(fallback, err);
  }
  if (isConnectionError(err)) return build(DATABASE_UNAVAILABLE, err);
  return build(INTERNAL, err);
}

/** Runs fn and rethrows whatever it throws as an AppError. */
export async function withAppErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err);
  }
}

/** True when err is a Postgres serialization failure or deadlock, i.e. worth a retry. */
export function isRetryableDbError(err: unknown): boolean {
  const cause = isAppError(err) ? err.cause : err;
  return isPgError(cause) && (cause.code === '40001' || cause.code === '40P01');
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
