import type { DB } from '@siklus/db';
import {
  type ConfigKind,
  criteriaOfBandSetStudies,
  deleteConfigDraft,
  getBandSetVersionBands,
  getConfigVersion,
  insertConfigItem,
  insertNextConfigVersion,
  listConfigItems,
  moveStudiesToBandSetVersion,
  previewBandSet,
  publishConfigVersion,
  updateConfigDraft,
} from '@siklus/db';
import {
  AppError,
  assertCriteriaFitBands,
  BAND_PRESETS,
  bandRanges,
  isAppError,
  parseOrThrow,
  type TBandSet,
  ZBandSet,
  ZBandSetPreviewInput,
  ZConfigCreateInput,
  ZConfigDuplicateInput,
  ZConfigImportInput,
  ZConfigUpdateDraftInput,
  ZConfigVersionInput,
  ZCriteriaCreateInput,
  ZCriteriaUpdateDraftInput,
  ZRubricDefinition,
  ZSuccessCriteria,
} from '@siklus/domain';
import type { Transaction } from 'kysely';
import { audit } from '../audit/record';
import type { Context } from '../context';
import { notFound } from '../errors';
import {
  adminProcedure,
  bandSetVersionScoped,
  criteriaSetVersionScoped,
  router,
  rubricVersionScoped,
} from '../trpc';

/*
 * The district's configuration (admins): rubrics, band sets and success criteria. One
 * lifecycle for the three: create a draft, edit it, publish it (then it never changes;
 * the database trigger also refuses), start a new draft version from a published one,
 * duplicate under a new name, export/import as JSON. A study keeps the rubric and criteria
 * versions it was created with, so its cycles compare. Band sets differ: publishing a
 * band set version moves the studies of that band set to it and reclassifies their
 * observations (docs/decisions/008-band-set-versions.md), so the district's bands mean
 * one thing everywhere.
 */

const AUDIT_NAME: Record<ConfigKind, string> = {
  rubric: 'rubric',
  bandSet: 'band_set',
  criteriaSet: 'criteria_set',
};

/** Checks a payload with the domain's schema; errors name the field inside `payload`. */
function validatePayload(kind: ConfigKind, payload: unknown): unknown {
  switch (kind) {
    case 'rubric':
      return parseOrThrow(ZRubricDefinition, payload, 'payload');
    case 'bandSet':
      return parseOrThrow(ZBandSet, payload, 'payload');
    case 'criteriaSet':
      return parseOrThrow(ZSuccessCriteria, payload, 'payload');
  }
}

async function checkCriteriaAgainst(
  ctx: Context & { user: { districtId: string } },
  criteria: unknown,
  bandSetVersionId: string | undefined,
): Promise<void> {
  if (!bandSetVersionId) return;
  const bands = await getBandSetVersionBands(ctx.db, ctx.user.districtId, bandSetVersionId);
  if (!bands) {
    throw new AppError(
      'NOT_FOUND',
      {
        id: 'Versi kategori tidak ditemukan di kabupaten ini',
        en: 'The band set version was not found in this district',
      },
      { field: 'bandSetVersionId' },
    );
  }
  assertCriteriaFitBands(parseOrThrow(ZSuccessCriteria, criteria, 'payload'), bands);
}

function versionView(v: NonNullable<Awaited<ReturnType<typeof getConfigVersion>>>) {
  return {
    id: v.id,
    itemId: v.itemId,
    name: v.name,
    description: v.description,
    version: v.version,
    latestVersion: v.latestVersion,
    status: v.status,
    editable: v.status === 'draft',
    publishedAt: v.publishedAt,
    createdAt: v.createdAt,
    inUse: v.inUse,
    payload: v.payload,
  };
}

type VersionScoped = typeof rubricVersionScoped;

/**
 * Criteria that name a band the new version lacks could no longer be evaluated for the
 * studies that would move to it: CONFLICT naming the criteria set.
 */
function criteriaThatDoNotFit(
  uses: Awaited<ReturnType<typeof criteriaOfBandSetStudies>>,
  bandSet: TBandSet,
) {
  return uses.flatMap((u) => {
    try {
      assertCriteriaFitBands(u.criteria, bandSet);
      return [];
    } catch (error) {
      if (!isAppError(error)) throw error;
      return [
        {
          criteriaVersionId: u.criteriaVersionId,
          name: u.name,
          version: u.version,
          studies: u.studies,
          messages: error.messages,
        },
      ];
    }
  });
}

/**
 * Publishing a band set version: the studies on its other versions move to it (after the
 * check that their criteria still fit) and one audit row per moved study names its school.
 */
