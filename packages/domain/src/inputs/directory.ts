import { z } from 'zod';
import { TIME_ZONES } from '../time';
import { bi } from '../zod-error';
import { ZPassword } from './auth';
import { DATE_YEAR_MAX, DATE_YEAR_MIN, type TTextLabel, zText } from './text';

/**
 * Inputs of the directory procedures: schools, teachers, users and the audit log. Every
 * object is strict (an unknown field is an error, not silently dropped) and every string
 * and list has a maximum.
 */

// No message of its own: the field error map names the id's field ("Siklus tidak dikenal").
export const ZId = z.uuid();

/** Paging shared by every list: at most 200 rows a page. */
export const ZPage = {
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
};

/** A list's input: its filters and the paging, strict like every input here. */
function zListInput<T extends z.ZodRawShape>(filters: T) {
  return z.object({ ...filters, ...ZPage }).strict();
}

/** A name-like text the directory requires, at most `max` characters. */
function zRequiredText(label: TTextLabel, max: number) {
  return zText(label, { max, required: true });
}

const ZSearch = zText({ id: 'Pencarian', en: 'The search' }, { max: 100 });

export const ZNpsn = z
  .string()
  .trim()
  .regex(/^[0-9]{8}$/, bi('NPSN harus 8 angka', 'NPSN must be 8 digits'));
export const ZSchoolName = zRequiredText({ id: 'Nama sekolah', en: 'The school name' }, 200);
export const ZSubdistrict = zRequiredText({ id: 'Kecamatan', en: 'The subdistrict' }, 100);

// Kecamatan (the district's list, issue 15)

export const ZSubdistrictListInput = z
  .object({ includeInactive: z.boolean().optional() })
  .strict()
  .optional();
export type TSubdistrictListInput = z.infer<typeof ZSubdistrictListInput>;

export const ZSubdistrictCreateInput = z.object({ name: ZSubdistrict }).strict();
export type TSubdistrictCreateInput = z.infer<typeof ZSubdistrictCreateInput>;

/** A rename and/or (de)activation; a rename reaches every school with the kecamatan. */
export const ZSubdistrictUpdateInput = z
  .object({ subdistrictId: ZId, name: ZSubdistrict.optional(), active: z.boolean().optional() })
  .strict();
export type TSubdistrictUpdateInput = z.infer<typeof ZSubdistrictUpdateInput>;

// Schools

export const ZSchoolListInput = zListInput({
  search: ZSearch.optional(),
  subdistrict: ZSubdistrict.optional(),
  active: z.boolean().optional(),
});
export type TSchoolListInput = z.input<typeof ZSchoolListInput>;

export const ZSchoolGetInput = z.object({ schoolId: ZId }).strict();
export type TSchoolGetInput = z.infer<typeof ZSchoolGetInput>;

export const ZSchoolRow = z
  .object({ npsn: ZNpsn, name: ZSchoolName, subdistrict: ZSubdistrict })
  .strict();
export type TSchoolRow = z.infer<typeof ZSchoolRow>;

export const ZSchoolCreateInput = ZSchoolRow;
export type TSchoolCreateInput = z.infer<typeof ZSchoolCreateInput>;

export const ZSchoolUpdateInput = z
  .object({
    schoolId: ZId,
    npsn: ZNpsn.optional(),
    name: ZSchoolName.optional(),
    subdistrict: ZSubdistrict.optional(),
  })
  .strict();
export type TSchoolUpdateInput = z.infer<typeof ZSchoolUpdateInput>;

export const ZSchoolSetActiveInput = z.object({ schoolId: ZId, active: z.boolean() }).strict();
export type TSchoolSetActiveInput = z.infer<typeof ZSchoolSetActiveInput>;

export const SCHOOL_BULK_MAX = 2000;

/**
 * Rows parsed from a spreadsheet. Cells are checked row by row in the procedure (each
 * error names its row), so here they are only bounded strings.
 */
