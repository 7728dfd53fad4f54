import { randomUUID } from 'node:crypto';
import {
  PTS_DEFAULT_BANDS,
  type TCycleStatus,
  type TRubricDefinition,
  ZRubricDefinition,
} from '@siklus/domain';
import type { Insertable, Kysely } from 'kysely';
import { jsonb } from '../json';
import { createRng } from '../random';
import { ensureSubdistricts } from '../repositories/subdistricts';
import type { DB } from '../schema';
import { indicatorRows, insertBatches, insertUnnest, observe } from '../seed/generate';
import { CLASS_NAMES, DEGREES, FIRST_NAMES, LAST_NAMES } from '../seed/names';
import { COLLABORATIVE_RUBRIC, PTS_SUCCESS_CRITERIA, SUMMARY_RUBRIC } from '../seed/rubrics';

/*
 * A large synthetic district for benchmarks: N schools of 6-30 teachers, one study each
 * (a few schools without), 2-4 cycles, two in five scored per indicator, the rest by summary
 * percentage, every figure from the domain package. Deterministic for a given seed apart
 * from row ids; rows go in 1000-row batches in one transaction.
 */

const UNNEST_BATCH = 20_000;

export interface SynthOptions {
  schools: number;
  seed: number;
  districtName?: string;
}

export interface SynthResult {
  districtId: string;
  counts: {
    schools: number;
    teachers: number;
    studies: number;
    cycles: number;
    observations: number;
    indicatorScores: number;
  };
  /** Time spent generating rows in Node and inserting them, in milliseconds. */
  generateMs: number;
  insertMs: number;
}

const SUBDISTRICTS = [
  'Cibinong',
  'Citeureup',
  'Gunung Putri',
  'Cileungsi',
  'Klapanunggal',
  'Jonggol',
  'Bojonggede',
  'Ciomas',
  'Dramaga',
  'Leuwiliang',
  'Parung',
  'Ciawi',
  'Megamendung',
  'Babakan Madang',
  'Cisarua',
  'Caringin',
  'Cijeruk',
  'Tajurhalang',
  'Kemang',
  'Rumpin',
];

const TEACHER_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'district_id', type: 'uuid' },
  { name: 'school_id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'class_name', type: 'text' },
  { name: 'sort_order', type: 'int' },
] as const;
const OBSERVATION_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'district_id', type: 'uuid' },
  { name: 'cycle_id', type: 'uuid' },
  { name: 'teacher_id', type: 'uuid' },
  { name: 'percentage', type: 'numeric' },
  { name: 'band', type: 'text' },
] as const;
const SCORE_COLUMNS = [
  { name: 'district_id', type: 'uuid' },
  { name: 'observation_id', type: 'uuid' },
  { name: 'indicator_key', type: 'text' },
  { name: 'score', type: 'int' },
  { name: 'not_applicable', type: 'bool' },
] as const;

/** NPSNs from 9xxxxxxx, offset by the seed so different seeds rarely meet. */
function npsnFor(seed: number, i: number): string {
  return `9${String((seed * 104_729 + i) % 10_000_000).padStart(7, '0')}`;
}

