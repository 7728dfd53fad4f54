import { AppError, type TBandSet, type TSuccessCriteria } from '@siklus/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { iso, isoOrNull } from '../iso';
import { jsonb } from '../json';
import type { DB, VersionStatus } from '../schema';

/*
 * The district's configuration: rubrics, band sets and success-criteria sets. All three
 * share one lifecycle (a named item with numbered versions; a draft is edited, then
 * published and frozen; the database trigger refuses any change to a published row), so
 * one set of functions serves the three, parameterised by kind.
 */

type Db = Kysely<DB> | Transaction<DB>;

export type ConfigKind = 'rubric' | 'bandSet' | 'criteriaSet';

interface KindTables {
  parent: 'rubrics' | 'band_sets' | 'criteria_sets';
  versions: 'rubric_versions' | 'band_set_versions' | 'criteria_set_versions';
  fk: 'rubric_id' | 'band_set_id' | 'criteria_set_id';
  payload: 'definition' | 'bands' | 'criteria';
  /** The studies column that fixes a version of this kind. */
  studyColumn: 'rubric_version_id' | 'band_set_version_id' | 'criteria_set_version_id';
}

export const CONFIG_TABLES: Record<ConfigKind, KindTables> = {
  rubric: {
    parent: 'rubrics',
    versions: 'rubric_versions',
    fk: 'rubric_id',
    payload: 'definition',
    studyColumn: 'rubric_version_id',
  },
  bandSet: {
    parent: 'band_sets',
    versions: 'band_set_versions',
    fk: 'band_set_id',
    payload: 'bands',
    studyColumn: 'band_set_version_id',
  },
  criteriaSet: {
    parent: 'criteria_sets',
    versions: 'criteria_set_versions',
    fk: 'criteria_set_id',
    payload: 'criteria',
    studyColumn: 'criteria_set_version_id',
  },
};

export interface ConfigVersionSummary {
  id: string;
  version: number;
  status: VersionStatus;
  publishedAt: string | null;
  createdAt: string;
  /** Studies fixed to this version. */
  inUse: number;
}

export interface ConfigItem {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  /** Newest first. */
  versions: ConfigVersionSummary[];
  /** Studies on any version of this item. */
  inUse: number;
}

/** Every item of a kind in the district with its versions and how many studies use each. */
export async function listConfigItems(
  db: Db,
  kind: ConfigKind,
  districtId: string,
): Promise<ConfigItem[]> {
  const t = CONFIG_TABLES[kind];
  const { rows } = await sql<{
    id: string;
    name: string;
    description: string | null;
    created_at: Date;
    v_id: string | null;
    version: number | null;
    status: VersionStatus | null;
    published_at: Date | null;
    v_created_at: Date | null;
    in_use: number;
  }>`
    select p.id, p.name, p.description, p.created_at,
           v.id as v_id, v.version, v.status, v.published_at, v.created_at as v_created_at,
           (select count(*)::int from studies s
             where s.district_id = ${districtId} and s.${sql.ref(t.studyColumn)} = v.id) as in_use
    from ${sql.table(t.parent)} p
    left join ${sql.table(t.versions)} v on v.${sql.ref(t.fk)} = p.id
    where p.district_id = ${districtId}
    order by p.name, p.id, v.version desc`.execute(db);
  const items = new Map<string, ConfigItem>();
  for (const r of rows) {
    let item = items.get(r.id);
    if (!item) {
      item = {
        id: r.id,
        name: r.name,
        description: r.description,
        createdAt: iso(r.created_at),
        versions: [],
        inUse: 0,
      };
      items.set(r.id, item);
    }
    if (r.v_id !== null) {
      item.versions.push({
        id: r.v_id,
        version: r.version!,
        status: r.status!,
        publishedAt: isoOrNull(r.published_at),
        createdAt: iso(r.v_created_at!),
        inUse: r.in_use,
      });
      item.inUse += r.in_use;
    }
  }
  return [...items.values()];
}

