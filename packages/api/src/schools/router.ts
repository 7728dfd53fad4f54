import {
  findExistingNpsns,
  findSubdistrictByName,
  getSchool,
  insertSchool,
  insertSchools,
  isPgError,
  listSchools,
  listSubdistrictItems,
  listSubdistricts,
  updateSchool,
} from '@siklus/db';
import {
  AppError,
  SCHOOL_BULK_MAX,
  ZSchoolBulkCreateInput,
  ZSchoolCreateInput,
  ZSchoolGetInput,
  ZSchoolListInput,
  ZSchoolRow,
  ZSchoolSetActiveInput,
  ZSchoolUpdateInput,
  zodIssues,
} from '@siklus/domain';
import { audit } from '../audit/record';
import type { Context } from '../context';
import { adminProcedure, authedProcedure, router, schoolScoped } from '../trpc';

/** "Kecamatan X is not on the list": a school names one of the district's kecamatan. */
function unlisted(typed: string, inactive: boolean): { id: string; en: string } {
  return inactive
    ? {
        id: `Kecamatan "${typed}" sudah dinonaktifkan; pilih kecamatan lain dari daftar atau aktifkan lagi di menu Kecamatan.`,
        en: `The kecamatan "${typed}" is deactivated; pick another from the list or reactivate it under Kecamatan.`,
      }
    : {
        id: `Kecamatan "${typed}" tidak ada dalam daftar kecamatan kabupaten; pilih dari daftar atau tambahkan dahulu di menu Kecamatan.`,
        en: `The kecamatan "${typed}" is not on the district's list; pick one from the list or add it first under Kecamatan.`,
      };
}

/**
 * The listed kecamatan a school's value names (case folded), as the list spells it; a
 * deactivated one only when the school already has it (`keep`).
 */
async function listedSubdistrict(
  ctx: Context & { user: { districtId: string } },
  typed: string,
  keep?: string,
): Promise<string> {
  const found = await findSubdistrictByName(ctx.db, ctx.user.districtId, typed);
  if (found && (found.active || found.name === keep)) return found.name;
  throw new AppError('BAD_REQUEST', unlisted(typed, found !== undefined), {
    field: 'subdistrict',
  });
}

const npsnTaken = (npsn: string) =>
  new AppError(
    'CONFLICT',
    {
      id: `NPSN ${npsn} sudah terdaftar untuk sekolah lain.`,
      en: `NPSN ${npsn} is already registered to another school.`,
    },
    { field: 'npsn' },
  );

function isNpsnConflict(error: unknown): boolean {
  return (
    isPgError(error) &&
    error.code === '23505' &&
    (error.constraint === undefined || error.constraint === 'schools_npsn_key')
  );
}

export interface BulkRowError {
  /** The spreadsheet's own row number (1-based, its header row is 1), as Excel shows it. */
  row: number;
  field: string;
  messages: { id: string; en: string };
}

