import {
  getCoObservation,
  getCycleContext,
  getObserverCandidate,
  insertCoObservation,
  listCompletedCoObservations,
  listCoObservationSheets,
  listCycleCoObservations,
  listDistrictSupervisors,
  listSchoolPrincipals,
  listUserCoObservations,
  loadCoObservationScope,
  lockCoObservation,
  upsertCoObservationSheet,
} from '@siklus/db';
import {
  AppError,
  calibrateObserver,
  classify,
  compareObservationPair,
  cycleLabel,
  scoreObservation,
  type TObservationInput,
  type TPairAgreement,
  ZCalibrationInput,
  ZCoObservationCreateInput,
  ZCoObservationGetInput,
  ZCoObservationListInput,
  ZCoObservationSaveInput,
} from '@siklus/domain';
import { audit, auditRefusal } from '../audit/record';
import type { Role } from '../context';
import { forbidden, notFound } from '../errors';
import {
  authedProcedure,
  cycleScoped,
  districtProcedure,
  loadTeacherScope,
  router,
  type ScopeLoader,
  scopedProcedures,
} from '../trpc';

/*
 * Co-observation (issue 18). The rule that makes it worth anything: each observer scores
 * alone. The server shows a sheet to its own author only until both sides are saved; then
 * both are shown to everyone in scope, and neither can change any more (else one could
 * adjust after looking). Saving takes a row lock on the pair, so the two last saves cannot
 * race past that rule.
 */

type CoScope = Awaited<ReturnType<typeof loadCoObservationScope>> & {};

const loadScope: ScopeLoader<NonNullable<CoScope>> = (ctx, id) =>
  loadCoObservationScope(ctx.db, id);

/** `{ coObservationId }`: the pair's school for principals, its district for the rest. */
const coObservationScoped = scopedProcedures('coObservationId', loadScope);

const CREATORS: readonly Role[] = ['principal', 'supervisor'];

const sideOf = (scope: NonNullable<CoScope>, userId: string): 'first' | 'second' | null =>
  scope.firstObserverId === userId ? 'first' : scope.secondObserverId === userId ? 'second' : null;

const LOCKED = new AppError('CONFLICT', {
  id: 'Kedua lembar sudah disimpan; penilaian pasangan ini dikunci agar tetap independen',
  en: 'Both sheets are saved; this pair is locked so the scores stay independent',
});

