import { getTeacher, insertTeacher, listTeachers, updateTeacher } from '@siklus/db';
import {
  ZTeacherCreateInput,
  ZTeacherListInput,
  ZTeacherSetActiveInput,
  ZTeacherUpdateInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { router, schoolScoped, teacherScoped } from '../trpc';

/** The roster of a school. Principals keep it; everyone in scope reads it. */
export const teachersRouter = router({
  /** `{ schoolId, includeInactive? }` */
  list: schoolScoped.any
    .input(ZTeacherListInput)
    .query(({ ctx, input }) =>
      listTeachers(ctx.db, { schoolId: input.schoolId, includeInactive: input.includeInactive }),
    ),

  /** `{ schoolId, name, className?, nip?, nuptk?, sortOrder? }` (principal, own school) */
  create: schoolScoped.principal.input(ZTeacherCreateInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const teacher = await insertTeacher(tx, {
        districtId: ctx.scope.districtId,
        schoolId: input.schoolId,
        name: input.name,
        className: input.className ?? null,
        nip: input.nip ?? null,
        nuptk: input.nuptk ?? null,
        sortOrder: input.sortOrder,
      });
      await audit(
        ctx,
        {
          action: 'teacher.create',
          entity: 'teacher',
          entityId: teacher.id,
          schoolId: input.schoolId,
          after: { name: teacher.name, className: teacher.className },
        },
        tx,
      );
      return teacher;
    });
  }),

  /** `{ teacherId, name?, className?, nip?, nuptk?, sortOrder? }` (principal, own school) */
  update: teacherScoped.principal.input(ZTeacherUpdateInput).mutation(async ({ ctx, input }) => {
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
          before: before ? { name: before.name, className: before.className } : null,
          after: patch,
        },
        tx,
      );
      return teacher;
    });
  }),

  /**
   * `{ teacherId, active }` (principal, own school). A teacher who leaves is deactivated:
   * their observations and trajectory stay.
   */
  setActive: teacherScoped.principal
    .input(ZTeacherSetActiveInput)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const teacher = (await updateTeacher(tx, input.teacherId, { active: input.active }))!;
        await audit(
          ctx,
          {
            action: input.active ? 'teacher.reactivate' : 'teacher.deactivate',
            entity: 'teacher',
            entityId: input.teacherId,
            schoolId: ctx.scope.schoolId,
          },
          tx,
        );
        return teacher;
      });
    }),
});
