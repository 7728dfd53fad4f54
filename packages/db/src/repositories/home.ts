import type { TCycleStatus, TRole } from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { isoOrNull } from '../iso';
import type { DB } from '../schema';
import type { ConfigKind } from './config';

/*
 * What each role's home page lists (issue 17): a fixed number of queries per home, each
 * bounded by a limit with the total beside it, never a query per row.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface SchoolCurrentStudy {
  studyId: string;
  title: string;
  cycleId: string | null;
  ordinal: number | null;
  status: TCycleStatus | null;
  version: number | null;
  submittedAt: string | null;
  /** Active teachers of the school, and how many of them the current cycle observed. */
  roster: number;
  observedActive: number;
}

/** A school's newest study with its latest cycle and how much of the roster it observed. */
export async function schoolCurrentStudy(
  db: Db,
  schoolId: string,
): Promise<SchoolCurrentStudy | undefined> {
  const { rows } = await sql<
    Omit<SchoolCurrentStudy, 'submittedAt'> & { submittedAt: Date | null }
  >`
    select s.id as "studyId", s.title, c.id as "cycleId", c.ordinal, c.status, c.version,
           c.submitted_at as "submittedAt",
           (select count(*)::int from teachers t
             where t.school_id = s.school_id and t.active) as roster,
           (select count(*)::int from observations o join teachers t on t.id = o.teacher_id
             where o.cycle_id = c.id and t.active) as "observedActive"
    from studies s
    left join lateral (
      select id, ordinal, status, version, submitted_at from cycles
      where study_id = s.id order by ordinal desc limit 1
    ) c on true
    where s.school_id = ${schoolId}
    order by s.created_at desc, s.id
    limit 1`.execute(db);
  const row = rows[0];
  return row ? { ...row, submittedAt: isoOrNull(row.submittedAt) } : undefined;
}

export interface ReturnedCycle {
  cycleId: string;
  ordinal: number;
  studyId: string;
  studyTitle: string;
  schoolId: string;
  schoolName: string;
  /** When it was returned (the review's time). */
  returnedAt: string | null;
}

/** Returned cycles not yet resubmitted, returned longest ago first. */
export async function listReturnedCycles(
  db: Db,
  q: { districtId: string; schoolId?: string; limit: number },
): Promise<{ total: number; items: ReturnedCycle[] }> {
  let base = db
    .selectFrom('cycles as c')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .where('c.district_id', '=', q.districtId)
    .where('c.status', '=', 'returned');
  if (q.schoolId) base = base.where('s.school_id', '=', q.schoolId);
  const [items, total] = await Promise.all([
    base
      .innerJoin('schools as sch', 'sch.id', 's.school_id')
      .select([
        'c.id as cycleId',
        'c.ordinal',
        's.id as studyId',
        's.title as studyTitle',
        'sch.id as schoolId',
        'sch.name as schoolName',
        'c.reviewed_at as returnedAt',
      ])
      .orderBy('c.reviewed_at', 'asc')
      .orderBy('c.id')
      .limit(q.limit)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.total,
    items: items.map((i) => ({ ...i, returnedAt: isoOrNull(i.returnedAt) })),
  };
}

/** Active schools of the district without any study, by name. */
export async function listSchoolsWithoutStudy(
  db: Db,
  q: { districtId: string; limit: number },
): Promise<{
  total: number;
  items: { schoolId: string; schoolName: string; subdistrict: string }[];
}> {
  const base = db
    .selectFrom('schools as sch')
    .where('sch.district_id', '=', q.districtId)
    .where('sch.active', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('studies as s').select('s.id').whereRef('s.school_id', '=', 'sch.id'),
        ),
      ),
    );
  const [items, total] = await Promise.all([
    base
      .select(['sch.id as schoolId', 'sch.name as schoolName', 'sch.subdistrict'])
      .orderBy('sch.name')
      .orderBy('sch.id')
      .limit(q.limit)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { total: total.total, items };
}

export interface ConfigDraft {
  kind: ConfigKind;
  itemId: string;
  name: string;
  versionId: string;
  version: number;
  createdAt: string | null;
}

/** Unpublished versions of the district's rubrics, band sets and success criteria, oldest first. */
export async function listConfigDrafts(db: Db, districtId: string): Promise<ConfigDraft[]> {
  const { rows } = await sql<Omit<ConfigDraft, 'createdAt'> & { createdAt: Date | null }>`
    select * from (
      select 'rubric' as kind, p.id as "itemId", p.name, v.id as "versionId", v.version,
             v.created_at as "createdAt"
      from rubric_versions v join rubrics p on p.id = v.rubric_id
      where v.district_id = ${districtId} and v.status = 'draft'
      union all
      select 'bandSet', p.id, p.name, v.id, v.version, v.created_at
      from band_set_versions v join band_sets p on p.id = v.band_set_id
      where v.district_id = ${districtId} and v.status = 'draft'
      union all
      select 'criteriaSet', p.id, p.name, v.id, v.version, v.created_at
      from criteria_set_versions v join criteria_sets p on p.id = v.criteria_set_id
      where v.district_id = ${districtId} and v.status = 'draft'
    ) d
    order by "createdAt", name, "versionId"
    limit 100`.execute(db);
  return rows.map((r) => ({ ...r, createdAt: isoOrNull(r.createdAt) }));
}

export interface InactiveAccount {
  userId: string;
  username: string;
  fullName: string;
  role: TRole;
  schoolName: string | null;
  /** The last successful sign-in (from the audit log); null when never. */
  lastSignInAt: string | null;
}

/**
 * Active accounts of the district that have not signed in since `since` (or never),
 * never-signed-in first, then the longest silent. Sign-ins are the audit log's
 * `auth.login` rows.
 */
export async function listInactiveAccounts(
  db: Db,
  q: { districtId: string; since: Date; limit: number },
): Promise<{ total: number; items: InactiveAccount[] }> {
  const { rows } = await sql<
    Omit<InactiveAccount, 'lastSignInAt'> & { lastSignInAt: Date | null; total: number }
  >`
    select u.id as "userId", u.username, u.full_name as "fullName", u.role,
           sch.name as "schoolName", l.last as "lastSignInAt", count(*) over ()::int as total
    from users u
    left join schools sch on sch.id = u.school_id
    left join lateral (
      select max(a.created_at) as last from audit_log a
      where a.district_id = u.district_id and a.user_id = u.id and a.action = 'auth.login'
    ) l on true
    where u.district_id = ${q.districtId} and u.active
      and (l.last is null or l.last < ${q.since})
    order by l.last asc nulls first, u.full_name, u.id
    limit ${q.limit}`.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...r }) => ({
      ...r,
      lastSignInAt: isoOrNull(r.lastSignInAt),
    })),
  };
}
