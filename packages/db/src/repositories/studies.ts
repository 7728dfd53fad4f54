import {
  AppError,
  type TBandSet,
  type TBilingual,
  type TCycleStatus,
  type TFinalVerdict,
  type TGainConvention,
  type TRubricDefinition,
  type TSuccessCriteria,
} from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { iso, isoOrNull } from '../iso';
import type { DB, Semester } from '../schema';

/*
 * Studies: a school's PTS, fixed at creation to one published rubric version, band set
 * version and success-criteria version of its district, so its cycles always compare.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface StudyListItem {
  id: string;
  title: string;
  focus: string;
  schoolYear: string;
  semester: Semester | null;
  createdAt: string;
  cycleCount: number;
  latestOrdinal: number | null;
  latestStatus: TCycleStatus | null;
  /** Closed ("selesai") at, or null while open. */
  closedAt: string | null;
}

export async function listStudies(db: Db, schoolId: string): Promise<StudyListItem[]> {
  const { rows } = await sql<
    Omit<StudyListItem, 'createdAt' | 'closedAt'> & { createdAt: Date; closedAt: Date | null }
  >`
    select s.id, s.title, s.focus, s.school_year as "schoolYear", s.semester,
           s.created_at as "createdAt", s.closed_at as "closedAt",
           (select count(*)::int from cycles c where c.study_id = s.id) as "cycleCount",
           l.ordinal as "latestOrdinal", l.status as "latestStatus"
    from studies s
    left join lateral (
      select ordinal, status from cycles c where c.study_id = s.id order by ordinal desc limit 1
    ) l on true
    where s.school_id = ${schoolId}
    order by s.created_at desc, s.id`.execute(db);
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), closedAt: isoOrNull(r.closedAt) }));
}

/** What a file or page about a study is headed with: its title, focus and school. */
export async function getStudyHeading(db: Db, studyId: string) {
  return db
    .selectFrom('studies as s')
    .innerJoin('schools as sch', 'sch.id', 's.school_id')
    .select(['s.title', 's.focus', 'sch.name as schoolName'])
    .where('s.id', '=', studyId)
    .executeTakeFirst();
}

export interface VersionRef {
  id: string;
  name: string;
  version: number;
}

export interface StudyDetail {
  id: string;
  districtId: string;
  schoolId: string;
  schoolName: string;
  npsn: string;
  title: string;
  focus: string;
  schoolYear: string;
  semester: Semester | null;
  source: string | null;
  /** The gain convention the study shows first. */
  gainFirst: TGainConvention;
  createdAt: string;
  rubric: VersionRef & { definition: TRubricDefinition };
  bandSet: VersionRef & { bands: TBandSet };
  criteriaSet: VersionRef & { criteria: TSuccessCriteria };
  /** Set while the study is closed ("selesai"); null while open. */
  closed: { at: string; byName: string | null; verdict: TFinalVerdict } | null;
}

