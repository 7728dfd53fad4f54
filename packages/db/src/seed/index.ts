import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import {
  classify,
  PTS_DEFAULT_BANDS,
  scoreObservation,
  type TBandSet,
  type TCycleStatus,
  type TRubricDefinition,
  ZRubricDefinition,
} from '@siklus/domain';
import { LULUT_2 } from '@siklus/domain/fixtures';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { jsonb } from '../json';
import { createRng, type Rng } from '../random';
import { recordHistoryFromColumns } from '../repositories/cycle-events';
import { ensureSubdistricts } from '../repositories/subdistricts';
import type { DB } from '../schema';
import { insertBatches, observe, pushObservation, type SheetRows } from './generate';
import { BOGOR_SUBDISTRICTS, CLASS_NAMES, DEGREES, FIRST_NAMES, LAST_NAMES } from './names';
import { COLLABORATIVE_RUBRIC, PTS_SUCCESS_CRITERIA, SUMMARY_RUBRIC } from './rubrics';

/*
 * The demo data: Kabupaten Bogor with SD Negeri Lulut 2's published study and about 30
 * further schools with studies in every state, and a small second district so scope
 * checks have somewhere to fail. Deterministic (seeded PRNG), one transaction, and a
 * no-op when the demo district already exists.
 */

/** The demo password; it lives here and in the README only. */
export const DEMO_PASSWORD = 'siklus-demo-2026';
export const DEMO_DISTRICT = 'Kabupaten Bogor';
export const SECOND_DISTRICT = 'Kabupaten Sukabumi';
/** A district outside WIB: Bali keeps WITA (Asia/Makassar). */
export const WITA_DISTRICT = 'Kabupaten Badung';
/** The paper names no NPSN; the demo gives SD Negeri Lulut 2 one so imports can match it. */
export const LULUT_2_NPSN = '20201234';
export const DEMO_USERS = [
  'admin',
  'pengawas',
  'kepsek.lulut2',
  'kepsek.pabuaran1',
  'kepsek.puspanegara1',
  'kepsek.kotabatu2',
  'admin.sukabumi',
  'pengawas.sukabumi',
  'admin.badung',
  'pengawas.badung',
] as const;

type Db = Kysely<DB> | Transaction<DB>;

export interface SeedResult {
  seeded: boolean;
  districtId: string;
  counts: Record<string, number>;
}

/** Seeds the demo data unless it is already there (then returns seeded: false). */
export async function seed(db: Kysely<DB>): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    // Serialise concurrent seeders (two server starts on one database).
    await sql`select pg_advisory_xact_lock(20261128)`.execute(trx);
    const existing = await trx
      .selectFrom('districts')
      .select('id')
      .where('name', '=', DEMO_DISTRICT)
      .executeTakeFirst();
    if (existing) return { seeded: false, districtId: existing.id, counts: await countRows(trx) };

    const passwordHash = await hash(DEMO_PASSWORD);
    const districtId = await seedBogor(trx, passwordHash);
    await seedSukabumi(trx, passwordHash);
    await seedBadung(trx, passwordHash);
    // The seed writes cycles directly; give each the review history its columns prove.
    await recordHistoryFromColumns(trx);
    return { seeded: true, districtId, counts: await countRows(trx) };
  });
}

/** Empties every table (for `db:seed --reset` on a development database). */
export async function resetData(db: Kysely<DB>): Promise<void> {
  await sql`truncate table audit_log, cycle_events, indicator_scores, observations, cycles, studies,
    criteria_set_versions, criteria_sets, band_set_versions, band_sets, rubric_versions, rubrics,
    teachers, login_throttle, sessions, users, schools, districts restart identity cascade`.execute(
    db,
  );
}

export async function countRows(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<Record<string, number>>`
    select
      (select count(*)::int from districts) as districts,
      (select count(*)::int from schools) as schools,
      (select count(*)::int from users) as users,
      (select count(*)::int from teachers) as teachers,
      (select count(*)::int from studies) as studies,
      (select count(*)::int from cycles) as cycles,
      (select count(*)::int from observations) as observations,
      (select count(*)::int from indicator_scores) as indicator_scores`.execute(db);
  return rows[0]!;
}

interface Config {
  districtId: string;
  summaryRubricId: string;
  indicatorsRubricId: string;
  bandSetId: string;
  criteriaId: string;
}