export interface ConfigVersion {
  id: string;
  itemId: string;
  districtId: string;
  name: string;
  description: string | null;
  version: number;
  status: VersionStatus;
  publishedAt: string | null;
  createdAt: string;
  payload: unknown;
  inUse: number;
  /** Every version number of the item, to show "v2 of 3". */
  latestVersion: number;
}

export async function getConfigVersion(
  db: Db,
  kind: ConfigKind,
  versionId: string,
): Promise<ConfigVersion | undefined> {
  const t = CONFIG_TABLES[kind];
  const { rows } = await sql<
    Omit<ConfigVersion, 'publishedAt' | 'createdAt'> & { publishedAt: Date | null; createdAt: Date }
  >`
    select v.id, p.id as "itemId", v.district_id as "districtId", p.name, p.description,
           v.version, v.status, v.published_at as "publishedAt", v.created_at as "createdAt",
           v.${sql.ref(t.payload)} as payload,
           (select count(*)::int from studies s where s.${sql.ref(t.studyColumn)} = v.id) as "inUse",
           (select max(v2.version) from ${sql.table(t.versions)} v2
             where v2.${sql.ref(t.fk)} = p.id)::int as "latestVersion"
    from ${sql.table(t.versions)} v
    join ${sql.table(t.parent)} p on p.id = v.${sql.ref(t.fk)}
    where v.id = ${versionId}`.execute(db);
  const row = rows[0];
  return row && { ...row, publishedAt: isoOrNull(row.publishedAt), createdAt: iso(row.createdAt) };
}

const NAME_TAKEN = {
  id: 'Nama ini sudah dipakai di kabupaten ini; pilih nama lain.',
  en: 'This name is already used in this district; choose another.',
};

async function assertNameFree(
  db: Db,
  kind: ConfigKind,
  districtId: string,
  name: string,
  exceptItemId?: string,
): Promise<void> {
  const t = CONFIG_TABLES[kind];
  const { rows } = await sql<{ id: string }>`
    select id from ${sql.table(t.parent)}
    where district_id = ${districtId} and lower(name) = lower(${name})
      ${exceptItemId ? sql`and id <> ${exceptItemId}` : sql``}`.execute(db);
  if (rows.length > 0) throw new AppError('CONFLICT', NAME_TAKEN, { field: 'name' });
}

/** A new item with its version 1 as a draft. Call in a transaction. */
export async function insertConfigItem(
  db: Db,
  kind: ConfigKind,
  i: {
    districtId: string;
    name: string;
    description: string | null;
    payload: unknown;
    createdBy: string | null;
  },
): Promise<{ itemId: string; versionId: string }> {
  const t = CONFIG_TABLES[kind];
  await assertNameFree(db, kind, i.districtId, i.name);
  const { rows: parents } = await sql<{ id: string }>`
    insert into ${sql.table(t.parent)} (district_id, name, description)
    values (${i.districtId}, ${i.name}, ${i.description}) returning id`.execute(db);
  const itemId = parents[0]!.id;
  const versionId = await insertVersion(db, kind, {
    districtId: i.districtId,
    itemId,
    version: 1,
    payload: i.payload,
    createdBy: i.createdBy,
  });
  return { itemId, versionId };
}

async function insertVersion(
  db: Db,
  kind: ConfigKind,
  v: {
    districtId: string;
    itemId: string;
    version: number;
    payload: unknown;
    createdBy: string | null;
  },
): Promise<string> {
  const t = CONFIG_TABLES[kind];
  const { rows } = await sql<{ id: string }>`
    insert into ${sql.table(t.versions)}
      (district_id, ${sql.ref(t.fk)}, version, status, ${sql.ref(t.payload)}, created_by)
    values (${v.districtId}, ${v.itemId}, ${v.version}, 'draft', ${jsonb(v.payload)}, ${v.createdBy})
    returning id`.execute(db);
  return rows[0]!.id;
}