export const ZSchoolBulkCreateInput = z
  .object({
    rows: z
      .array(
        z
          .object({
            npsn: z.string().max(50),
            name: z.string().max(300),
            subdistrict: z.string().max(200),
            /** The row's number in the spreadsheet as Excel shows it (the header is row 1). */
            line: z.number().int().min(2).max(1_000_000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(SCHOOL_BULK_MAX),
    /** Check every row and report, without writing. */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type TSchoolBulkCreateInput = z.input<typeof ZSchoolBulkCreateInput>;

// Teachers

export const ZTeacherFields = {
  name: zRequiredText({ id: 'Nama guru', en: "The teacher's name" }, 200),
  className: zText({ id: 'Kelas', en: 'The class' }, { max: 50 }).nullable(),
  nip: z
    .string()
    .trim()
    .regex(/^[0-9]{18}$/, bi('NIP harus 18 angka', 'NIP must be 18 digits'))
    .nullable(),
  nuptk: z
    .string()
    .trim()
    .regex(/^[0-9]{16}$/, bi('NUPTK harus 16 angka', 'NUPTK must be 16 digits'))
    .nullable(),
  /** 'L' (laki-laki) or 'P' (perempuan), as Indonesian forms print it. */
  gender: z.enum(['L', 'P'], bi('Jenis kelamin: L atau P', 'Gender: L or P')).nullable(),
  sortOrder: z.number().int().min(0).max(1000),
};

export const ZTeacherListInput = z
  .object({ schoolId: ZId, includeInactive: z.boolean().default(false) })
  .strict();
export type TTeacherListInput = z.input<typeof ZTeacherListInput>;

/** What a create and an update of a teacher may both leave out. */
const ZTeacherOptionalFields = {
  className: ZTeacherFields.className.optional(),
  nip: ZTeacherFields.nip.optional(),
  nuptk: ZTeacherFields.nuptk.optional(),
  gender: ZTeacherFields.gender.optional(),
  sortOrder: ZTeacherFields.sortOrder.optional(),
};

export const ZTeacherCreateInput = z
  .object({
    schoolId: ZId,
    name: ZTeacherFields.name,
    ...ZTeacherOptionalFields,
  })
  .strict();
export type TTeacherCreateInput = z.infer<typeof ZTeacherCreateInput>;

export const ZTeacherUpdateInput = z
  .object({
    teacherId: ZId,
    name: ZTeacherFields.name.optional(),
    ...ZTeacherOptionalFields,
  })
  .strict();
export type TTeacherUpdateInput = z.infer<typeof ZTeacherUpdateInput>;

/** A teacher who leaves is deactivated, never deleted: their observations stay. */
export const ZTeacherSetActiveInput = z.object({ teacherId: ZId, active: z.boolean() }).strict();
export type TTeacherSetActiveInput = z.infer<typeof ZTeacherSetActiveInput>;

// Users

export const ROLES = ['admin', 'supervisor', 'principal'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,49}$/,
    bi(
      'Nama pengguna 3-50 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung',
      'Username: 3-50 characters of lowercase letters, digits, dot, underscore or hyphen',
    ),
  );
export const ZEmail = z
  .email(bi('Alamat email tidak valid', 'Invalid email address'))
  .max(254)
  .transform((e) => e.toLowerCase());
/**
 * A civil servant's NIP: 18 digits. Spaces as printed ("19780512 200501 2 003") are
 * dropped; an empty field means none (null).
 */
export const ZNip = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine(
    (s) => s === '' || /^[0-9]{18}$/.test(s),
    bi('NIP harus 18 angka', 'NIP must be 18 digits'),
  )
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const ZFullName = zRequiredText({ id: 'Nama lengkap', en: 'The full name' }, 200);

export const ZUserListInput = zListInput({
  role: ZRole.optional(),
  schoolId: ZId.optional(),
  active: z.boolean().optional(),
  search: ZSearch.optional(),
});
export type TUserListInput = z.input<typeof ZUserListInput>;

const principalNeedsSchool = {
  message: bi(
    'Kepala sekolah wajib punya sekolah; peran lain tidak',
    'A principal needs a school; other roles have none',
  ),
  path: ['schoolId'],
};

export const ZUserCreateInput = z
  .object({
    username: ZUsername,
    email: ZEmail.nullable().optional(),
    fullName: ZFullName,
    role: ZRole,
    schoolId: ZId.nullable().optional(),
    password: ZPassword,
  })
  .strict()
  .refine((u) => (u.role === 'principal') === Boolean(u.schoolId), principalNeedsSchool);
export type TUserCreateInput = z.infer<typeof ZUserCreateInput>;

export const ZUserUpdateInput = z
  .object({
    userId: ZId,
    fullName: ZFullName.optional(),
    email: ZEmail.nullable().optional(),
    /** The NIP printed in a report's signature block (18 digits), or null. */
    nip: ZNip.optional(),
    /** Changing the role or school: send both (a principal needs a school, others none). */
    role: ZRole.optional(),
    schoolId: ZId.nullable().optional(),
  })
  .strict()
  .refine(
    (u) =>
      u.role === undefined
        ? u.schoolId === undefined
        : (u.role === 'principal') === Boolean(u.schoolId),
    principalNeedsSchool,
  );
export type TUserUpdateInput = z.infer<typeof ZUserUpdateInput>;

export const ZUserGetInput = z.object({ userId: ZId }).strict();
export type TUserGetInput = z.infer<typeof ZUserGetInput>;

export const ZUserSetActiveInput = z.object({ userId: ZId, active: z.boolean() }).strict();
export type TUserSetActiveInput = z.infer<typeof ZUserSetActiveInput>;

export const ZUserResetPasswordInput = z.object({ userId: ZId, newPassword: ZPassword }).strict();
export type TUserResetPasswordInput = z.infer<typeof ZUserResetPasswordInput>;

// Audit log

const ZWhen = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .refine(
    (w) => Number(w.slice(0, 4)) >= DATE_YEAR_MIN && Number(w.slice(0, 4)) <= DATE_YEAR_MAX,
    bi(
      `Tanggal harus antara tahun ${DATE_YEAR_MIN} dan ${DATE_YEAR_MAX}`,
      `A date must be between the years ${DATE_YEAR_MIN} and ${DATE_YEAR_MAX}`,
    ),
  );

/** The audit log's filters, shared by the list and its CSV export. */
const AUDIT_FILTERS = {
  userId: ZId.optional(),
  schoolId: ZId.optional(),
  /** An action (`auth.login`) or a prefix (`auth`). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, bi('Nama tindakan tidak valid', 'Invalid action name'))
    .max(60)
    .optional(),
  /** Inclusive start, ISO date (a calendar day of the district) or date-time. */
  from: ZWhen.optional(),
  /** End: a bare date is through that day of the district; a date-time is exclusive. */
  to: ZWhen.optional(),
};
export const ZAuditListInput = zListInput(AUDIT_FILTERS);
export type TAuditListInput = z.input<typeof ZAuditListInput>;

/** The audit log as CSV: the list's filters, every matching entry (up to a cap). */
export const ZAuditExportInput = z.object(AUDIT_FILTERS).strict();
export type TAuditExportInput = z.infer<typeof ZAuditExportInput>;

/** The district's time zone, set by its admin. */
// Here, not in time.ts: the apps' first load formats dates with time.ts and must not pull
// zod in with it (issue 19's first-load budget).
export const ZTimeZone = z.enum(TIME_ZONES);
export const ZDistrictTimeZoneInput = z.object({ timeZone: ZTimeZone }).strict();
export type TDistrictTimeZoneInput = z.infer<typeof ZDistrictTimeZoneInput>;
