import {
  compareSchools,
  districtComparison,
  districtHeadline,
  getTeacherWithSchool,
  teacherObservations,
} from '@siklus/db';
import {
  cycleLabel,
  gain,
  type TCycleStatus,
  ZCompareSchoolsInput,
  ZDistrictComparisonInput,
  ZDistrictHeadlineInput,
  ZSchoolDetailInput,
  ZTeacherTrajectoryInput,
} from '@siklus/domain';
import { notFound } from '../errors';
import {
  assertInScope,
  districtProcedure,
  loadSchoolScope,
  router,
  studyScoped,
  teacherScoped,
} from '../trpc';
import { schoolDetail } from './school-detail';

const label = (ordinal: number) => ({
  id: cycleLabel(ordinal, 'id'),
  en: cycleLabel(ordinal, 'en'),
});

export const reportsRouter = router({
  /**
   * `{ sort?: { by, dir }, subdistrict?, schoolYear?, status?, search?, attention?, page?,
   * pageSize? }`
   * (supervisor/admin): one row per school and study, computed by Postgres; each row adds
   * whether the latest cycle meets the study's success criteria and why, from the domain's
   * evaluateCriteria fed with the SQL band counts.
   */
  districtComparison: districtProcedure
    .input(ZDistrictComparisonInput)
    .query(async ({ ctx, input }) => {
      const result = await districtComparison(ctx.db, {
        districtId: ctx.user.districtId,
        filters: {
          subdistrict: input.subdistrict,
          schoolYear: input.schoolYear,
          status: input.status,
          search: input.search,
          attention: input.attention,
        },
        sort: input.sort,
        page: input.page,
        pageSize: input.pageSize,
        basis: input.basis,
        // "Overdue" counts the district's calendar days at the request's clock.
        now: ctx.now(),
      });
      // Each row carries the criteria verdict and why (the db package evaluates it with the
      // domain's evaluateCriteria on the SQL band counts, from the sets read in the query).
      return {
        total: result.total,
        page: input.page,
        pageSize: input.pageSize,
        basis: input.basis,
        rows: result.rows,
      };
    }),

  /**
   * `{ basis? }` (supervisor/admin): the district's headline figures; the mean reads
   * approved cycles only unless `basis: 'submitted'`.
   */
  districtHeadline: districtProcedure
    .input(ZDistrictHeadlineInput)
    .query(({ ctx, input }) => districtHeadline(ctx.db, ctx.user.districtId, input.basis)),

  /**
   * `{ studyId, basis? }` (principal of the school, supervisors and admins of the
   * district): the teacher x cycle matrix with bands, per-cycle summaries, standing
   * (provisional, roster coverage) and criteria (judged only on a complete roster), gains
   * between consecutive cycles, baseline -> latest result (counted cycles only: approved,
   * or with submitted ones under `basis: 'submitted'`), stage notes, and printed-figure
   * mismatches.
   */
  schoolDetail: studyScoped.any.input(ZSchoolDetailInput).query(({ ctx, input }) =>
    schoolDetail(ctx.db, {
      districtId: ctx.scope.districtId,
      studyId: input.studyId,
      basis: input.basis,
    }),
  ),

  /**
   * `{ teacherId }` (principal of the school, supervisors and admins): every observation of
   * a teacher, study by study, with the gain between consecutive cycles.
   */
  teacherTrajectory: teacherScoped.any
    .input(ZTeacherTrajectoryInput)
    .query(async ({ ctx, input }) => {
      const teacher = await getTeacherWithSchool(ctx.db, input.teacherId);
      if (!teacher) throw notFound();
      const points = await teacherObservations(ctx.db, input.teacherId);
      const studies: {
        studyId: string;
        studyTitle: string;
        schoolYear: string;
        points: {
          cycleId: string;
          ordinal: number;
          label: { id: string; en: string };
          status: TCycleStatus;
          percentage: string;
          band: string;
          observedOn: string | null;
          gainFromPrevious: ReturnType<typeof gain> | null;
        }[];
      }[] = [];
      for (const p of points) {
        let study = studies.at(-1);
        if (!study || study.studyId !== p.studyId) {
          study = {
            studyId: p.studyId,
            studyTitle: p.studyTitle,
            schoolYear: p.schoolYear,
            points: [],
          };
          studies.push(study);
        }
        const previous = study.points.at(-1);
        study.points.push({
          cycleId: p.cycleId,
          ordinal: p.ordinal,
          label: label(p.ordinal),
          status: p.status,
          percentage: p.percentage,
          band: p.band,
          observedOn: p.observedOn,
          gainFromPrevious: previous ? gain(previous.percentage, p.percentage) : null,
        });
      }
      return { teacher, studies };
    }),

  /**
   * `{ schoolIds, basis? }` (supervisor/admin, at most 20 schools of the district): each
   * school's studies with the means of their counted cycles (approved; with `basis:
   * 'submitted'` submitted ones too, flagged `provisional`) side by side.
   */
  compareSchools: districtProcedure.input(ZCompareSchoolsInput).query(async ({ ctx, input }) => {
    const ids = [...new Set(input.schoolIds)];
    for (const id of ids) await assertInScope(ctx, loadSchoolScope, id, 'schoolIds');
    return {
      schools: await compareSchools(ctx.db, {
        districtId: ctx.user.districtId,
        schoolIds: ids,
        basis: input.basis,
      }),
    };
  }),
});