const PUBLISHED_FROZEN = {
  id: 'Versi yang sudah diterbitkan tidak dapat diubah; buat versi baru.',
  en: 'A published version cannot be changed; create a new version.',
};

/** Locks a version row and checks it is still a draft. */
async function lockDraft(db: Db, kind: ConfigKind, versionId: string) {
  const t = CONFIG_TABLES[kind];
  const { rows } = await sql<{ id: string; item_id: string; status: VersionStatus }>`
    select id, ${sql.ref(t.fk)} as item_id, status from ${sql.table(t.versions)}
    where id = ${versionId} for update`.execute(db);
  const row = rows[0];
  if (!row)
    throw new AppError('NOT_FOUND', { id: 'Versi tidak ditemukan.', en: 'Version not found.' });
  if (row.status !== 'draft') {
    throw new AppError('CONFLICT', PUBLISHED_FROZEN, { field: 'versionId' });
  }
  return row;
}

/** Edits a draft: its payload, and the item's name and description. */
export async function updateConfigDraft(
  db: Db,
  kind: ConfigKind,
  u: {
    districtId: string;
    versionId: string;
    name?: string | undefined;
    description?: string | null | undefined;
    payload?: unknown;
  },
): Promise<void> {
  const t = CONFIG_TABLES[kind];
  const draft = await lockDraft(db, kind, u.versionId);
  if (u.payload !== undefined) {
    await sql`update ${sql.table(t.versions)} set ${sql.ref(t.payload)} = ${jsonb(u.payload)}
      where id = ${u.versionId}`.execute(db);
  }
  if (u.name !== undefined) await assertNameFree(db, kind, u.districtId, u.name, draft.item_id);
  if (u.name !== undefined || u.description !== undefined) {
    await sql`update ${sql.table(t.parent)} set
        name = coalesce(${u.name ?? null}, name),
        description = ${u.description === undefined ? sql`description` : u.description}
      where id = ${draft.item_id}`.execute(db);
  }
}

export async function publishConfigVersion(
  db: Db,
  kind: ConfigKind,
  versionId: string,
): Promise<void> {
  const t = CONFIG_TABLES[kind];
  await lockDraft(db, kind, versionId);
  await sql`update ${sql.table(t.versions)} set status = 'published', published_at = now()
    where id = ${versionId}`.execute(db);
}

export async function deleteConfigDraft(
  db: Db,
  kind: ConfigKind,
  versionId: string,
): Promise<void> {
  const t = CONFIG_TABLES[kind];
  const draft = await lockDraft(db, kind, versionId);
  await sql`delete from ${sql.table(t.versions)} where id = ${versionId}`.execute(db);
  // An item left without any version goes too.
  await sql`delete from ${sql.table(t.parent)} p where p.id = ${draft.item_id}
    and not exists (select 1 from ${sql.table(t.versions)} v where v.${sql.ref(t.fk)} = p.id)`.execute(
    db,
  );
}

/**
 * A new draft version of the same item, copying `fromVersionId`'s payload. One draft at a
 * time: when the item already has one, CONFLICT names it.
 */
