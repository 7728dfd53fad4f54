import type {
  TFlatSheet,
  TJump,
  TNarrativeCycle,
  TNotePair,
  TPrintedCycle,
  TVectorGroup,
} from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { iso } from '../iso';
import type { DB, PrintedBandsJson } from '../schema';

/*
 * Integrity signals (issue 18): the candidate rows, found by one query each over a
 * district. What counts as a signal, and how it is worded, is the domain package's
 * (integrity.ts); these queries only narrow the search so the dashboard stays fast.
 * No query recomputes a figure: percentages are the stored ones (computed by the domain
 * at write time), compared as exact numerics.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** A group of identical vectors as the domain judges it, with each sheet's cycle ordinal. */
export type ScoreVectorGroup = TVectorGroup & {
  indicators: number;
  observations: (TVectorGroup['observations'][number] & { ordinal: number })[];
};

export interface RepeatedVector {
  rubricVersionId: string;
  vector: string;
  /** All sheets on this rubric version in the district (the chance model's population). */
  sheets: number;
  /** Distinct teachers whose sheets carry this vector (at least two). */
  teachers: number;
}

/**
 * Score vectors that different teachers share exactly, on the same rubric version, with
 * at least `minIndicators` indicators and at least two distinct scores (a sheet of one
 * score throughout is the flat-sheet signal instead): counts only, from the trigger-kept
 * vectors (observation_score_vectors). At 2,000 schools a third of the sheets share a
 * vector by chance; the domain (isRareVector) picks the few worth fetching.
 */
export async function repeatedScoreVectors(
  db: Db,
  districtId: string,
  minIndicators: number,
): Promise<RepeatedVector[]> {
  const { rows } = await sql<RepeatedVector>`
    with grouped as (
      select st.rubric_version_id, v.vector, min(v.distinct_scores) as distinct_scores,
             count(distinct o.teacher_id)::int as teachers,
             sum(count(*)) over (partition by st.rubric_version_id)::int as sheets
        from observation_score_vectors v
        join observations o on o.id = v.observation_id
        join cycles c on c.id = o.cycle_id
        join studies st on st.id = c.study_id
       where v.district_id = ${districtId} and v.indicators >= ${minIndicators}
       group by st.rubric_version_id, v.vector
    )
    select rubric_version_id as "rubricVersionId", vector, sheets, teachers
      from grouped
     where teachers >= 2 and distinct_scores >= 2
     order by rubric_version_id, vector`.execute(db);
  return rows;
}

/** The sheets of the given (rubric version, vector) groups, with their teachers and schools. */
export async function scoreVectorSheets(
  db: Db,
  districtId: string,
  minIndicators: number,
  groups: readonly Pick<RepeatedVector, 'rubricVersionId' | 'vector' | 'sheets'>[],
): Promise<ScoreVectorGroup[]> {
  if (groups.length === 0) return [];
  const wanted = JSON.stringify(
    groups.map((g) => ({ rubric: g.rubricVersionId, vector: g.vector, sheets: g.sheets })),
  );
  const { rows } = await sql<ScoreVectorGroup>`
    with wanted as (
      select * from jsonb_to_recordset(${wanted}::jsonb) as w(rubric uuid, vector text, sheets int)
    )
    select st.rubric_version_id as "rubricVersionId", v.vector,
           min(v.indicators)::int as indicators, min(w.sheets)::int as sheets,
           jsonb_agg(jsonb_build_object(
             'observationId', v.observation_id, 'teacherId', o.teacher_id,
             'teacherName', t.name, 'schoolId', st.school_id, 'schoolName', s.name,
             'cycleId', o.cycle_id, 'ordinal', c.ordinal)
             order by s.name, t.name, c.ordinal) as observations
      from wanted w
      join observation_score_vectors v
        on v.district_id = ${districtId} and v.vector = w.vector
       and v.indicators >= ${minIndicators}
      join observations o on o.id = v.observation_id
      join cycles c on c.id = o.cycle_id
      join studies st on st.id = c.study_id and st.rubric_version_id = w.rubric
      join teachers t on t.id = o.teacher_id
      join schools s on s.id = st.school_id
     group by st.rubric_version_id, v.vector
     order by st.rubric_version_id, v.vector`.execute(db);
  return rows;
}

/** A flat sheet as the domain judges it, with its teacher. */
export type FlatSheet = TFlatSheet & { teacherId: string };