export async function getStudy(db: Db, studyId: string): Promise<StudyDetail | undefined> {
  const row = await db
    .selectFrom('studies as s')
    .innerJoin('schools as sch', 'sch.id', 's.school_id')
    .innerJoin('rubric_versions as rv', 'rv.id', 's.rubric_version_id')
    .innerJoin('rubrics as r', 'r.id', 'rv.rubric_id')
    .innerJoin('band_set_versions as bv', 'bv.id', 's.band_set_version_id')
    .innerJoin('band_sets as b', 'b.id', 'bv.band_set_id')
    .innerJoin('criteria_set_versions as cv', 'cv.id', 's.criteria_set_version_id')
    .innerJoin('criteria_sets as c', 'c.id', 'cv.criteria_set_id')
    .leftJoin('users as closer', 'closer.id', 's.closed_by')
    .select([
      's.closed_at',
      'closer.full_name as closed_by_name',
      's.final_verdict',
      's.id',
      's.district_id',
      's.school_id',
      'sch.name as school_name',
      'sch.npsn',
      's.title',
      's.focus',
      's.school_year',
      's.semester',
      's.source',
      's.gain_first',
      's.created_at',
      'rv.id as rv_id',
      'r.name as rv_name',
      'rv.version as rv_version',
      'rv.definition',
      'bv.id as bv_id',
      'b.name as bv_name',
      'bv.version as bv_version',
      'bv.bands',
      'cv.id as cv_id',
      'c.name as cv_name',
      'cv.version as cv_version',
      'cv.criteria',
    ])
    .where('s.id', '=', studyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    districtId: row.district_id,
    schoolId: row.school_id,
    schoolName: row.school_name,
    npsn: row.npsn,
    title: row.title,
    focus: row.focus,
    schoolYear: row.school_year,
    semester: row.semester,
    source: row.source,
    gainFirst: row.gain_first,
    createdAt: iso(row.created_at),
    rubric: {
      id: row.rv_id,
      name: row.rv_name,
      version: row.rv_version,
      definition: row.definition,
    },
    bandSet: { id: row.bv_id, name: row.bv_name, version: row.bv_version, bands: row.bands },
    criteriaSet: {
      id: row.cv_id,
      name: row.cv_name,
      version: row.cv_version,
      criteria: row.criteria,
    },
    closed:
      row.closed_at === null || row.final_verdict === null
        ? null
        : { at: iso(row.closed_at), byName: row.closed_by_name, verdict: row.final_verdict },
  };
}

export interface StudyCycleItem {
  id: string;
  ordinal: number;
  status: TCycleStatus;
  version: number;
  n: number;
  /** From cycle_aggregates (the domain's round2(sum / n)); null without observations. */
  mean: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
}

/** The study's cycles with the primary instrument's n and mean (decision 022). */
export async function listStudyCycles(db: Db, studyId: string): Promise<StudyCycleItem[]> {
  const rows = await db
    .selectFrom('cycles as c')
    .leftJoin('cycle_aggregates as a', (j) =>
      j
        .onRef('a.cycle_id', '=', 'c.id')
        .onRef('a.district_id', '=', 'c.district_id')
        .on('a.instrument', '=', 0),
    )
    .select([
      'c.id',
      'c.ordinal',
      'c.status',
      'c.version',
      'c.submitted_at as submittedAt',
      'c.approved_at as approvedAt',
      sql<number>`coalesce(a.n, 0)`.as('n'),
      'a.mean',
    ])
    .where('c.study_id', '=', studyId)
    .orderBy('c.ordinal')
    .execute();
  return rows.map((r) => ({
    ...r,
    submittedAt: isoOrNull(r.submittedAt),
    approvedAt: isoOrNull(r.approvedAt),
  }));
}

export interface PublishedVersion {
  id: string;
  parentId: string;
  name: string;
  description: string | null;
  version: number;
  publishedAt: string | null;
}

/** The columns every published version lists (`v` the version, `p` its parent set). */
const VERSION_COLUMNS = [
  'v.id',
  'p.id as parentId',
  'p.name',
  'p.description',
  'v.version',
  'v.published_at as publishedAt',
] as const;

