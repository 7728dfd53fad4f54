import {
  findTeachersByNip,
  getTeacher,
  insertTeacher,
  insertTeachers,
  listTeachers,
  type TeacherSummary,
  updateTeacher,
} from '@siklus/db';
import {
  AppError,
  ZTeacherCreateInput,
  ZTeacherListInput,
  ZTeacherSetActiveInput,
  ZTeacherUpdateInput,
} from '@siklus/domain';
import { z } from 'zod';
import { audit } from '../audit/record';
import type { Context } from '../context';
import { decodeUpload, MAX_IMPORT_BYTES, readSheet } from '../io/read-sheet';
import { interpretRosterSheet, nipsOf } from '../io/roster-sheet';
import { router, schoolScoped, teacherScoped } from '../trpc';

/** A roster file as the observation import takes it: base64 in JSON, at most 2 MB decoded. */
const ZRosterFileInput = z
  .object({
    schoolId: z.uuid(),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024),
  })
  .strict();

/** Reads a roster file against the school's roster and the district's NIPs. */
async function readRosterFile(
  ctx: Context,
  scope: { districtId: string },
  input: z.infer<typeof ZRosterFileInput>,
) {
  const grid = await readSheet(input.fileName, decodeUpload(input.contentBase64));
  const [roster, holders] = await Promise.all([
    listTeachers(ctx.db, { schoolId: input.schoolId, includeInactive: true }),
    findTeachersByNip(ctx.db, scope.districtId, nipsOf(grid)),
  ]);
  const result = interpretRosterSheet(grid, {
    roster,
    districtNips: new Map(
      holders.flatMap((h) =>
        h.nip ? [[h.nip, { name: h.name, schoolName: h.schoolName, schoolId: h.schoolId }]] : [],
      ),
    ),
    schoolId: input.schoolId,
  });
  return { grid, result };
}

/** What the audit log keeps of a teacher: who they are on the roster, nothing else. */
const audited = (t: TeacherSummary) => ({
  name: t.name,
  className: t.className,
  nip: t.nip,
  nuptk: t.nuptk,
  gender: t.gender,
  active: t.active,
});

/**
 * The roster of a school. Its principal keeps it, and so may an admin of the district (a
 * new school starts before it has a principal account); everyone in scope reads it.
 */
export const teachersRouter = router({
  /** `{ schoolId, includeInactive? }` */
  list: schoolScoped.any
    .input(ZTeacherListInput)
    .query(({ ctx, input }) =>
      listTeachers(ctx.db, { schoolId: input.schoolId, includeInactive: input.includeInactive }),
    ),

  /**
   * `{ schoolId, name, className?, nip?, nuptk?, gender?, sortOrder? }` (the school's
   * principal or a district admin). A NIP already used in the district is CONFLICT on `nip`.
   */
  create: schoolScoped.keeper.input(ZTeacherCreateInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const teacher = await insertTeacher(tx, {
        districtId: ctx.scope.districtId,
        schoolId: input.schoolId,
        name: input.name,
        className: input.className ?? null,
        nip: input.nip ?? null,
        nuptk: input.nuptk ?? null,
        gender: input.gender ?? null,
        sortOrder: input.sortOrder,
      });
      await audit(
        ctx,
        {
          action: 'teacher.create',
          entity: 'teacher',
          entityId: teacher.id,
          schoolId: input.schoolId,
          after: audited(teacher),
        },
        tx,
      );
      return teacher;
    });
  }),

  /** `{ teacherId, name?, className?, nip?, nuptk?, gender?, sortOrder? }` (principal or admin) */
  update: teacherScoped.keeper.input(ZTeacherUpdateInput).mutation(async ({ ctx, input }) => {
    const { teacherId, ...patch } = input;
    return ctx.db.transaction().execute(async (tx) => {
      const before = await getTeacher(tx, teacherId);
      const teacher = (await updateTeacher(tx, teacherId, patch))!;
      await audit(
        ctx,
        {
          action: 'teacher.update',
          entity: 'teacher',
          entityId: teacherId,
          schoolId: ctx.scope.schoolId,
          before: before ? audited(before) : null,
          after: audited(teacher),
        },
        tx,
      );
      return teacher;
    });
  }),

  /**
   * `{ teacherId, active }` (principal or admin). A teacher who leaves is deactivated, never
   * deleted: their observations and trajectory stay, and they leave the roster that new
   * cycles, templates and the "every teacher observed" check use.
   */
  setActive: teacherScoped.keeper.input(ZTeacherSetActiveInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const teacher = (await updateTeacher(tx, input.teacherId, { active: input.active }))!;
      await audit(
        ctx,
        {
          action: input.active ? 'teacher.reactivate' : 'teacher.deactivate',
          entity: 'teacher',
          entityId: input.teacherId,
          schoolId: ctx.scope.schoolId,
          after: { active: input.active },
        },
        tx,
      );
      return teacher;
    });
  }),

  /**
   * `{ schoolId, fileName, contentBase64 }` (principal or admin): a roster sheet (CSV/XLSX:
   * Nama, NIP, NUPTK, Kelas/Mapel, L/P) read and checked, each row new, already on the
   * roster, or with its problems. Writes nothing (a mutation because the file is the body).
   */
  previewImport: schoolScoped.keeper.input(ZRosterFileInput).mutation(async ({ ctx, input }) => {
    const { grid, result } = await readRosterFile(ctx, ctx.scope, input);
    const added = result.rows.filter((r) => r.status === 'new').length;
    return {
      fileName: input.fileName,
      sheetName: grid.sheetName,
      ...result,
      added,
      ok: result.problems.length === 0 && added > 0,
    };
  }),

  /**
   * `{ schoolId, fileName, contentBase64 }` (principal or admin): reads the file again and
   * adds every new teacher in one transaction with one audit row, or nothing when any row
   * has a problem. Teachers already on the roster are left as they are.
   */
  confirmImport: schoolScoped.keeper.input(ZRosterFileInput).mutation(async ({ ctx, input }) => {
    const { result } = await readRosterFile(ctx, ctx.scope, input);
    const fresh = result.rows.filter((r) => r.status === 'new');
    if (result.problems.length > 0 || fresh.length === 0) {
      const n = result.problems.length;
      throw new AppError(
        'BAD_REQUEST',
        n > 0
          ? {
              id: `Berkas masih memiliki ${n} masalah; tidak ada guru yang ditambahkan.`,
              en: `The file still has ${n} problem(s); no teacher was added.`,
            }
          : {
              id: 'Tidak ada guru baru dalam berkas; semuanya sudah ada di daftar.',
              en: 'The file has no new teacher; all are already on the roster.',
            },
        { field: 'contentBase64' },
      );
    }
    const created = await ctx.db.transaction().execute(async (tx) => {
      const rows = await insertTeachers(
        tx,
        ctx.scope.districtId,
        input.schoolId,
        fresh.map((r) => ({
          name: r.name,
          className: r.className,
          nip: r.nip,
          nuptk: r.nuptk,
          gender: r.gender,
        })),
      );
      await audit(
        ctx,
        {
          action: 'teacher.import',
          entity: 'school',
          entityId: input.schoolId,
          schoolId: input.schoolId,
          after: {
            fileName: input.fileName,
            added: rows.length,
            teachers: rows.map((t) => ({ id: t.id, name: t.name })),
          },
        },
        tx,
      );
      return rows;
    });
    return { added: created.length, teachers: created };
  }),
});