export async function insertNextConfigVersion(
  db: Db,
  kind: ConfigKind,
  a: { districtId: string; fromVersionId: string; createdBy: string | null },
): Promise<{ versionId: string; version: number }> {
  const t = CONFIG_TABLES[kind];
  const from = await getConfigVersion(db, kind, a.fromVersionId);
  if (!from)
    throw new AppError('NOT_FOUND', { id: 'Versi tidak ditemukan.', en: 'Version not found.' });
  // Lock the item so two clicks cannot both take the same next number.
  await sql`select id from ${sql.table(t.parent)} where id = ${from.itemId} for update`.execute(db);
  const { rows } = await sql<{ version: number; status: VersionStatus }>`
    select version, status from ${sql.table(t.versions)}
    where ${sql.ref(t.fk)} = ${from.itemId} order by version desc`.execute(db);
  const draft = rows.find((r) => r.status === 'draft');
  if (draft) {
    throw new AppError(
      'CONFLICT',
      {
        id: `Versi ${draft.version} masih draf; sunting atau terbitkan versi itu dahulu.`,
        en: `Version ${draft.version} is still a draft; edit or publish it first.`,
      },
      { field: 'versionId' },
    );
  }
  const version = (rows[0]?.version ?? 0) + 1;
  const versionId = await insertVersion(db, kind, {
    districtId: a.districtId,
    itemId: from.itemId,
    version,
    payload: from.payload,
    createdBy: a.createdBy,
  });
  return { versionId, version };
}

/*
 * Band sets follow their published version: see docs/decisions/008-band-set-versions.md.
 * A study names a band set through one of its versions; publishing a new version moves
 * every study of that band set to it and reclassifies their stored observation bands, so
 * a district's "Baik" means one thing everywhere. Rubrics and criteria stay pinned.
 */

/**
 * The label of the highest lower bound at or below `value` (already rounded to two places)
 * in `set`, a jsonb array of `{ from, label }`: the SQL twin of the domain's `classify`,
 * so a district's stored bands can be rewritten in one statement. config.test.ts proves it
 * against `classify` on random band sets and values (fast-check).
 */