export const schoolsRouter = router({
  /** `{ search?, subdistrict?, active?, limit, offset }`: a principal sees only their school. */
  list: authedProcedure.input(ZSchoolListInput).query(async ({ ctx, input }) => {
    const page = await listSchools(ctx.db, {
      districtId: ctx.user.districtId,
      onlySchoolId: ctx.user.role === 'principal' ? (ctx.user.schoolId ?? undefined) : undefined,
      search: input.search,
      subdistrict: input.subdistrict,
      active: input.active,
      limit: input.limit,
      offset: input.offset,
    });
    return { ...page, limit: input.limit, offset: input.offset };
  }),

  /** The district's subdistricts (kecamatan), for filters. */
  subdistricts: authedProcedure.query(({ ctx }) => listSubdistricts(ctx.db, ctx.user.districtId)),

  /** `{ schoolId }` */
  get: schoolScoped.any.input(ZSchoolGetInput).query(async ({ ctx, input }) => {
    return (await getSchool(ctx.db, input.schoolId))!;
  }),

  /** `{ npsn, name, subdistrict }` (admin) */
  create: adminProcedure.input(ZSchoolCreateInput).mutation(async ({ ctx, input }) => {
    const subdistrict = await listedSubdistrict(ctx, input.subdistrict);
    try {
      return await ctx.db.transaction().execute(async (tx) => {
        const school = await insertSchool(tx, {
          districtId: ctx.user.districtId,
          ...input,
          subdistrict,
        });
        await audit(
          ctx,
          {
            action: 'school.create',
            entity: 'school',
            entityId: school.id,
            schoolId: school.id,
            after: { ...input, subdistrict },
          },
          tx,
        );
        return school;
      });
    } catch (error) {
      if (isNpsnConflict(error)) throw npsnTaken(input.npsn);
      throw error;
    }
  }),

  /** `{ schoolId, npsn?, name?, subdistrict? }` (admin) */
  update: schoolScoped.admin.input(ZSchoolUpdateInput).mutation(async ({ ctx, input }) => {
    const { schoolId, ...typed } = input;
    const current = await getSchool(ctx.db, schoolId);
    const patch =
      typed.subdistrict === undefined
        ? typed
        : {
            ...typed,
            subdistrict: await listedSubdistrict(ctx, typed.subdistrict, current?.subdistrict),
          };
    try {
      return await ctx.db.transaction().execute(async (tx) => {
        const before = await getSchool(tx, schoolId);
        const school = (await updateSchool(tx, schoolId, patch))!;
        await audit(
          ctx,
          {
            action: 'school.update',
            entity: 'school',
            entityId: schoolId,
            schoolId,
            before: before
              ? { npsn: before.npsn, name: before.name, subdistrict: before.subdistrict }
              : null,
            after: patch,
          },
          tx,
        );
        return school;
      });
    } catch (error) {
      if (patch.npsn && isNpsnConflict(error)) throw npsnTaken(patch.npsn);
      throw error;
    }
  }),

  /** `{ schoolId, active }` (admin): a deactivated school keeps its history. */
  setActive: schoolScoped.admin.input(ZSchoolSetActiveInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const school = (await updateSchool(tx, input.schoolId, { active: input.active }))!;
      await audit(
        ctx,
        {
          action: input.active ? 'school.reactivate' : 'school.deactivate',
          entity: 'school',
          entityId: input.schoolId,
          schoolId: input.schoolId,
        },
        tx,
      );
      return school;
    });
  }),

  /**
   * `{ rows: [{ npsn, name, subdistrict }], dryRun? }` (admin): all rows or none. Every
   * problem is reported with its row number; nothing is written unless all rows are good.
   */
  bulkCreate: adminProcedure.input(ZSchoolBulkCreateInput).mutation(async ({ ctx, input }) => {
    const errors: BulkRowError[] = [];
    const good: { npsn: string; name: string; subdistrict: string }[] = [];
    const seen = new Map<string, number>();
    // The district's kecamatan, case folded: a row names one of them, spelled as listed.
    const listed = new Map(
      (await listSubdistrictItems(ctx.db, ctx.user.districtId, { includeInactive: true })).map(
        (k) => [k.name.toLowerCase(), k],
      ),
    );
    input.rows.forEach(({ line, ...raw }, i) => {
      // The spreadsheet's own row number (its header is row 1), as the client read it.
      const row = line ?? i + 2;
      const parsed = ZSchoolRow.safeParse(raw);
      if (!parsed.success) {
        for (const issue of zodIssues(parsed.error)) {
          errors.push({ row, field: issue.field, messages: issue.messages });
        }
        return;
      }
      const first = seen.get(parsed.data.npsn);
      if (first !== undefined) {
        errors.push({
          row,
          field: 'npsn',
          messages: {
            id: `NPSN ${parsed.data.npsn} sudah ada di baris ${first}.`,
            en: `NPSN ${parsed.data.npsn} already appears in row ${first}.`,
          },
        });
        return;
      }
      seen.set(parsed.data.npsn, row);
      const kecamatan = listed.get(parsed.data.subdistrict.trim().toLowerCase());
      if (!kecamatan?.active) {
        errors.push({
          row,
          field: 'subdistrict',
          messages: unlisted(parsed.data.subdistrict, kecamatan !== undefined),
        });
        return;
      }
      good.push({ ...parsed.data, subdistrict: kecamatan.name });
    });
    const existing = await findExistingNpsns(
      ctx.db,
      good.map((s) => s.npsn),
    );
    for (const [npsn, row] of seen) {
      if (existing.has(npsn)) {
        errors.push({
          row,
          field: 'npsn',
          messages: {
            id: `NPSN ${npsn} sudah terdaftar.`,
            en: `NPSN ${npsn} is already registered.`,
          },
        });
      }
    }
    errors.sort((a, b) => a.row - b.row);
    if (errors.length > 0 || input.dryRun) {
      return { created: 0, valid: errors.length === 0, errors: errors.slice(0, SCHOOL_BULK_MAX) };
    }
    try {
      await ctx.db.transaction().execute(async (tx) => {
        await insertSchools(
          tx,
          good.map((s) => ({ ...s, districtId: ctx.user.districtId })),
        );
        await audit(
          ctx,
          { action: 'school.bulk_create', entity: 'school', after: { count: good.length } },
          tx,
        );
      });
    } catch (error) {
      // Someone registered one of these NPSNs between the check and the insert.
      if (isNpsnConflict(error)) {
        throw new AppError('CONFLICT', {
          id: 'Salah satu NPSN baru saja didaftarkan orang lain. Periksa lalu coba lagi.',
          en: 'One of the NPSNs was just registered by someone else. Check and try again.',
        });
      }
      throw error;
    }
    const none: BulkRowError[] = [];
    return { created: good.length, valid: true, errors: none };
  }),
});