export const coObservationRouter = router({
  /**
   * A new co-observed lesson of one teacher in a cycle. A principal names the second
   * observer; a supervisor is the second observer and the school's principal the first.
   */
  create: cycleScoped.any
    .use(async ({ ctx, next, path }) => {
      // Principals open a pair for their school, supervisors for any school of theirs.
      if (!CREATORS.includes(ctx.user.role)) {
        await auditRefusal(ctx, { path, reason: 'role', target: null });
        throw forbidden();
      }
      return next();
    })
    .input(ZCoObservationCreateInput)
    .mutation(async ({ ctx, input }) => {
      const cycle = await getCycleContext(ctx.db, input.cycleId);
      if (!cycle) throw notFound();
      const teacher = await loadTeacherScope(ctx, input.teacherId);
      if (!teacher || teacher.schoolId !== cycle.schoolId) {
        throw new AppError(
          'BAD_REQUEST',
          {
            id: 'Guru ini tidak mengajar di sekolah siklus ini',
            en: 'This teacher does not teach at the school of this cycle',
          },
          { field: 'teacherId' },
        );
      }

      let firstObserverId: string;
      let secondObserverId: string;
      if (ctx.user.role === 'principal') {
        if (!input.secondObserverId) {
          throw new AppError(
            'BAD_REQUEST',
            { id: 'Pilih pengamat kedua', en: 'Choose the second observer' },
            { field: 'secondObserverId' },
          );
        }
        const second = await getObserverCandidate(
          ctx.db,
          ctx.user.districtId,
          input.secondObserverId,
        );
        const allowed =
          second?.active &&
          second.id !== ctx.user.id &&
          (second.role === 'supervisor' ||
            (second.role === 'principal' && second.schoolId === cycle.schoolId));
        if (!allowed) {
          throw new AppError(
            'BAD_REQUEST',
            {
              id: 'Pengamat kedua harus pengawas di kabupaten ini atau akun lain dari sekolah ini',
              en: 'The second observer must be a supervisor of this district or another account of this school',
            },
            { field: 'secondObserverId' },
          );
        }
        firstObserverId = ctx.user.id;
        secondObserverId = second.id;
      } else {
        const [principal] = await listSchoolPrincipals(ctx.db, cycle.schoolId);
        if (!principal) {
          throw new AppError('BAD_REQUEST', {
            id: 'Sekolah ini belum memiliki akun kepala sekolah yang aktif',
            en: 'This school has no active principal account yet',
          });
        }
        firstObserverId = principal.id;
        secondObserverId = ctx.user.id;
      }

      return ctx.db.transaction().execute(async (tx) => {
        const row = await insertCoObservation(tx, {
          districtId: cycle.districtId,
          schoolId: cycle.schoolId,
          cycleId: input.cycleId,
          teacherId: input.teacherId,
          firstObserverId,
          secondObserverId,
          observedOn: input.observedOn ?? null,
          createdBy: ctx.user.id,
        });
        if (!row) {
          throw new AppError('CONFLICT', {
            id: 'Pelajaran guru ini sudah diamati bersama pengamat yang sama pada siklus ini',
            en: "This teacher's lesson already has a co-observation with the same observer in this cycle",
          });
        }
        await audit(
          ctx,
          {
            action: 'coObservation.create',
            entity: 'coObservation',
            entityId: row.id,
            schoolId: cycle.schoolId,
            after: {
              cycleId: input.cycleId,
              teacherId: input.teacherId,
              firstObserverId,
              secondObserverId,
            },
          },
          tx,
        );
        return { id: row.id };
      });
    }),

  /** Who a principal may name as the second observer for a cycle of their school. */
  observers: cycleScoped.principal.query(async ({ ctx, input }) => {
    const cycle = await getCycleContext(ctx.db, input.cycleId);
    if (!cycle) throw notFound();
    const [supervisors, principals] = await Promise.all([
      listDistrictSupervisors(ctx.db, ctx.user.districtId),
      listSchoolPrincipals(ctx.db, cycle.schoolId),
    ]);
    return [
      ...supervisors.map((u) => ({ ...u, role: 'supervisor' as const })),
      ...principals
        .filter((u) => u.id !== ctx.user.id)
        .map((u) => ({ ...u, role: 'principal' as const })),
    ];
  }),

  /** The co-observed lessons of a cycle: who observes and which sheets are saved. */
  list: cycleScoped.any.input(ZCoObservationListInput).query(async ({ ctx, input }) => {
    const rows = await listCycleCoObservations(ctx.db, input.cycleId);
    return rows.map(withLabel);
  }),

  /** The lessons the signed-in user co-observes, on either side. */
  mine: authedProcedure.query(async ({ ctx }) => {
    const rows = await listUserCoObservations(ctx.db, ctx.user.districtId, ctx.user.id);
    return rows.map((r) => ({
      ...withLabel(r),
      mySide: r.firstObserverId === ctx.user.id ? ('first' as const) : ('second' as const),
    }));
  }),

  /**
   * One pair. Before both sheets are saved, only the caller's own sheet comes back; after,
   * both and the agreement between them.
   */
  get: coObservationScoped.any.input(ZCoObservationGetInput).query(async ({ ctx, input }) => {
    const pair = await getCoObservation(ctx.db, input.coObservationId);
    if (!pair) throw notFound();
    const sheets = await listCoObservationSheets(ctx.db, input.coObservationId);
    const mySide = sideOf(ctx.scope, ctx.user.id);
    const complete = sheets.length === 2;
    const visible = (side: 'first' | 'second') => {
      const sheet = sheets.find((s) => s.side === side);
      if (!sheet) return null;
      if (!complete && side !== mySide) return null;
      return {
        input: sheet.input,
        percentage: sheet.percentage,
        band: sheet.band,
        savedAt: sheet.savedAt,
      };
    };
    const definition = pair.definition;
    const bandSet = pair.bands;
    const first = sheets.find((s) => s.side === 'first');
    const second = sheets.find((s) => s.side === 'second');
    return {
      id: pair.id,
      schoolId: pair.schoolId,
      schoolName: pair.schoolName,
      cycleId: pair.cycleId,
      cycleLabel: { id: cycleLabel(pair.ordinal, 'id'), en: cycleLabel(pair.ordinal, 'en') },
      studyTitle: pair.studyTitle,
      teacherId: pair.teacherId,
      teacherName: pair.teacherName,
      observedOn: pair.observedOn,
      firstObserver: { id: pair.firstObserverId, name: pair.firstObserverName },
      secondObserver: { id: pair.secondObserverId, name: pair.secondObserverName },
      definition,
      bandSet,
      mySide,
      saved: { first: Boolean(first), second: Boolean(second) },
      locked: complete,
      sheets: { first: visible('first'), second: visible('second') },
      agreement:
        first && second
          ? publicAgreement(compareObservationPair(definition, bandSet, first.input, second.input))
          : null,
    };
  }),

  /** Saves the caller's own sheet; refused once both are saved. */
  save: coObservationScoped.any
    .input(ZCoObservationSaveInput)
    .mutation(async ({ ctx, input, path }) => {
      const side = sideOf(ctx.scope, ctx.user.id);
      if (!side) {
        await auditRefusal(ctx, {
          path,
          reason: 'not-an-observer',
          target: { key: 'coObservationId', id: input.coObservationId },
        });
        throw forbidden();
      }
      const pair = await getCoObservation(ctx.db, input.coObservationId);
      if (!pair) throw notFound();
      const observation: TObservationInput =
        input.kind === 'indicators'
          ? { kind: 'indicators', scores: input.scores }
          : { kind: 'summary', percentage: input.percentage };
      const definition = pair.definition;
      const score = scoreObservation(definition, observation);
      const band = classify(pair.bands, score.percentage).label;

      return ctx.db.transaction().execute(async (tx) => {
        await lockCoObservation(tx, input.coObservationId);
        const before = await listCoObservationSheets(tx, input.coObservationId);
        if (before.length === 2) throw LOCKED;
        await upsertCoObservationSheet(tx, {
          coObservationId: input.coObservationId,
          districtId: ctx.scope.districtId,
          side,
          observerId: ctx.user.id,
          input: observation,
          percentage: score.percentage,
          band,
        });
        await audit(
          ctx,
          {
            action: 'coObservation.save',
            entity: 'coObservation',
            entityId: input.coObservationId,
            schoolId: ctx.scope.schoolId,
            after: { side, percentage: score.percentage, band },
          },
          tx,
        );
        const complete = before.length === 1 && before[0]?.side !== side;
        return { side, percentage: score.percentage, band, complete };
      });
    }),

  /**
   * The district's calibration: for every principal with co-observed lessons, agreement
   * (quadratic kappa, exact and adjacent shares) and bias (mean difference with its 95%
   * interval), with the number of pairs; no verdict below the minimum number of pairs.
   * Ranked with the ones worth a look first, then by |bias|, then by kappa.
   */
  calibration: districtProcedure.input(ZCalibrationInput).query(async ({ ctx, input }) => {
    const rows = await listCompletedCoObservations(ctx.db, ctx.user.districtId);
    const byObserver = new Map<
      string,
      { name: string; schoolId: string; schoolName: string; pairs: TPairAgreement[] }
    >();
    for (const r of rows) {
      const pair = compareObservationPair(r.definition, r.bands, r.firstInput, r.secondInput);
      const entry = byObserver.get(r.firstObserverId) ?? {
        name: r.firstObserverName,
        schoolId: r.schoolId,
        schoolName: r.schoolName,
        pairs: [],
      };
      entry.pairs.push(pair);
      byObserver.set(r.firstObserverId, entry);
    }
    const minPairs = input?.minPairs;
    const results = [...byObserver.entries()].map(([observerId, e]) => ({
      observerId,
      observerName: e.name,
      schoolId: e.schoolId,
      schoolName: e.schoolName,
      ...calibrateObserver(e.pairs, minPairs === undefined ? {} : { minPairs }),
    }));
    const rank = { check: 0, consistent: 1, 'too-few-pairs': 2 } as const;
    const abs = (v: string | null) => (v === null ? 0 : Math.abs(Number(v)));
    results.sort(
      (a, b) =>
        rank[a.verdict] - rank[b.verdict] ||
        // Ranking only: the figures shown are the exact strings.
        abs(b.bias.mean) - abs(a.bias.mean) ||
        Number(a.kappa.kappa ?? 2) - Number(b.kappa.kappa ?? 2) ||
        a.observerName.localeCompare(b.observerName),
    );
    return results;
  }),
});

function withLabel<T extends { ordinal: number }>(row: T) {
  return {
    ...row,
    cycleLabel: { id: cycleLabel(row.ordinal, 'id'), en: cycleLabel(row.ordinal, 'en') },
  };
}

/** The pair's agreement without the raw rating list (the sheets carry the scores). */
function publicAgreement(a: TPairAgreement) {
  const { ratings: _ratings, ...rest } = a;
  return rest;
}
