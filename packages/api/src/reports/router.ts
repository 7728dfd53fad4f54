import {
  districtComparison,
  districtHeadline,
  getCycleRecord,
  schoolCycleMatrix,
  teacherObservations,
} from '@siklus/db';
import {
  checkPrintedFigures,
  classify,
  countsAsResult,
  criteriaInputFromPercentages,
  cycleLabel,
  cycleStanding,
  describeCriteria,
  gain,
  gainOfMeans,
  judgeCriteria,
  resultCycles,
  summarizeCycle,
  type TBandSet,
  type TSuccessCriteria,
  teacherGains,
  ZCompareSchoolsInput,
  ZDistrictComparisonInput,
  ZDistrictHeadlineInput,
  ZSchoolDetailInput,
  ZTeacherTrajectoryInput,
} from '@siklus/domain';
import { sql } from 'kysely';
import {
  assertInScope,
  districtProcedure,
  loadSchoolScope,
  router,
  studyScoped,
  teacherScoped,
} from '../trpc';

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
  schoolDetail: studyScoped.any.input(ZSchoolDetailInput).query(async ({ ctx, input }) => {
    const matrix = await schoolCycleMatrix(ctx.db, {
      districtId: ctx.scope.districtId,
      studyId: input.studyId,
    });
    const config = await ctx.db
      .selectFrom('studies as s')
      .innerJoin('criteria_set_versions as c', 'c.id', 's.criteria_set_version_id')
      .select('c.criteria')
      .where('s.id', '=', input.studyId)
      .executeTakeFirstOrThrow();
    const criteria = config.criteria as TSuccessCriteria;
    const bandSet = matrix.bandSet;
    const records = await Promise.all(matrix.cycles.map((c) => getCycleRecord(ctx.db, c.id)));

    const cycles = matrix.cycles.map((c, i) => {
      // Observed teachers in roster order: the order a printed table lists them.
      const percentages = matrix.teachers.flatMap((t) => {
        const cell = t.cells[i];
        return cell ? [cell.percentage] : [];
      });
      const record = records[i]!;
      const standing = cycleStanding({
        status: c.status,
        basis: input.basis,
        observedActive: c.observedActive,
        roster: matrix.roster,
      });
      return {
        ...c,
        standing,
        summary: summarizeCycle(percentages, bandSet),
        criteria: judgeCriteria(
          criteria,
          criteriaInputFromPercentages(percentages, bandSet),
          bandSet,
          standing.coverage,
        ),
        mismatches: checkPrintedFigures(
          {
            printedMean: c.printedMean,
            printedMeanBand: c.printedMeanBand,
            printedBands: c.printedBands,
          },
          percentages,
          bandSet,
        ),
        stages: {
          planning: { notes: record.planningNotes, date: record.planningDate },
          action: { notes: record.actionNotes, date: record.actionDate },
          observation: { notes: record.observationNotes, date: record.observationDate },
          reflection: { notes: record.reflectionNotes, date: record.reflectionDate },
        },
        reviewComment: record.reviewComment,
        percentages,
      };
    });

    const cyclePercentages = (i: number) =>
      matrix.teachers.flatMap((t) =>
        t.cells[i] ? [{ teacherId: t.id, percentage: t.cells[i]!.percentage }] : [],
      );
    const gains = cycles.slice(1).map((post, k) => {
      const pre = cycles[k]!;
      return {
        from: { ordinal: pre.ordinal, label: pre.label },
        to: { ordinal: post.ordinal, label: post.label },
        means: gainOfMeans(pre.percentages, post.percentages),
        teachers: teacherGains(cyclePercentages(k), cyclePercentages(k + 1)),
      };
    });
    // The study's result: the same counted cycles the district comparison reads.
    const { baseline, latest } = resultCycles(cycles, input.basis);
    const overall =
      baseline && latest && latest.ordinal > 0
        ? {
            from: { ordinal: baseline.ordinal, label: baseline.label },
            to: { ordinal: latest.ordinal, label: latest.label },
            means: gainOfMeans(baseline.percentages, latest.percentages),
            teachers: teacherGains(
              cyclePercentages(cycles.indexOf(baseline)),
              cyclePercentages(cycles.indexOf(latest)),
            ),
          }
        : null;

    return {
      study: matrix.study,
      basis: input.basis,
      /** The cycle the study's verdict reads (null until one counts). */
      resultOrdinal: latest?.ordinal ?? null,
      roster: matrix.roster,
      bandSet: { bands: bandSet.bands },
      criteria: {
        criteria: criteria.criteria,
        description: { id: describeCriteria(criteria, 'id'), en: describeCriteria(criteria, 'en') },
      },
      cycles: cycles.map(({ percentages: _p, ...c }) => c),
      teachers: matrix.teachers,
      gains,
      overall,
      mismatchCount: cycles.reduce((n, c) => n + c.mismatches.length, 0),
    };
  }),

  /**
   * `{ teacherId }` (principal of the school, supervisors and admins): every observation of
   * a teacher, study by study, with the gain between consecutive cycles.
   */
  teacherTrajectory: teacherScoped.any
    .input(ZTeacherTrajectoryInput)
    .query(async ({ ctx, input }) => {
      const teacher = await ctx.db
        .selectFrom('teachers as t')
        .innerJoin('schools as s', 's.id', 't.school_id')
        .select([
          't.id',
          't.name',
          't.class_name as className',
          't.active',
          's.id as schoolId',
          's.name as schoolName',
        ])
        .where('t.id', '=', input.teacherId)
        .executeTakeFirstOrThrow();
      const points = await teacherObservations(ctx.db, input.teacherId);
      const studies: {
        studyId: string;
        studyTitle: string;
        schoolYear: string;
        points: {
          cycleId: string;
          ordinal: number;
          label: { id: string; en: string };
          status: string;
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
    const rows = await ctx.db
      .selectFrom('schools as sch')
      .innerJoin('studies as s', 's.school_id', 'sch.id')
      .innerJoin('band_set_versions as b', 'b.id', 's.band_set_version_id')
      .innerJoin('cycles as c', 'c.study_id', 's.id')
      .leftJoin('observations as o', 'o.cycle_id', 'c.id')
      .select([
        'sch.id as schoolId',
        's.id as studyId',
        's.title as studyTitle',
        's.school_year as schoolYear',
        's.created_at as studyCreatedAt',
        'b.bands',
        'c.id as cycleId',
        'c.ordinal',
        'c.status',
        sql<number>`count(o.id)::int`.as('n'),
        sql<string | null>`round(avg(o.percentage), 2)::text`.as('mean'),
      ])
      .where('sch.district_id', '=', ctx.user.districtId)
      .where('sch.id', 'in', ids)
      .groupBy(['sch.id', 's.id', 'b.id', 'c.id'])
      .orderBy('s.created_at')
      .orderBy('c.ordinal')
      .execute();
    const schools = await ctx.db
      .selectFrom('schools')
      .select(['id', 'name', 'npsn', 'subdistrict'])
      .where('district_id', '=', ctx.user.districtId)
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(schools.map((s) => [s.id, s]));
    return {
      schools: ids.map((id) => {
        const school = byId.get(id)!;
        const studies = new Map<
          string,
          {
            studyId: string;
            studyTitle: string;
            schoolYear: string;
            cycles: {
              cycleId: string;
              ordinal: number;
              label: { id: string; en: string };
              status: string;
              provisional: boolean;
              n: number;
              mean: string | null;
              meanBand: string | null;
            }[];
          }
        >();
        // Only results: approved cycles, or submitted ones too when asked.
        for (const r of rows.filter(
          (r) => r.schoolId === id && countsAsResult(r.status, input.basis),
        )) {
          let study = studies.get(r.studyId);
          if (!study) {
            study = {
              studyId: r.studyId,
              studyTitle: r.studyTitle,
              schoolYear: r.schoolYear,
              cycles: [],
            };
            studies.set(r.studyId, study);
          }
          study.cycles.push({
            cycleId: r.cycleId,
            ordinal: r.ordinal,
            label: label(r.ordinal),
            status: r.status,
            provisional: r.status !== 'approved',
            n: r.n,
            mean: r.mean,
            meanBand: r.mean === null ? null : classify(r.bands as TBandSet, r.mean).label,
          });
        }
        return { ...school, studies: [...studies.values()] };
      }),
    };
  }),
});
