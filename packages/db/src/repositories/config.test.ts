import { classify, PTS_DEFAULT_BANDS, type TBandSet, ZBandSet } from '@siklus/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDb,
  makeBandSetVersion,
  makeCycle,
  makeDistrict,
  makeObservation,
  makeSchool,
  makeStudy,
  type TestDb,
} from '../testing';
import {
  bandOf,
  criteriaOfBandSetStudies,
  insertConfigItem,
  insertNextConfigVersion,
  moveStudiesToBandSetVersion,
  previewBandSet,
  publishConfigVersion,
  updateConfigDraft,
} from './config';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

/** Baik from 76 instead of 71: 75.00 goes from Baik to Cukup. */
const BAIK_AT_76 = {
  bands: PTS_DEFAULT_BANDS.bands.map((b) => (b.label === 'Baik' ? { ...b, from: '76.00' } : b)),
};

describe('band set versions: preview and publish', () => {
  it('counts and moves only the studies of the edited band set, per school, all versions', async () => {
    const district = await makeDistrict(t.db);
    const scope = { district_id: district.id };
    const [a, b, c] = [
      await makeSchool(t.db, scope),
      await makeSchool(t.db, scope),
      await makeSchool(t.db, scope),
    ];
    // Version 1 and 2 of one band set; school A is on v1, school B on v2 (both must move),
    // school C on an unrelated band set with the same bounds (never touched).
    const item = await insertConfigItem(t.db, 'bandSet', {
      districtId: district.id,
      name: 'Kriteria PTS',
      description: null,
      payload: PTS_DEFAULT_BANDS,
      createdBy: null,
    });
    await publishConfigVersion(t.db, 'bandSet', item.versionId);
    const v2 = await insertNextConfigVersion(t.db, 'bandSet', {
      districtId: district.id,
      fromVersionId: item.versionId,
      createdBy: null,
    });
    await publishConfigVersion(t.db, 'bandSet', v2.versionId);
    const unrelated = await makeBandSetVersion(t.db, scope);

    const studyWith = async (schoolId: string, bandSetVersionId: string, ps: string[]) => {
      const study = await makeStudy(t.db, {
        ...scope,
        school_id: schoolId,
        band_set_version_id: bandSetVersionId,
      });
      const cycle = await makeCycle(t.db, { study_id: study.id });
      for (const percentage of ps) await makeObservation(t.db, { cycle_id: cycle.id, percentage });
      return { study, cycle };
    };
    const onV1 = await studyWith(a.id, item.versionId, ['75.00', '80.00', '60.00']);
    const onV2 = await studyWith(b.id, v2.versionId, ['90.00']);
    const other = await studyWith(c.id, unrelated.id, ['75.00']);

    const v3 = await insertNextConfigVersion(t.db, 'bandSet', {
      districtId: district.id,
      fromVersionId: v2.versionId,
      createdBy: null,
    });
    await updateConfigDraft(t.db, 'bandSet', {
      districtId: district.id,
      versionId: v3.versionId,
      payload: BAIK_AT_76,
    });

    // 75.00 Baik -> Cukup; the mean 71.67 stays Baik under 71, becomes Cukup under 76.
    const preview = await previewBandSet(t.db, district.id, v3.versionId, BAIK_AT_76);
    expect(preview.totals).toEqual({
      studies: 2,
      observations: 4,
      observationsChanged: 1,
      cycles: 2,
      cycleMeansChanged: 1,
    });
    expect(
      preview.schools.map((s) => [s.schoolId, s.observationsChanged, s.cycleMeansChanged]),
    ).toEqual([
      [a.id, 1, 1],
      [b.id, 0, 0],
    ]);
    expect(await criteriaOfBandSetStudies(t.db, district.id, v3.versionId)).toHaveLength(2);

    await publishConfigVersion(t.db, 'bandSet', v3.versionId);
    const moves = await moveStudiesToBandSetVersion(t.db, district.id, v3.versionId);
    expect(
      moves.map((m) => [m.studyId, m.schoolId, m.fromVersionId, m.observationsChanged]).sort(),
    ).toEqual(
      [
        [onV1.study.id, a.id, item.versionId, 1],
        [onV2.study.id, b.id, v2.versionId, 0],
      ].sort(),
    );

    const studies = await t.db
      .selectFrom('studies')
      .select(['id', 'band_set_version_id'])
      .where('district_id', '=', district.id)
      .execute();
    expect(Object.fromEntries(studies.map((s) => [s.id, s.band_set_version_id]))).toEqual({
      [onV1.study.id]: v3.versionId,
      [onV2.study.id]: v3.versionId,
      [other.study.id]: unrelated.id,
    });
    const bands = await t.db
      .selectFrom('observations')
      .innerJoin('cycles', 'cycles.id', 'observations.cycle_id')
      .select(['cycles.study_id', 'observations.percentage', 'observations.band'])
      .where('observations.district_id', '=', district.id)
      .orderBy('observations.percentage')
      .orderBy('observations.band')
      .execute();
    expect(bands.map((o) => [o.study_id, o.percentage, o.band])).toEqual([
      [onV1.study.id, '60.00', 'Cukup'],
      [other.study.id, '75.00', 'Baik'],
      [onV1.study.id, '75.00', 'Cukup'],
      [onV1.study.id, '80.00', 'Baik'],
      [onV2.study.id, '90.00', 'Sangat Baik'],
    ]);

    // The per-cycle band counts the comparison reads (kept by the observation triggers)
    // follow the reclassification.
    const { rows: drift } = await sql`
      select cycle_id, band, count from cycle_band_counts where district_id = ${district.id}
      except
      select cycle_id, band, count(*)::int from observations where district_id = ${district.id}
      group by cycle_id, band`.execute(t.db);
    expect(drift).toEqual([]);
    const { rows: counts } = await sql<{ band: string; count: number }>`
      select band, count from cycle_band_counts where cycle_id = ${onV1.cycle.id}
      order by band`.execute(t.db);
    expect(counts).toEqual([
      { band: 'Baik', count: 1 },
      { band: 'Cukup', count: 2 },
    ]);

    // Publishing again moves nothing, and the stored bands now agree with the preview.
    expect(await moveStudiesToBandSetVersion(t.db, district.id, v3.versionId)).toEqual([]);
    const after = await previewBandSet(t.db, district.id, v3.versionId, BAIK_AT_76);
    expect(after.totals.observationsChanged + after.totals.cycleMeansChanged).toBe(0);
  });
});