export async function synthesize(db: Kysely<DB>, options: SynthOptions): Promise<SynthResult> {
  const { schools: schoolCount, seed } = options;
  if (!Number.isInteger(schoolCount) || schoolCount < 1 || schoolCount > 10_000_000) {
    throw new Error('schools must be an integer from 1 to 10,000,000');
  }
  const rng = createRng(seed);
  const districtName = options.districtName ?? `Kabupaten Sintetis ${seed}`;

  return db.transaction().execute(async (trx) => {
    const started = performance.now();
    const district = await trx
      .insertInto('districts')
      .values({ name: districtName, province: 'Jawa Barat' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const districtId = district.id;
    const published = {
      district_id: districtId,
      version: 1,
      status: 'published' as const,
      published_at: new Date('2024-07-01T00:00:00Z'),
    };
    const parent = async (table: 'rubrics' | 'band_sets' | 'criteria_sets', name: string) =>
      (
        await trx
          .insertInto(table)
          .values({ district_id: districtId, name })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const rubricVersion = async (name: string, def: TRubricDefinition) =>
      (
        await trx
          .insertInto('rubric_versions')
          .values({
            ...published,
            rubric_id: await parent('rubrics', name),
            definition: jsonb(ZRubricDefinition.parse(def)),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const summaryId = await rubricVersion('Persentase Capaian', SUMMARY_RUBRIC);
    const indicatorsId = await rubricVersion(
      'Lembar Observasi Pembelajaran Kolaboratif',
      COLLABORATIVE_RUBRIC,
    );
    const bandSetId = (
      await trx
        .insertInto('band_set_versions')
        .values({
          ...published,
          band_set_id: await parent('band_sets', 'Kriteria PTS'),
          bands: jsonb(PTS_DEFAULT_BANDS),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const criteriaId = (
      await trx
        .insertInto('criteria_set_versions')
        .values({
          ...published,
          criteria_set_id: await parent('criteria_sets', 'Kriteria keberhasilan PTS'),
          criteria: jsonb(PTS_SUCCESS_CRITERIA),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    const schools: Insertable<DB['schools']>[] = [];
    const teachers: Insertable<DB['teachers']>[] = [];
    const studies: Insertable<DB['studies']>[] = [];
    const cycles: Insertable<DB['cycles']>[] = [];
    const observations: Insertable<DB['observations']>[] = [];
    const scores: Insertable<DB['indicator_scores']>[] = [];

    for (let s = 0; s < schoolCount; s++) {
      const schoolId = randomUUID();
      const subdistrict = SUBDISTRICTS[s % SUBDISTRICTS.length]!;
      schools.push({
        id: schoolId,
        district_id: districtId,
        npsn: npsnFor(seed, s),
        name: `SD Negeri ${subdistrict} ${Math.floor(s / SUBDISTRICTS.length) + 1}`,
        subdistrict,
      });
      const teacherIds: string[] = [];
      const teacherCount = rng.int(6, 30);
      for (let t = 0; t < teacherCount; t++) {
        const id = randomUUID();
        teacherIds.push(id);
        teachers.push({
          id,
          district_id: districtId,
          school_id: schoolId,
          name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}, ${rng.pick(DEGREES)}`,
          class_name: CLASS_NAMES[t % CLASS_NAMES.length]!,
          sort_order: t + 1,
        });
      }
      if (rng.chance(0.03)) continue; // a school that has not started a study

      // Two in five schools score per indicator (ten rows per observation); the rest enter
      // summary percentages. Keeps N = 2,000 under a minute on PGlite.
      const indicators = rng.chance(0.4);
      const def = indicators ? COLLABORATIVE_RUBRIC : SUMMARY_RUBRIC;
      const studyId = randomUUID();
      studies.push({
        id: studyId,
        district_id: districtId,
        school_id: schoolId,
        title: 'Peningkatan Kemampuan Guru Menerapkan Pembelajaran Kolaboratif',
        focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif',
        school_year: rng.pick(['2023/2024', '2024/2025']),
        semester: rng.pick(['ganjil', 'genap'] as const),
        rubric_version_id: indicators ? indicatorsId : summaryId,
        band_set_version_id: bandSetId,
        criteria_set_version_id: criteriaId,
      });
      const cycleCount = rng.int(2, 4);
      const lastStatus = rng.pick<TCycleStatus>([
        'draft',
        'submitted',
        'returned',
        'approved',
        'approved',
      ]);
      const levels = teacherIds.map(() => rng.int(35, 65) + rng.next());
      const growth = rng.int(2, 12);
      for (let ordinal = 0; ordinal < cycleCount; ordinal++) {
        const cycleId = randomUUID();
        const status: TCycleStatus = ordinal < cycleCount - 1 ? 'approved' : lastStatus;
        const at = new Date(Date.UTC(2024, 7 + ordinal, 24));
        cycles.push({
          id: cycleId,
          district_id: districtId,
          study_id: studyId,
          ordinal,
          status,
          submitted_at: status === 'draft' ? null : at,
          reviewed_at: status === 'approved' || status === 'returned' ? at : null,
          approved_at: status === 'approved' ? at : null,
          review_comment: status === 'returned' ? 'Mohon lengkapi rencana tindak lanjut.' : null,
        });
        teacherIds.forEach((teacherId, t) => {
          if (ordinal > 0) levels[t] = levels[t]! + growth * rng.next() * 1.6;
          const obs = observe(def, PTS_DEFAULT_BANDS, rng, levels[t]!);
          const observationId = randomUUID();
          observations.push({
            id: observationId,
            district_id: districtId,
            cycle_id: cycleId,
            teacher_id: teacherId,
            percentage: obs.percentage,
            band: obs.band,
          });
          if (obs.scores) scores.push(...indicatorRows(districtId, observationId, obs.scores));
        });
      }
    }
    const generated = performance.now();

    // Schools name a kecamatan of the district's list (a foreign key).
    await ensureSubdistricts(
      trx,
      districtId,
      schools.map((s) => s.subdistrict),
    );
    await insertBatches(trx, 'schools', schools);
    // Big unnest batches: a round trip and a trigger pass per 20,000 rows, so 20,000 schools
    // (~1M observations, ~4M scores) load in minutes, not an hour of 1,000-row statements.
    await insertUnnest(trx, 'teachers', TEACHER_COLUMNS, teachers, UNNEST_BATCH);
    await insertBatches(trx, 'studies', studies);
    await insertBatches(trx, 'cycles', cycles);
    await insertUnnest(trx, 'observations', OBSERVATION_COLUMNS, observations, UNNEST_BATCH);
    await insertUnnest(trx, 'indicator_scores', SCORE_COLUMNS, scores, UNNEST_BATCH);
    const inserted = performance.now();

    return {
      districtId,
      counts: {
        schools: schools.length,
        teachers: teachers.length,
        studies: studies.length,
        cycles: cycles.length,
        observations: observations.length,
        indicatorScores: scores.length,
      },
      generateMs: Math.round(generated - started),
      insertMs: Math.round(inserted - generated),
    };
  });
}