/**
 * Sheets where every scored indicator (at least `minIndicators`) has the same score, with
 * the number of sheets in their cycle (the domain judges the share, not a single sheet).
 * Reads the trigger-kept flat score (observation_score_vectors, its partial index), and
 * the cycle's sheet count from the trigger-kept cycle_aggregates.
 */
export async function flatSheets(
  db: Db,
  districtId: string,
  minIndicators: number,
): Promise<FlatSheet[]> {
  const { rows } = await sql<FlatSheet>`
    select o.id as "observationId", o.teacher_id as "teacherId", t.name as "teacherName",
           st.school_id as "schoolId", s.name as "schoolName", o.cycle_id as "cycleId",
           c.ordinal, v.flat_score as score, v.scored as indicators,
           coalesce(a.n, 0)::int as "sheetsInCycle"
      from observation_score_vectors v
      join observations o on o.id = v.observation_id
      join cycles c on c.id = o.cycle_id
      join studies st on st.id = c.study_id
      join teachers t on t.id = o.teacher_id
      join schools s on s.id = st.school_id
      left join cycle_aggregates a on a.cycle_id = o.cycle_id and a.instrument = o.instrument
     where v.district_id = ${districtId} and v.flat_score is not null
       and v.scored >= ${minIndicators}
     order by s.name, t.name, c.ordinal`.execute(db);
  return rows;
}

/** A teacher's change between consecutive cycles, as the domain judges it (`pre`/`post` numeric(5,2) as text). */
export type TeacherJump = TJump;

/**
 * A teacher's percentage rising or falling by more than `points` from one cycle of a study
 * to the next (consecutive cycles in which the teacher was observed).
 */
export async function teacherJumps(
  db: Db,
  districtId: string,
  points: string,
): Promise<TeacherJump[]> {
  const { rows } = await sql<TeacherJump>`
    with series as (
      select o.teacher_id, st.id as study_id, st.school_id, o.cycle_id, c.ordinal, o.percentage,
             lag(o.percentage) over w as pre, lag(c.ordinal) over w as pre_ordinal
        from observations o
        join cycles c on c.id = o.cycle_id
        join studies st on st.id = c.study_id
       where o.district_id = ${districtId}
      window w as (partition by st.id, o.teacher_id order by c.ordinal)
    )
    select x.teacher_id as "teacherId", t.name as "teacherName", x.school_id as "schoolId",
           s.name as "schoolName", x.study_id as "studyId", x.cycle_id as "cycleId",
           x.pre_ordinal as "fromOrdinal", x.ordinal as "toOrdinal",
           x.pre::text as pre, x.percentage::text as post
      from series x
      join teachers t on t.id = x.teacher_id
      join schools s on s.id = x.school_id
     where x.pre is not null and abs(x.percentage - x.pre) > ${points}::numeric
     order by s.name, t.name, x.ordinal`.execute(db);
  return rows;
}

/** In the cycle table's order (teacher sort order, then name), as cycles.get lists them. */
export type PrintedFiguresCycle = TPrintedCycle & {
  ordinal: number;
  printedMean: string | null;
  printedMeanBand: string | null;
  printedBands: PrintedBandsJson | null;
};

/** Cycles carrying printed figures, with their stored percentages, for the consistency check. */
export async function printedFiguresCycles(
  db: Db,
  districtId: string,
): Promise<PrintedFiguresCycle[]> {
  const { rows } = await sql<PrintedFiguresCycle>`
    select c.id as "cycleId", st.school_id as "schoolId", s.name as "schoolName",
           st.id as "studyId", c.ordinal,
           c.printed_mean::text as "printedMean", c.printed_mean_band as "printedMeanBand",
           c.printed_bands as "printedBands", bv.bands,
           coalesce((select jsonb_agg(o.percentage::text order by t.sort_order, t.name)
                       from observations o join teachers t on t.id = o.teacher_id
                      where o.cycle_id = c.id), '[]'::jsonb) as percentages
      from cycles c
      join studies st on st.id = c.study_id
      join schools s on s.id = st.school_id
      join band_set_versions bv on bv.id = st.band_set_version_id
     where c.district_id = ${districtId}
       and (c.printed_mean is not null or c.printed_mean_band is not null
            or c.printed_bands is not null)
     order by s.name, c.ordinal`.execute(db);
  return rows;
}