/** A district's published configuration: both rubrics, the PTS bands, the PTS criteria. */
async function seedConfig(trx: Db, districtId: string, adminId: string): Promise<Config> {
  const version = async (
    parentTable: 'rubrics' | 'band_sets' | 'criteria_sets',
    name: string,
    description: string,
    insert: (parentId: string) => Promise<{ id: string }>,
  ) => {
    const parent = await trx
      .insertInto(parentTable)
      .values({ district_id: districtId, name, description })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await insert(parent.id)).id;
  };
  const published = {
    district_id: districtId,
    version: 1,
    status: 'published' as const,
    published_at: new Date('2024-07-01T00:00:00Z'),
    created_by: adminId,
  };
  const rubric = (def: TRubricDefinition) => (rubricId: string) =>
    trx
      .insertInto('rubric_versions')
      .values({
        ...published,
        rubric_id: rubricId,
        definition: jsonb(ZRubricDefinition.parse(def)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

  return {
    districtId,
    summaryRubricId: await version(
      'rubrics',
      'Persentase Capaian (data laporan)',
      'Satu persentase capaian per guru, seperti dicetak dalam laporan PTS',
      rubric(SUMMARY_RUBRIC),
    ),
    indicatorsRubricId: await version(
      'rubrics',
      'Lembar Observasi Pembelajaran Kolaboratif',
      'Tiga aspek, sepuluh indikator, skala 1-4',
      rubric(COLLABORATIVE_RUBRIC),
    ),
    bandSetId: await version(
      'band_sets',
      'Kriteria PTS',
      'Kurang < 51 ≤ Cukup < 71 ≤ Baik < 86 ≤ Sangat Baik',
      (id) =>
        trx
          .insertInto('band_set_versions')
          .values({ ...published, band_set_id: id, bands: jsonb(PTS_DEFAULT_BANDS) })
          .returning('id')
          .executeTakeFirstOrThrow(),
    ),
    criteriaId: await version(
      'criteria_sets',
      'Kriteria keberhasilan PTS',
      'Rata-rata minimal 71 dan minimal 80% guru berkategori Baik atau lebih',
      (id) =>
        trx
          .insertInto('criteria_set_versions')
          .values({ ...published, criteria_set_id: id, criteria: jsonb(PTS_SUCCESS_CRITERIA) })
          .returning('id')
          .executeTakeFirstOrThrow(),
    ),
  };
}

const STAGE_NOTES = [
  {
    planning: 'Menyusun instrumen observasi dan jadwal kunjungan kelas bersama guru.',
    action: 'Kepala sekolah mengamati pembelajaran di setiap kelas tanpa intervensi.',
    observation: 'Sebagian besar guru masih dominan ceramah; kerja kelompok belum terstruktur.',
    reflection: 'Perlu pendampingan perancangan kerja kelompok dan pembagian peran siswa.',
  },
  {
    planning: 'Workshop perancangan pembelajaran kolaboratif dan penyusunan lembar kerja kelompok.',
    action: 'Guru menerapkan rancangan kolaboratif; kepala sekolah mendampingi di kelas.',
    observation: 'Guru mulai membagi peran dalam kelompok; pengelolaan waktu masih lemah.',
    reflection: 'RTL: supervisi klinis untuk guru berkategori Kurang; berbagi praktik baik.',
  },
  {
    planning: 'Menyusun RTL dari refleksi siklus sebelumnya dan jadwal berbagi praktik baik.',
    action: 'Guru sejawat saling mengamati; umpan balik diberikan setelah setiap kunjungan.',
    observation: 'Diskusi kelompok lebih hidup; refleksi bersama siswa mulai dilakukan.',
    reflection: 'Capaian meningkat; guru dengan capaian terendah tetap didampingi.',
  },
  {
    planning: 'Pemantapan praktik kolaboratif pada guru yang belum mencapai kategori Baik.',
    action: 'Pendampingan individual dan model teaching oleh guru inti.',
    observation: 'Hampir semua guru menerapkan langkah pembelajaran kolaboratif secara konsisten.',
    reflection: 'Kriteria keberhasilan dievaluasi; hasil dibagikan dalam rapat KKG.',
  },
];

function stageFields(ordinal: number, startMonth: number, year: number) {
  const notes = STAGE_NOTES[Math.min(ordinal, STAGE_NOTES.length - 1)]!;
  const month = startMonth + ordinal; // one cycle a month
  const date = (day: number) =>
    `${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    planning_notes: notes.planning,
    planning_date: date(3),
    action_notes: notes.action,
    action_date: date(10),
    observation_notes: notes.observation,
    observation_date: date(12),
    reflection_notes: notes.reflection,
    reflection_date: date(24),
  };
}

/** Review fields consistent with a status. */
function reviewFields(status: TCycleStatus, reviewerId: string, at: Date, comment?: string) {
  const submitted = status === 'draft' ? null : at;
  return {
    status,
    submitted_at: submitted,
    reviewed_by: status === 'approved' || status === 'returned' ? reviewerId : null,
    reviewed_at: status === 'approved' || status === 'returned' ? at : null,
    approved_at: status === 'approved' ? at : null,
    review_comment: status === 'returned' ? (comment ?? 'Mohon lengkapi refleksi.') : null,
  };
}

async function insertUsers(
  trx: Db,
  passwordHash: string,
  users: Omit<Insertable<DB['users']>, 'password_hash' | 'password_changed_at'>[],
): Promise<Map<string, string>> {
  const rows = await trx
    .insertInto('users')
    .values(
      users.map((u) => ({
        ...u,
        password_hash: passwordHash,
        password_changed_at: new Date('2024-07-01T00:00:00Z'),
      })),
    )
    .returning(['id', 'username'])
    .execute();
  return new Map(rows.map((r) => [r.username, r.id]));
}

function teacherName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}, ${rng.pick(DEGREES)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

type Plan = {
  cycles: TCycleStatus[];
  /** Baseline range and growth per cycle, in percentage points. */
  base: [number, number];
  growth: [number, number];
  mode: 'indicators' | 'summary';
  comment?: string;
  /** The last cycle only partly observed (a draft in progress). */
  partial?: boolean;
};

const RETURN_COMMENTS = [
  'Refleksi belum memuat rencana tindak lanjut (RTL) untuk guru berkategori Kurang. Mohon dilengkapi.',
  'Tanggal observasi dua guru belum diisi dan catatan pelaksanaan terlalu singkat. Mohon diperbaiki.',
  'Mohon lampirkan temuan observasi per aspek sebelum siklus diajukan kembali.',
];

/** Studies in every state; some meet the success criteria, some fall short. */
const PLANS: Plan[] = [
  {
    cycles: ['approved', 'approved', 'approved'],
    base: [50, 62],
    growth: [10, 14],
    mode: 'indicators',
  },
  {
    cycles: ['approved', 'approved', 'approved'],
    base: [40, 52],
    growth: [5, 9],
    mode: 'indicators',
  },
  {
    cycles: ['approved', 'approved', 'submitted'],
    base: [45, 58],
    growth: [8, 12],
    mode: 'indicators',
  },
  {
    cycles: ['approved', 'returned'],
    base: [42, 55],
    growth: [6, 10],
    mode: 'indicators',
    comment: RETURN_COMMENTS[0],
  },
  {
    cycles: ['approved', 'draft'],
    base: [44, 56],
    growth: [6, 10],
    mode: 'indicators',
    partial: true,
  },
  { cycles: ['draft'], base: [40, 60], growth: [0, 0], mode: 'indicators', partial: true },
  {
    cycles: ['approved', 'approved', 'approved', 'approved'],
    base: [48, 58],
    growth: [8, 11],
    mode: 'indicators',
  },
  { cycles: ['approved', 'submitted'], base: [46, 60], growth: [7, 12], mode: 'summary' },
  {
    cycles: ['approved', 'approved', 'returned'],
    base: [40, 50],
    growth: [6, 9],
    mode: 'summary',
    comment: RETURN_COMMENTS[1],
  },
  { cycles: ['submitted'], base: [45, 65], growth: [0, 0], mode: 'indicators' },
];

/** A school's six class teachers (Kelas 1 to 6), named from `rng`. */
function classTeachers(rng: Rng, names: Set<string>, districtId: string, schoolId: string) {
  return CLASS_NAMES.slice(0, 6).map((className, i) => ({
    id: randomUUID(),
    district_id: districtId,
    school_id: schoolId,
    name: teacherName(rng, names),
    class_name: className,
    sort_order: i + 1,
  }));
}

/** A district row; its id. */
async function insertDistrict(trx: Db, values: Insertable<DB['districts']>): Promise<string> {
  const row = await trx
    .insertInto('districts')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function seedBogor(trx: Db, passwordHash: string): Promise<string> {
  const rng = createRng(20261128);
  const districtId = await insertDistrict(trx, { name: DEMO_DISTRICT, province: 'Jawa Barat' });

  // Schools: Lulut 2 first, then 30 more across the subdistricts.
  const usedNpsn = new Set<string>([LULUT_2_NPSN]);
  const schoolValues: Insertable<DB['schools']>[] = [
    {
      district_id: districtId,
      name: LULUT_2.school.name,
      subdistrict: LULUT_2.school.subdistrict,
      npsn: LULUT_2_NPSN,
    },
  ];
  const counters = new Map<string, number>();
  for (let i = 0; i < 30; i++) {
    const sub = BOGOR_SUBDISTRICTS[i % BOGOR_SUBDISTRICTS.length]!;
    const village = sub.villages[Math.floor(i / BOGOR_SUBDISTRICTS.length) % sub.villages.length]!;
    const n = (counters.get(village) ?? 0) + 1;
    counters.set(village, n);
    let npsn: string;
    do npsn = `2020${String(rng.int(1000, 9999))}`;
    while (usedNpsn.has(npsn));
    usedNpsn.add(npsn);
    schoolValues.push({
      district_id: districtId,
      npsn,
      name: `SD Negeri ${village} ${i < BOGOR_SUBDISTRICTS.length ? n : n + 1}`,
      subdistrict: sub.name,
    });
  }
  // The district's kecamatan list, from its schools' kecamatan (schools name one of it).
  await ensureSubdistricts(
    trx,
    districtId,
    schoolValues.map((v) => v.subdistrict),
  );
  const schools = await trx
    .insertInto('schools')
    .values(schoolValues)
    .returning(['id', 'name'])
    .execute();
  const schoolId = (name: string) => schools.find((s) => s.name === name)!.id;
  const lulut = schools[0]!;

  const users = await insertUsers(trx, passwordHash, [
    {
      district_id: districtId,
      username: 'admin',
      full_name: 'Admin Dinas Pendidikan',
      email: 'admin@siklus.example',
      role: 'admin',
    },
    {
      district_id: districtId,
      username: 'pengawas',
      full_name: 'Hj. Euis Komalasari, M.Pd',
      email: 'pengawas@siklus.example',
      role: 'supervisor',
    },
    {
      district_id: districtId,
      username: 'kepsek.lulut2',
      full_name: 'Kepala SD Negeri Lulut 2',
      role: 'principal',
      school_id: lulut.id,
    },
    {
      district_id: districtId,
      username: 'kepsek.pabuaran1',
      full_name: 'Drs. Asep Hidayat',
      role: 'principal',
      school_id: schoolId('SD Negeri Pabuaran 1'),
    },
    {
      district_id: districtId,
      username: 'kepsek.puspanegara1',
      full_name: 'Rina Handayani, S.Pd',
      role: 'principal',
      school_id: schoolId('SD Negeri Puspanegara 1'),
    },
    {
      // Six teachers, Kondisi Awal to Siklus II approved and the criteria not yet met:
      // the principal's next step is Siklus III (the supervision app's end-to-end story).
      district_id: districtId,
      username: 'kepsek.kotabatu2',
      full_name: 'Dedi Supriadi, S.Pd',
      role: 'principal',
      school_id: schoolId('SD Negeri Kota Batu 2'),
    },
  ]);
  const adminId = users.get('admin')!;
  const supervisorId = users.get('pengawas')!;
  const config = await seedConfig(trx, districtId, adminId);
  const bandSet: TBandSet = PTS_DEFAULT_BANDS;

  const teacherRows: Insertable<DB['teachers']>[] = [];
  const sheets: SheetRows = { observations: [], scores: [] };
  const cycleRows: Insertable<DB['cycles']>[] = [];
  const studyRows: Insertable<DB['studies']>[] = [];

  // SD Negeri Lulut 2, exactly as published: summary-mode percentages and printed figures.
  {
    const studyId = randomUUID();
    const principalId = users.get('kepsek.lulut2')!;
    studyRows.push({
      id: studyId,
      district_id: districtId,
      school_id: lulut.id,
      title: LULUT_2.study.title,
      focus: LULUT_2.study.focus,
      school_year: '2023/2024',
      semester: 'genap',
      rubric_version_id: config.summaryRubricId,
      band_set_version_id: config.bandSetId,
      criteria_set_version_id: config.criteriaId,
      source: LULUT_2.source,
      created_by: principalId,
    });
    const teacherIds = LULUT_2.teachers.map((t, i) => {
      const id = randomUUID();
      teacherRows.push({
        id,
        district_id: districtId,
        school_id: lulut.id,
        name: t.name,
        class_name: t.className,
        sort_order: i + 1,
      });
      return id;
    });
    for (const c of LULUT_2.cycles) {
      const cycleId = randomUUID();
      const status: TCycleStatus = c.ordinal < 2 ? 'approved' : 'submitted';
      const stages = stageFields(c.ordinal, 1, 2024);
      cycleRows.push({
        id: cycleId,
        district_id: districtId,
        study_id: studyId,
        ordinal: c.ordinal,
        ...stages,
        ...reviewFields(status, supervisorId, new Date(`${stages.reflection_date}T10:00:00+07:00`)),
        printed_mean: c.reportedMean,
        printed_mean_band: c.reportedMeanCriterion,
        // A JSON string: Insertable rows carry plain values (see json.ts on arrays).
        printed_bands: JSON.stringify(c.criteria),
      });
      c.scores.forEach((text, i) => {
        const { percentage } = scoreObservation(SUMMARY_RUBRIC, {
          kind: 'summary',
          percentage: text,
        });
        sheets.observations.push({
          id: randomUUID(),
          district_id: districtId,
          cycle_id: cycleId,
          teacher_id: teacherIds[i]!,
          observer_id: principalId,
          observed_on: stages.observation_date,
          percentage,
          band: classify(bandSet, percentage).label,
        });
      });
    }
  }

  // The other schools: the last one has no study yet.
  const principalOf = new Map([
    [schoolId('SD Negeri Pabuaran 1'), users.get('kepsek.pabuaran1')!],
    [schoolId('SD Negeri Puspanegara 1'), users.get('kepsek.puspanegara1')!],
    [schoolId('SD Negeri Kota Batu 2'), users.get('kepsek.kotabatu2')!],
  ]);
  const names = new Set<string>();
  schools.slice(1).forEach((school, i) => {
    const teacherCount = rng.int(6, 12);
    const teacherIds: string[] = [];
    for (let t = 0; t < teacherCount; t++) {
      const id = randomUUID();
      teacherIds.push(id);
      teacherRows.push({
        id,
        district_id: districtId,
        school_id: school.id,
        name: teacherName(rng, names),
        class_name: CLASS_NAMES[t]!,
        nip: rng.chance(0.5)
          ? `19${rng.int(70, 95)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}20${rng.int(10, 22)}${String(rng.int(1, 12)).padStart(2, '0')}${rng.int(1, 2)}${String(rng.int(1, 999)).padStart(3, '0')}`
          : null,
        sort_order: t + 1,
      });
    }
    if (i === schools.length - 2) return; // one school with no study

    const plan = PLANS[i % PLANS.length]!;
    const def = plan.mode === 'summary' ? SUMMARY_RUBRIC : COLLABORATIVE_RUBRIC;
    const studyId = randomUUID();
    const principalId = principalOf.get(school.id) ?? null;
    const startMonth = rng.int(8, 9);
    studyRows.push({
      id: studyId,
      district_id: districtId,
      school_id: school.id,
      title: `Peningkatan Kemampuan Guru Menerapkan Pembelajaran Kolaboratif melalui Supervisi Akademik di ${school.name}`,
      focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif',
      school_year: '2024/2025',
      semester: 'ganjil',
      rubric_version_id:
        plan.mode === 'summary' ? config.summaryRubricId : config.indicatorsRubricId,
      band_set_version_id: config.bandSetId,
      criteria_set_version_id: config.criteriaId,
      source: null,
      created_by: principalId,
    });
    const levels = teacherIds.map(() => rng.int(plan.base[0], plan.base[1]) + rng.next());
    plan.cycles.forEach((status, ordinal) => {
      const cycleId = randomUUID();
      const stages = stageFields(ordinal, startMonth, 2024);
      cycleRows.push({
        id: cycleId,
        district_id: districtId,
        study_id: studyId,
        ordinal,
        ...stages,
        ...reviewFields(
          status,
          supervisorId,
          new Date(`${stages.reflection_date}T10:00:00+07:00`),
          plan.comment,
        ),
      });
      const last = ordinal === plan.cycles.length - 1;
      teacherIds.forEach((teacherId, t) => {
        if (ordinal > 0)
          levels[t] = levels[t]! + rng.int(plan.growth[0], plan.growth[1]) + rng.next();
        if (last && plan.partial && t >= Math.ceil(teacherIds.length / 2)) return;
        pushObservation(
          sheets,
          {
            district_id: districtId,
            cycle_id: cycleId,
            teacher_id: teacherId,
            observer_id: principalId,
            observed_on: stages.observation_date,
          },
          observe(def, bandSet, rng, levels[t]!),
        );
      });
    });
  });

  await insertBatches(trx, 'teachers', teacherRows);
  await insertBatches(trx, 'studies', studyRows);
  await insertBatches(trx, 'cycles', cycleRows);
  await insertBatches(trx, 'observations', sheets.observations);
  await insertBatches(trx, 'indicator_scores', sheets.scores);
  return districtId;
}

/** A third district, in WITA: one school and its roster, users, configuration. */
async function seedBadung(trx: Db, passwordHash: string): Promise<string> {
  const rng = createRng(51);
  const districtId = await insertDistrict(trx, {
    name: WITA_DISTRICT,
    province: 'Bali',
    time_zone: 'Asia/Makassar',
  });
  await ensureSubdistricts(trx, districtId, ['Kuta']);
  const school = await trx
    .insertInto('schools')
    .values({
      district_id: districtId,
      npsn: '50103011',
      name: 'SD Negeri 1 Kuta',
      subdistrict: 'Kuta',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = await insertUsers(trx, passwordHash, [
    {
      district_id: districtId,
      username: 'admin.badung',
      full_name: 'Admin Dinas Badung',
      role: 'admin',
    },
    {
      district_id: districtId,
      username: 'pengawas.badung',
      full_name: 'I Made Suarjana, M.Pd',
      role: 'supervisor',
    },
  ]);
  await seedConfig(trx, districtId, users.get('admin.badung')!);
  const names = new Set<string>();
  await insertBatches(trx, 'teachers', classTeachers(rng, names, districtId, school.id));
  return districtId;
}

/** A second, small district: two schools, one study, its own users and configuration. */
async function seedSukabumi(trx: Db, passwordHash: string): Promise<string> {
  const rng = createRng(31);
  const districtId = await insertDistrict(trx, { name: SECOND_DISTRICT, province: 'Jawa Barat' });
  await ensureSubdistricts(trx, districtId, ['Cibadak', 'Cisaat']);
  const schools = await trx
    .insertInto('schools')
    .values([
      {
        district_id: districtId,
        npsn: '20202511',
        name: 'SD Negeri Cibadak 1',
        subdistrict: 'Cibadak',
      },
      {
        district_id: districtId,
        npsn: '20202512',
        name: 'SD Negeri Cisaat 2',
        subdistrict: 'Cisaat',
      },
    ])
    .returning('id')
    .execute();
  const users = await insertUsers(trx, passwordHash, [
    {
      district_id: districtId,
      username: 'admin.sukabumi',
      full_name: 'Admin Dinas Sukabumi',
      role: 'admin',
    },
    {
      district_id: districtId,
      username: 'pengawas.sukabumi',
      full_name: 'Dadang Supriatna, M.Pd',
      role: 'supervisor',
    },
  ]);
  const config = await seedConfig(trx, districtId, users.get('admin.sukabumi')!);
  const names = new Set<string>();
  const teachers = schools.flatMap((school) => classTeachers(rng, names, districtId, school.id));
  await insertBatches(trx, 'teachers', teachers);
  const studyId = randomUUID();
  await trx
    .insertInto('studies')
    .values({
      id: studyId,
      district_id: districtId,
      school_id: schools[0]!.id,
      title: 'Supervisi Akademik untuk Pembelajaran Kolaboratif di SD Negeri Cibadak 1',
      focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif',
      school_year: '2024/2025',
      semester: 'ganjil',
      rubric_version_id: config.indicatorsRubricId,
      band_set_version_id: config.bandSetId,
      criteria_set_version_id: config.criteriaId,
    })
    .execute();
  const cycleId = randomUUID();
  await trx
    .insertInto('cycles')
    .values({
      id: cycleId,
      district_id: districtId,
      study_id: studyId,
      ordinal: 0,
      ...stageFields(0, 8, 2024),
      ...reviewFields(
        'submitted',
        users.get('pengawas.sukabumi')!,
        new Date('2024-08-24T10:00:00+07:00'),
      ),
    })
    .execute();
  const sheets: SheetRows = { observations: [], scores: [] };
  for (const teacher of teachers.slice(0, 6)) {
    const obs = observe(COLLABORATIVE_RUBRIC, PTS_DEFAULT_BANDS, rng, rng.int(45, 65));
    pushObservation(
      sheets,
      { district_id: districtId, cycle_id: cycleId, teacher_id: teacher.id },
      obs,
    );
  }
  await insertBatches(trx, 'observations', sheets.observations);
  await insertBatches(trx, 'indicator_scores', sheets.scores);
  return districtId;
}