async function publishBandSet(
  ctx: Context & { user: { id: string; districtId: string } },
  tx: Transaction<DB>,
  versionId: string,
  bandSet: TBandSet,
) {
  const districtId = ctx.user.districtId;
  const misfits = criteriaThatDoNotFit(
    await criteriaOfBandSetStudies(tx, districtId, versionId),
    bandSet,
  );
  const first = misfits[0];
  if (first) {
    throw new AppError(
      'CONFLICT',
      {
        id: `Kriteria keberhasilan “${first.name}” v${first.version} (${first.studies} penelitian) tidak cocok dengan kategori ini: ${first.messages.id}. Terbitkan kriteria yang cocok atau pertahankan kategorinya.`,
        en: `Success criteria “${first.name}” v${first.version} (${first.studies} studies) do not fit these bands: ${first.messages.en}. Publish criteria that fit, or keep that band.`,
      },
      { field: 'payload', details: { misfits } },
    );
  }
  const moves = await moveStudiesToBandSetVersion(tx, districtId, versionId);
  for (const m of moves) {
    await audit(
      ctx,
      {
        action: 'study.band_set_moved',
        entity: 'study',
        entityId: m.studyId,
        schoolId: m.schoolId,
        before: { bandSetVersionId: m.fromVersionId },
        after: { bandSetVersionId: versionId, observationsChanged: m.observationsChanged },
      },
      tx,
    );
  }
  return {
    studiesMoved: moves.length,
    observationsChanged: moves.reduce((sum, m) => sum + m.observationsChanged, 0),
  };
}

/** The lifecycle's procedures for one kind, as a record to spread into a router. */
/*
 * Not generic over the kind: the three routers get one type (each kind's strict schema
 * still refuses the other kind's keys at run time), so the admin app can hold any of them
 * as `typeof trpc.config.rubrics` without a cast.
 */
function versionedProcedures(
  kind: ConfigKind,
  scoped: VersionScoped,
  inputs: {
    create: typeof ZConfigCreateInput | typeof ZCriteriaCreateInput;
    update: typeof ZConfigUpdateDraftInput | typeof ZCriteriaUpdateDraftInput;
  },
) {
  const what = AUDIT_NAME[kind];
  const createInput = inputs.create;
  const updateInput = inputs.update;

  const load = async (ctx: Context, versionId: string) => {
    const v = await getConfigVersion(ctx.db, kind, versionId);
    if (!v) throw notFound();
    return v;
  };

  return {
    /** Every item with its versions (newest first) and "in use by N studies". */
    list: adminProcedure.query(({ ctx }) => listConfigItems(ctx.db, kind, ctx.user.districtId)),

    /** `{ versionId }`: one version with its payload. */
    get: scoped.admin
      .input(ZConfigVersionInput)
      .query(async ({ ctx, input }) => versionView(await load(ctx, input.versionId))),

    /** `{ name, description?, payload }` (+ `bandSetVersionId?` for criteria): a new draft v1. */
    create: adminProcedure.input(createInput).mutation(async ({ ctx, input }) => {
      const payload = validatePayload(kind, input.payload);
      if ('bandSetVersionId' in input) {
        await checkCriteriaAgainst(ctx, payload, input.bandSetVersionId);
      }
      return ctx.db.transaction().execute(async (tx) => {
        const created = await insertConfigItem(tx, kind, {
          districtId: ctx.user.districtId,
          name: input.name,
          description: input.description ?? null,
          payload,
          createdBy: ctx.user.id,
        });
        await audit(
          ctx,
          {
            action: `${what}.create`,
            entity: what,
            entityId: created.versionId,
            after: { name: input.name, version: 1 },
          },
          tx,
        );
        return created;
      });
    }),

    /**
     * `{ versionId, name?, description?, payload? }` (+ `bandSetVersionId?` for criteria):
     * edits a draft. A published version answers CONFLICT.
     */
    // Typed as either kind's input (the criteria one adds `bandSetVersionId`); at run time
    // each kind's strict schema refuses the other's keys.
    updateDraft: scoped.admin.input(updateInput).mutation(async ({ ctx, input }) => {
      const payload =
        input.payload === undefined ? undefined : validatePayload(kind, input.payload);
      if (payload !== undefined && 'bandSetVersionId' in input) {
        await checkCriteriaAgainst(ctx, payload, input.bandSetVersionId);
      }
      await ctx.db.transaction().execute(async (tx) => {
        await updateConfigDraft(tx, kind, {
          districtId: ctx.scope.districtId,
          versionId: input.versionId,
          name: input.name,
          description: input.description,
          payload,
        });
        await audit(
          ctx,
          {
            action: `${what}.update_draft`,
            entity: what,
            entityId: input.versionId,
            after: { name: input.name ?? null, payloadChanged: payload !== undefined },
          },
          tx,
        );
      });
      return versionView(await load(ctx, input.versionId));
    }),

    /** `{ versionId }`: publishes a draft; from now on it never changes. */
    publish: scoped.admin.input(ZConfigVersionInput).mutation(async ({ ctx, input }) => {
      const v = await load(ctx, input.versionId);
      // A draft saved before a schema tightened must still be valid when published.
      validatePayload(kind, v.payload);
      const moved = await ctx.db.transaction().execute(async (tx) => {
        await publishConfigVersion(tx, kind, input.versionId);
        const moved =
          kind === 'bandSet'
            ? await publishBandSet(
                ctx,
                tx,
                input.versionId,
                parseOrThrow(ZBandSet, v.payload, 'payload'),
              )
            : null;
        await audit(
          ctx,
          {
            action: `${what}.publish`,
            entity: what,
            entityId: input.versionId,
            before: { status: 'draft' },
            after: { status: 'published', name: v.name, version: v.version, ...moved },
          },
          tx,
        );
        return moved;
      });
      return { ...versionView(await load(ctx, input.versionId)), moved };
    }),

    /** `{ versionId }`: a new draft version of the same item, copied from this one. */
    newVersion: scoped.admin.input(ZConfigVersionInput).mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        const created = await insertNextConfigVersion(tx, kind, {
          districtId: ctx.scope.districtId,
          fromVersionId: input.versionId,
          createdBy: ctx.user.id,
        });
        await audit(
          ctx,
          {
            action: `${what}.new_version`,
            entity: what,
            entityId: created.versionId,
            after: { from: input.versionId, version: created.version },
          },
          tx,
        );
        return created;
      }),
    ),

    /** `{ versionId }`: deletes a draft (an item left without versions goes too). */
    deleteDraft: scoped.admin.input(ZConfigVersionInput).mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        await deleteConfigDraft(tx, kind, input.versionId);
        await audit(
          ctx,
          { action: `${what}.delete_draft`, entity: what, entityId: input.versionId },
          tx,
        );
        return { ok: true as const };
      }),
    ),

    /** `{ versionId, name }`: a new item (draft v1) with this version's content. */
    duplicate: scoped.admin.input(ZConfigDuplicateInput).mutation(async ({ ctx, input }) => {
      const v = await load(ctx, input.versionId);
      return ctx.db.transaction().execute(async (tx) => {
        const created = await insertConfigItem(tx, kind, {
          districtId: ctx.scope.districtId,
          name: input.name,
          description: v.description,
          payload: v.payload,
          createdBy: ctx.user.id,
        });
        await audit(
          ctx,
          {
            action: `${what}.duplicate`,
            entity: what,
            entityId: created.versionId,
            after: { from: input.versionId, name: input.name },
          },
          tx,
        );
        return created;
      });
    }),

    /** `{ versionId }`: the version as a JSON document for `import` elsewhere. */
    export: scoped.admin.input(ZConfigVersionInput).query(async ({ ctx, input }) => {
      const v = await load(ctx, input.versionId);
      return {
        format: 'siklus.config' as const,
        formatVersion: 1 as const,
        kind,
        name: v.name,
        description: v.description,
        payload: v.payload,
      };
    }),

    /** `{ document, name? }`: an exported document becomes a new draft item. */
    import: adminProcedure.input(ZConfigImportInput).mutation(async ({ ctx, input }) => {
      if (input.document.kind !== kind) {
        throw new AppError(
          'BAD_REQUEST',
          {
            id: `Berkas ini berisi ${input.document.kind}, bukan ${kind}`,
            en: `This file holds a ${input.document.kind}, not a ${kind}`,
          },
          { field: 'document.kind' },
        );
      }
      const payload = validatePayload(kind, input.document.payload);
      const name = input.name ?? input.document.name;
      return ctx.db.transaction().execute(async (tx) => {
        const created = await insertConfigItem(tx, kind, {
          districtId: ctx.user.districtId,
          name,
          description: input.document.description ?? null,
          payload,
          createdBy: ctx.user.id,
        });
        await audit(
          ctx,
          {
            action: `${what}.import`,
            entity: what,
            entityId: created.versionId,
            after: { name },
          },
          tx,
        );
        return created;
      });
    }),
  };
}