/**
 * A cycle's notes with what they are checked against: the mean from cycle_aggregates (the
 * domain's round2(sum / n), null without observations), the teachers in the cycle table's order.
 */
export type NarrativeNoteCycle = TNarrativeCycle;

/**
 * Cycles whose observation or reflection notes may restate results: they name a band word
 * or a mean, and a numbered teacher, "semua/seluruh/setiap guru" or a mean. A cheap regular
 * expression narrows the district to those (most notes say neither); the domain reads the
 * claims (narrative.ts).
 */
export async function narrativeNoteCycles(
  db: Db,
  districtId: string,
): Promise<NarrativeNoteCycle[]> {
  const { rows } = await sql<NarrativeNoteCycle>`
    select c.id as "cycleId", c.ordinal, st.school_id as "schoolId", s.name as "schoolName",
           st.id as "studyId", c.observation_notes as "observationNotes",
           c.reflection_notes as "reflectionNotes", bv.bands as "bandSet",
           a.mean::text as mean,
           coalesce((select jsonb_agg(jsonb_build_object(
                              'name', t.name, 'className', t.class_name,
                              'percentage', o.percentage::text, 'band', o.band)
                            order by t.sort_order, t.name)
                       from observations o join teachers t on t.id = o.teacher_id
                      where o.cycle_id = c.id), '[]'::jsonb) as teachers
      from cycles c
      join studies st on st.id = c.study_id
      join schools s on s.id = st.school_id
      join band_set_versions bv on bv.id = st.band_set_version_id
      left join cycle_aggregates a on a.cycle_id = c.id and a.district_id = c.district_id
        and a.instrument = 0
     where c.district_id = ${districtId}
       and exists (
         select 1 from (values (c.observation_notes), (c.reflection_notes)) as n(text)
          where n.text ~* '(kategori|kriteria|predikat|rata-rata|rerata)'
            and n.text ~* '(guru[[:space:]]+(kelas[[:space:]]+)?(ke-?[[:space:]]*)?[0-9]|(semua|seluruh|setiap)[[:space:]]+guru|rata-rata|rerata)')
     order by s.name, c.ordinal`.execute(db);
  return rows;
}

export interface IntegrityDismissal {
  signalKey: string;
  schoolId: string | null;
  reason: string;
  dismissedBy: string | null;
  dismissedByName: string | null;
  createdAt: string;
}

export async function listIntegrityDismissals(
  db: Db,
  districtId: string,
): Promise<IntegrityDismissal[]> {
  const rows = await db
    .selectFrom('integrity_dismissals as d')
    .leftJoin('users as u', 'u.id', 'd.dismissed_by')
    .select([
      'd.signal_key as signalKey',
      'd.school_id as schoolId',
      'd.reason',
      'd.dismissed_by as dismissedBy',
      'u.full_name as dismissedByName',
      'd.created_at as createdAt',
    ])
    .where('d.district_id', '=', districtId)
    .execute();
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
}