/** The published versions a new study may choose from, newest version of each first. */
export async function listPublishedVersions(
  db: Db,
  districtId: string,
): Promise<{
  rubrics: (PublishedVersion & { mode: 'indicators' | 'summary' })[];
  bandSets: (PublishedVersion & { bands: TBandSet })[];
  criteriaSets: (PublishedVersion & { criteria: TSuccessCriteria })[];
}> {
  const [rubrics, bandSets, criteriaSets] = await Promise.all([
    db
      .selectFrom('rubric_versions as v')
      .innerJoin('rubrics as p', 'p.id', 'v.rubric_id')
      .select([...VERSION_COLUMNS, sql<'indicators' | 'summary'>`v.definition->>'mode'`.as('mode')])
      .where('v.district_id', '=', districtId)
      .where('v.status', '=', 'published')
      .orderBy('p.name')
      .orderBy('v.version', 'desc')
      .execute(),
    db
      .selectFrom('band_set_versions as v')
      .innerJoin('band_sets as p', 'p.id', 'v.band_set_id')
      .select([...VERSION_COLUMNS, 'v.bands'])
      .where('v.district_id', '=', districtId)
      .where('v.status', '=', 'published')
      // Only the newest published version of each band set: publishing one moves that
      // band set's studies to it (docs/decisions/008), so an older one is never offered.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('band_set_versions as newer')
              .select('newer.id')
              .whereRef('newer.band_set_id', '=', 'v.band_set_id')
              .where('newer.status', '=', 'published')
              .whereRef('newer.version', '>', 'v.version'),
          ),
        ),
      )
      .orderBy('p.name')
      .orderBy('v.version', 'desc')
      .execute(),
    db
      .selectFrom('criteria_set_versions as v')
      .innerJoin('criteria_sets as p', 'p.id', 'v.criteria_set_id')
      .select([...VERSION_COLUMNS, 'v.criteria'])
      .where('v.district_id', '=', districtId)
      .where('v.status', '=', 'published')
      .orderBy('p.name')
      .orderBy('v.version', 'desc')
      .execute(),
  ]);
  const published = <T extends { publishedAt: Date | null }>(rows: T[]) =>
    rows.map((r) => ({ ...r, publishedAt: isoOrNull(r.publishedAt) }));
  return {
    rubrics: published(rubrics),
    bandSets: published(bandSets),
    criteriaSets: published(criteriaSets),
  };
}

const VERSION_WHAT: Record<string, { field: string; what: TBilingual }> = {
  rubric_versions: {
    field: 'rubricVersionId',
    what: { id: 'Versi instrumen', en: 'The rubric version' },
  },
  band_set_versions: {
    field: 'bandSetVersionId',
    what: { id: 'Versi kategori', en: 'The band set version' },
  },
  criteria_set_versions: {
    field: 'criteriaSetVersionId',
    what: { id: 'Versi kriteria keberhasilan', en: 'The success-criteria version' },
  },
};

/**
 * A published version of the district, or an AppError naming the field: NOT_FOUND when it
 * is not the district's, BAD_REQUEST when it is still a draft.
 */
interface VersionPayloads {
  rubric_versions: TRubricDefinition;
  band_set_versions: TBandSet;
  criteria_set_versions: TSuccessCriteria;
}

export async function requirePublishedVersion<T extends keyof VersionPayloads>(
  db: Db,
  table: T,
  districtId: string,
  id: string,
): Promise<{ id: string; payload: VersionPayloads[T] }> {
  const payloadColumn =
    table === 'rubric_versions'
      ? 'definition'
      : table === 'band_set_versions'
        ? 'bands'
        : 'criteria';
  const { rows } = await sql<{ id: string; status: string; payload: VersionPayloads[T] }>`
    select id, status, ${sql.ref(payloadColumn)} as payload from ${sql.table(table)}
    where id = ${id} and district_id = ${districtId}`.execute(db);
  const row = rows[0];
  const { field, what } = VERSION_WHAT[table]!;
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      {
        id: `${what.id} tidak ditemukan di kabupaten ini`,
        en: `${what.en} was not found in this district`,
      },
      { field },
    );
  }
  if (row.status !== 'published') {
    throw new AppError(
      'BAD_REQUEST',
      {
        id: `${what.id} masih draf; pilih versi yang sudah diterbitkan`,
        en: `${what.en} is still a draft; choose a published version`,
      },
      { field },
    );
  }
  return { id: row.id, payload: row.payload };
}

/** One of a study's instruments (decision 022): 0 is the primary, the study's own rubric. */
export interface StudyInstrument {
  instrument: number;
  key: string;
  rubric: VersionRef & { definition: TRubricDefinition };
  bandSet: VersionRef & { bands: TBandSet };
}