export const configRouter = router({
  rubrics: router(
    versionedProcedures('rubric', rubricVersionScoped, {
      create: ZConfigCreateInput,
      update: ZConfigUpdateDraftInput,
    }),
  ),
  bandSets: router({
    ...versionedProcedures('bandSet', bandSetVersionScoped, {
      create: ZConfigCreateInput,
      update: ZConfigUpdateDraftInput,
    }),
    /** The domain's presets (PTS default, PKG) to start a band set from. */
    presets: adminProcedure.query(() =>
      BAND_PRESETS.map((p) => ({ ...p, ranges: bandRanges(p.bandSet) })),
    ),
    /**
     * `{ versionId, bands: [{ from, label }] }`: what publishing `bands` as this version
     * would do to the studies on any version of its band set (they move to it): how many
     * observations and cycle means change band, per school, and which of their success
     * criteria would no longer fit (publishing is refused then).
     */
    preview: bandSetVersionScoped.admin
      .input(ZBandSetPreviewInput)
      .query(async ({ ctx, input }) => {
        const bandSet = parseOrThrow(ZBandSet, { bands: input.bands });
        const districtId = ctx.scope.districtId;
        const [impact, criteria] = await Promise.all([
          previewBandSet(ctx.db, districtId, input.versionId, bandSet),
          criteriaOfBandSetStudies(ctx.db, districtId, input.versionId),
        ]);
        return {
          ranges: bandRanges(bandSet),
          ...impact,
          criteriaMisfits: criteriaThatDoNotFit(criteria, bandSet),
        };
      }),
  }),
  criteriaSets: router(
    versionedProcedures('criteriaSet', criteriaSetVersionScoped, {
      create: ZCriteriaCreateInput,
      update: ZCriteriaUpdateDraftInput,
    }),
  ),
});