export function bandOf(value: RawBuilder<unknown>, set: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(select e.elem->>'label'
    from jsonb_array_elements(${set}) with ordinality e(elem, ord)
    where (e.elem->>'from')::numeric <= ${value} order by e.ord desc limit 1)`;
}

/** The ids of every version of the band set that `versionId` belongs to. */
function versionsOfSameBandSet(versionId: string): RawBuilder<unknown> {
  return sql`(select v2.id from band_set_versions v1
    join band_set_versions v2 on v2.band_set_id = v1.band_set_id
    where v1.id = ${versionId})`;
}

export interface BandPreviewSchool {
  schoolId: string;
  schoolName: string;
  npsn: string;
  subdistrict: string;
  /** Studies of this school on any version of the band set. */
  studies: number;
  observations: number;
  observationsChanged: number;
  cycles: number;
  cycleMeansChanged: number;
}

export interface BandPreview {
  totals: {
    studies: number;
    observations: number;
    observationsChanged: number;
    cycles: number;
    cycleMeansChanged: number;
  };
  /** Every school with a study on this band set, the most changed first. */
  schools: BandPreviewSchool[];
}

/**
 * How publishing `bands` as the version `versionId` of its band set would reclassify the
 * existing figures: the studies on any version of that band set (and only those) move to
 * it, so each of their observations' stored band is compared with its band under `bands`,
 * and each cycle's mean band under the study's current version with the one under `bands`.
 * Counted per school, in Postgres.
 */
export async function previewBandSet(
  db: Db,
  districtId: string,
  versionId: string,
  bands: TBandSet,
): Promise<BandPreview> {
  const newBands = sql`${JSON.stringify(bands.bands)}::jsonb`;
  const { rows } = await sql<{
    school_id: string;
    school_name: string;
    npsn: string;
    subdistrict: string;
    studies: number;
    observations: number;
    observations_changed: number;
    cycles: number;
    cycle_means_changed: number;
  }>`
    with st as (
      select s.id, s.school_id, s.band_set_version_id from studies s
      where s.district_id = ${districtId}
        and s.band_set_version_id in ${versionsOfSameBandSet(versionId)}
    ),
    obs_by_study as (
      select c.study_id, count(*)::int as observations,
             count(*) filter (
               where o.band is distinct from ${bandOf(sql`o.percentage`, newBands)}
             )::int as observations_changed
      from st join cycles c on c.study_id = st.id
      join observations o on o.cycle_id = c.id and o.instrument = 0
      where c.district_id = ${districtId} and o.district_id = ${districtId}
      group by c.study_id
    ),
    means as (
      select st.id as study_id, st.band_set_version_id, a.mean
      from st join cycles c on c.study_id = st.id
      join cycle_aggregates a on a.cycle_id = c.id and a.instrument = 0
      where c.district_id = ${districtId} and a.district_id = ${districtId} and a.n > 0
    ),
    means_by_study as (
      select m.study_id, count(*)::int as cycles,
             count(*) filter (
               where ${bandOf(sql`m.mean`, sql`bsv.bands->'bands'`)}
                 is distinct from ${bandOf(sql`m.mean`, newBands)}
             )::int as cycle_means_changed
      from means m join band_set_versions bsv on bsv.id = m.band_set_version_id
      group by m.study_id
    )
    select sch.id as school_id, sch.name as school_name, sch.npsn, sch.subdistrict,
           count(*)::int as studies,
           coalesce(sum(ob.observations), 0)::int as observations,
           coalesce(sum(ob.observations_changed), 0)::int as observations_changed,
           coalesce(sum(mb.cycles), 0)::int as cycles,
           coalesce(sum(mb.cycle_means_changed), 0)::int as cycle_means_changed
    from st
    join schools sch on sch.id = st.school_id
    left join obs_by_study ob on ob.study_id = st.id
    left join means_by_study mb on mb.study_id = st.id
    group by sch.id, sch.name, sch.npsn, sch.subdistrict
    order by coalesce(sum(ob.observations_changed), 0) + coalesce(sum(mb.cycle_means_changed), 0) desc,
             sch.name, sch.id`.execute(db);
  const schools = rows.map((r) => ({
    schoolId: r.school_id,
    schoolName: r.school_name,
    npsn: r.npsn,
    subdistrict: r.subdistrict,
    studies: r.studies,
    observations: r.observations,
    observationsChanged: r.observations_changed,
    cycles: r.cycles,
    cycleMeansChanged: r.cycle_means_changed,
  }));
  const totals = {
    studies: 0,
    observations: 0,
    observationsChanged: 0,
    cycles: 0,
    cycleMeansChanged: 0,
  };
  for (const s of schools) {
    totals.studies += s.studies;
    totals.observations += s.observations;
    totals.observationsChanged += s.observationsChanged;
    totals.cycles += s.cycles;
    totals.cycleMeansChanged += s.cycleMeansChanged;
  }
  return { totals, schools };
}

export interface BandSetCriteriaUse {
  criteriaVersionId: string;
  name: string;
  version: number;
  criteria: TSuccessCriteria;
  /** Studies of this band set judged by this criteria version. */
  studies: number;
}

/**
 * The success-criteria versions of the studies on any version of `versionId`'s band set:
 * publishing must not leave one of them naming a band the new version lacks.
 */
export async function criteriaOfBandSetStudies(
  db: Db,
  districtId: string,
  versionId: string,
): Promise<BandSetCriteriaUse[]> {
  const { rows } = await sql<BandSetCriteriaUse>`
    select cv.id as "criteriaVersionId", cs.name, cv.version, cv.criteria,
           count(*)::int as studies
    from studies s
    join criteria_set_versions cv on cv.id = s.criteria_set_version_id
    join criteria_sets cs on cs.id = cv.criteria_set_id
    where s.district_id = ${districtId}
      and s.band_set_version_id in ${versionsOfSameBandSet(versionId)}
    group by cv.id, cs.name, cv.version, cv.criteria
    order by cs.name, cv.version`.execute(db);
  return rows;
}

export interface BandSetMove {
  studyId: string;
  schoolId: string;
  fromVersionId: string;
  observationsChanged: number;
}

/**
 * Moves every study on another version of `versionId`'s band set to `versionId` and
 * reclassifies the stored band of each of their observations whose band changes. Call in
 * the publishing transaction, after the version is published.
 *
 * The cycles of the moved studies get `version + 1` first (and the row locks that come
 * with it): a principal's write that read the old bands then fails its optimistic lock
 * (CONFLICT, reload) instead of storing an old band under the new set, and a write that
 * took the lock first commits before the reclassification reads its row. `updated_at`
 * stays: that is when a person last wrote to the cycle, not the district.
 */
export async function moveStudiesToBandSetVersion(
  db: Db,
  districtId: string,
  versionId: string,
): Promise<BandSetMove[]> {
  const { rows: studies } = await sql<{ id: string; school_id: string; from_version: string }>`
    update studies s set band_set_version_id = ${versionId}
    from studies old
    where old.id = s.id and s.district_id = ${districtId}
      and s.band_set_version_id in ${versionsOfSameBandSet(versionId)}
      and s.band_set_version_id <> ${versionId}
    returning s.id, s.school_id, old.band_set_version_id as from_version`.execute(db);
  // A study's further instruments on that band set move too (decision 022).
  const { rows: instruments } = await sql<{ study_id: string; instrument: number }>`
    update study_instruments set band_set_version_id = ${versionId}
    where district_id = ${districtId}
      and band_set_version_id in ${versionsOfSameBandSet(versionId)}
      and band_set_version_id <> ${versionId}
    returning study_id, instrument`.execute(db);
  if (studies.length === 0 && instruments.length === 0) return [];
  const ids = studies.map((s) => s.id);
  const moved = sql`(${sql.join([
    ...ids.map((id) => sql`(${id}::uuid, 0::smallint)`),
    ...instruments.map((i) => sql`(${i.study_id}::uuid, ${i.instrument}::smallint)`),
  ])})`;
  await sql`update cycles set version = version + 1
    where district_id = ${districtId}
      and study_id in (${sql.join([...ids, ...instruments.map((i) => i.study_id)])})`.execute(db);
  const { rows: changed } = await sql<{ study_id: string; n: number }>`
    with target as (select bands->'bands' as bands from band_set_versions where id = ${versionId}),
    reclassified as (
      update observations o
      set band = ${bandOf(sql`o.percentage`, sql`(select bands from target)`)}
      from cycles c
      where c.id = o.cycle_id and c.district_id = ${districtId}
        and o.district_id = ${districtId}
        and (c.study_id, o.instrument) in ${moved}
        and o.band is distinct from ${bandOf(sql`o.percentage`, sql`(select bands from target)`)}
      returning c.study_id
    )
    select study_id, count(*)::int as n from reclassified group by study_id`.execute(db);
  const counts = new Map(changed.map((c) => [c.study_id, c.n]));
  return studies.map((s) => ({
    studyId: s.id,
    schoolId: s.school_id,
    fromVersionId: s.from_version,
    observationsChanged: counts.get(s.id) ?? 0,
  }));
}

/**
 * The newest published version of the band set `versionId` belongs to, when that is not
 * `versionId` itself: a study must start on the version its band set's studies use now.
 */
export async function newerPublishedBandSetVersion(
  db: Db,
  versionId: string,
): Promise<{ id: string; version: number } | undefined> {
  const { rows } = await sql<{ id: string; version: number }>`
    select newer.id, newer.version from band_set_versions v
    join band_set_versions newer on newer.band_set_id = v.band_set_id
    where v.id = ${versionId} and newer.status = 'published' and newer.version > v.version
    order by newer.version desc limit 1`.execute(db);
  return rows[0];
}

/** The bands of a band set version of the district (any status); undefined elsewhere. */
export async function getBandSetVersionBands(
  db: Db,
  districtId: string,
  versionId: string,
): Promise<TBandSet | undefined> {
  const row = await db
    .selectFrom('band_set_versions')
    .select('bands')
    .where('id', '=', versionId)
    .where('district_id', '=', districtId)
    .executeTakeFirst();
  return row?.bands;
}