/** A study's instruments, the primary first, in number order. */
export async function listStudyInstruments(db: Db, studyId: string): Promise<StudyInstrument[]> {
  const { rows } = await sql<{
    instrument: number;
    key: string;
    rv_id: string;
    rv_name: string;
    rv_version: number;
    definition: TRubricDefinition;
    bv_id: string;
    bv_name: string;
    bv_version: number;
    bands: TBandSet;
  }>`
    with i as (
      select 0 as instrument, s.instrument_key as key, s.rubric_version_id, s.band_set_version_id
        from studies s where s.id = ${studyId}
      union all
      select si.instrument, si.key, si.rubric_version_id, si.band_set_version_id
        from study_instruments si where si.study_id = ${studyId})
    select i.instrument, i.key, rv.id as rv_id, r.name as rv_name, rv.version as rv_version,
           rv.definition, bv.id as bv_id, b.name as bv_name, bv.version as bv_version, bv.bands
      from i
      join rubric_versions rv on rv.id = i.rubric_version_id
      join rubrics r on r.id = rv.rubric_id
      join band_set_versions bv on bv.id = i.band_set_version_id
      join band_sets b on b.id = bv.band_set_id
     order by i.instrument`.execute(db);
  return rows.map((r) => ({
    instrument: r.instrument,
    key: r.key,
    rubric: { id: r.rv_id, name: r.rv_name, version: r.rv_version, definition: r.definition },
    bandSet: { id: r.bv_id, name: r.bv_name, version: r.bv_version, bands: r.bands },
  }));
}

/** A further instrument of a new study (1 to 4), fixed to published versions. */
export interface NewStudyInstrument {
  key: string;
  rubricVersionId: string;
  bandSetVersionId: string;
}

export interface NewStudyInput {
  districtId: string;
  schoolId: string;
  title: string;
  focus: string;
  schoolYear: string;
  semester: Semester | null;
  rubricVersionId: string;
  bandSetVersionId: string;
  criteriaSetVersionId: string;
  source: string | null;
  /** The gain convention shown first; the column's default ('points') when left out. */
  gainFirst?: TGainConvention | undefined;
  createdBy: string | null;
  /** The primary instrument's key; the column's default ('utama') when left out. */
  instrumentKey?: string | undefined;
  /** Instruments beside the primary, numbered 1, 2, ... in this order. */
  moreInstruments?: readonly NewStudyInstrument[];
}

/** Sets which gain convention a study shows first (the one before, or null: no such study). */
export async function setStudyGainFirst(
  db: Db,
  studyId: string,
  gainFirst: TGainConvention,
): Promise<{ before: TGainConvention } | null> {
  const before = await db
    .selectFrom('studies')
    .select('gain_first')
    .where('id', '=', studyId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return null;
  await db
    .updateTable('studies')
    .set({ gain_first: gainFirst })
    .where('id', '=', studyId)
    .execute();
  return { before: before.gain_first };
}

/** Inserts a study and its cycle 0 (Kondisi Awal) in draft. Call inside a transaction. */
export async function insertStudyWithBaseline(
  db: Db,
  s: NewStudyInput,
): Promise<{ studyId: string; baselineCycleId: string }> {
  const study = await db
    .insertInto('studies')
    .values({
      district_id: s.districtId,
      school_id: s.schoolId,
      title: s.title,
      focus: s.focus,
      school_year: s.schoolYear,
      semester: s.semester,
      rubric_version_id: s.rubricVersionId,
      band_set_version_id: s.bandSetVersionId,
      criteria_set_version_id: s.criteriaSetVersionId,
      source: s.source,
      ...(s.gainFirst ? { gain_first: s.gainFirst } : {}),
      ...(s.instrumentKey ? { instrument_key: s.instrumentKey } : {}),
      created_by: s.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.moreInstruments && s.moreInstruments.length > 0) {
    await db
      .insertInto('study_instruments')
      .values(
        s.moreInstruments.map((m, i) => ({
          district_id: s.districtId,
          study_id: study.id,
          instrument: i + 1,
          key: m.key,
          rubric_version_id: m.rubricVersionId,
          band_set_version_id: m.bandSetVersionId,
        })),
      )
      .execute();
  }
  const cycle = await db
    .insertInto('cycles')
    .values({ district_id: s.districtId, study_id: study.id, ordinal: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { studyId: study.id, baselineCycleId: cycle.id };
}