/** Records a dismissal; undefined when that signal was already dismissed. */
export function insertIntegrityDismissal(
  db: Db,
  d: { districtId: string; schoolId: string; signalKey: string; reason: string; userId: string },
) {
  return db
    .insertInto('integrity_dismissals')
    .values({
      district_id: d.districtId,
      school_id: d.schoolId,
      signal_key: d.signalKey,
      reason: d.reason,
      dismissed_by: d.userId,
    })
    .onConflict((oc) => oc.columns(['district_id', 'signal_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** The district's jump threshold, or null when the admin never set one. */
export async function getIntegritySettings(
  db: Db,
  districtId: string,
): Promise<{ jumpPoints: string } | null> {
  const row = await db
    .selectFrom('integrity_settings')
    .select(sql<string>`jump_points::text`.as('jumpPoints'))
    .where('district_id', '=', districtId)
    .executeTakeFirst();
  return row ?? null;
}

export async function upsertIntegritySettings(
  db: Db,
  s: { districtId: string; jumpPoints: string; userId: string },
): Promise<void> {
  await db
    .insertInto('integrity_settings')
    .values({ district_id: s.districtId, jump_points: s.jumpPoints, updated_by: s.userId })
    .onConflict((oc) =>
      oc.column('district_id').doUpdateSet({
        jump_points: s.jumpPoints,
        updated_by: s.userId,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** A near copy as the domain judges it (`similarity`: pg_trgm's, 0-1, as text). */
export type NotePair = TNotePair & { stage: (typeof NOTE_STAGES)[number] };

const NOTE_STAGES = ['planning', 'action', 'observation', 'reflection'] as const;

/**
 * For each stage note of at least `minLength` characters, the most similar note of
 * another school in the district (pg_trgm similarity at least `threshold`), and how many
 * schools hold a near copy. Notes whose exact text already sits in `templateSchools`
 * schools or more are a template and are not searched (without this, one template shared
 * by a whole district makes the join quadratic). Runs in a transaction so the `%`
 * operator's threshold is set for this query only; each stage's `%` join probes that
 * stage's trigram index.
 */
export async function nearCopyNotes(
  db: Kysely<DB>,
  districtId: string,
  opts: { threshold: string; minLength: number; templateSchools: number },
): Promise<NotePair[]> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('pg_trgm.similarity_threshold', ${opts.threshold}, true)`.execute(
      tx,
    );
    const pairs: NotePair[] = [];
    for (const stage of NOTE_STAGES) {
      const col = sql.ref(`${stage}_notes`);
      const { rows } = await sql<NotePair>`
        with texts as (
          select c.${col} as body
            from cycles c join studies st on st.id = c.study_id
           where c.district_id = ${districtId} and length(c.${col}) >= ${opts.minLength}
           group by c.${col}
          having count(distinct st.school_id) < ${opts.templateSchools}
        ),
        matches as (
          select a.id as cycle_id, sa.school_id, b.id as other_cycle_id,
                 sb.school_id as other_school_id,
                 similarity(a.${col}, b.${col}) as similarity,
                 left(a.${col}, 120) as excerpt
            from texts t
            join cycles a on a.${col} = t.body and a.district_id = ${districtId}
            join studies sa on sa.id = a.study_id
            join cycles b on b.district_id = a.district_id and a.${col} % b.${col}
            join studies sb on sb.id = b.study_id
           where sa.school_id <> sb.school_id
        ),
        spread as (
          select cycle_id, count(distinct other_school_id)::int + 1 as schools
            from matches group by cycle_id
        ),
        best as (
          select distinct on (m.cycle_id) m.*
            from matches m order by m.cycle_id, m.similarity desc, m.other_cycle_id
        )
        select b.school_id as "schoolId", s.name as "schoolName", b.cycle_id as "cycleId",
               ${stage} as stage, b.other_school_id as "otherSchoolId",
               o.name as "otherSchoolName", b.other_cycle_id as "otherCycleId",
               round(b.similarity::numeric, 4)::text as similarity, b.excerpt,
               sp.schools as "schoolsWithText"
          from best b
          join spread sp on sp.cycle_id = b.cycle_id
          join schools s on s.id = b.school_id
          join schools o on o.id = b.other_school_id
         order by s.name, b.cycle_id`.execute(tx);
      pairs.push(...rows);
    }
    return pairs;
  });
}

/** Schools of a district with at least one cycle (the base of the note-template share). */
export async function countSchoolsWithCycles(db: Db, districtId: string): Promise<number> {
  const row = await db
    .selectFrom('cycles as c')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .select(sql<number>`count(distinct s.school_id)::int`.as('n'))
    .where('c.district_id', '=', districtId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface TypedPercentages {
  studyId: string;
  schoolId: string;
  schoolName: string;
  /** numeric(5,2) as text, every sheet of the study. */
  percentages: string[];
}

/**
 * Percentages typed directly (studies on a summary rubric), per study: the heaping check
 * looks at their last digits. Computed percentages (indicator rubrics) are left out, since
 * their digits follow from the rubric, not from a person.
 */
export async function typedPercentages(db: Db, districtId: string): Promise<TypedPercentages[]> {
  const { rows } = await sql<TypedPercentages>`
    select st.id as "studyId", st.school_id as "schoolId", s.name as "schoolName",
           jsonb_agg(o.percentage::text order by c.ordinal, o.id) as percentages
      from observations o
      join cycles c on c.id = o.cycle_id
      join studies st on st.id = c.study_id
      join rubric_versions rv on rv.id = st.rubric_version_id
      join schools s on s.id = st.school_id
     where o.district_id = ${districtId} and rv.definition ->> 'mode' = 'summary'
     group by st.id, st.school_id, s.name
     order by s.name, st.id`.execute(db);
  return rows;
}
