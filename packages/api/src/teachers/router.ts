import {
  getTeacher,
  insertTeacher,
  listTeachers,
  type TeacherSummary,
  updateTeacher,
} from '@siklus/db';
import {
  ZTeacherCreateInput,
  ZTeacherListInput,
  ZTeacherSetActiveInput,
  ZTeacherUpdateInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { router, schoolScoped, teacherScoped } from '../trpc';

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
});