describe('bandOf, the SQL twin of classify', () => {
  /** A lower bound written the ways an admin may type it: "51", "51.5", "51.50". */
  const boundText = (hundredths: number, style: number) => {
    const fixed = (hundredths / 100).toFixed(2);
    if (style === 0) return fixed;
    const trimmed = fixed.replace(/0+$/, '').replace(/\.$/, '');
    return style === 1 ? trimmed : `${trimmed}${trimmed.includes('.') ? '' : '.0'}`;
  };
  const bandSetArb: fc.Arbitrary<TBandSet> = fc
    .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: 0, maxLength: 6 })
    .chain((bounds) =>
      fc
        .array(fc.integer({ min: 0, max: 2 }), {
          minLength: bounds.length + 1,
          maxLength: bounds.length + 1,
        })
        .map((styles) => {
          const sorted = [0, ...bounds.sort((a, b) => a - b)];
          return ZBandSet.parse({
            bands: sorted.map((h, i) => ({ from: boundText(h, styles[i]!), label: `B${i}` })),
          });
        }),
    );
  const valueArb = fc.integer({ min: 0, max: 10_000 }).map((h) => (h / 100).toFixed(2));

  it('gives the label classify gives, for every value and band set', async () => {
    await fc.assert(
      fc.asyncProperty(
        bandSetArb,
        fc.array(valueArb, { maxLength: 40 }),
        async (bandSet, random) => {
          // Each bound and the value just below it: where an off-by-one would show.
          const edges = bandSet.bands.flatMap((b) => {
            const h = Math.round(Number(b.from) * 100);
            return [h, h - 1].filter((x) => x >= 0).map((x) => (x / 100).toFixed(2));
          });
          const values = [...new Set([...random, ...edges, '0.00', '100.00'])];
          const set = sql`${JSON.stringify(bandSet.bands)}::jsonb`;
          const { rows } = await sql<{ value: string; band: string }>`
          select v::text as value, ${bandOf(sql`v`, set)} as band
          from unnest(${values}::numeric[]) as v`.execute(t.db);
          expect(rows).toHaveLength(values.length);
          for (const r of rows) {
            expect({ value: r.value, band: r.band }).toEqual({
              value: r.value,
              band: classify(bandSet, r.value).label,
            });
          }
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
