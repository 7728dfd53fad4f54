import type { Kysely, RawBuilder, Transaction } from 'kysely';
import { sql } from 'kysely';
import { iso } from '../iso';
import { jsonb } from '../json';
import type { DB } from '../schema';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The audit log. `after` carries what the action produced plus two keys every entry may
 * have: `schoolId` (so the log can be filtered by school) and `requestId` (so an entry can
 * be matched with the server log a user quotes).
 */
export interface AuditEntryInput {
  districtId: string | null;
  userId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  schoolId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  ip: string | null;
  requestId: string | null;
}

export async function insertAuditEntry(db: Executor, e: AuditEntryInput): Promise<void> {
  await sql`${auditInsert(e)}`.execute(db);
}

/**
 * The audit row as `insert ... select`: its entity id may be an expression over `from`
 * (e.g. the id a data-modifying CTE returned), so a write can log itself in its own
 * statement, one round trip, and nothing is logged when the write inserted nothing.
 */
export function auditInsert(
  e: AuditEntryInput,
  entityId: RawBuilder<unknown> = sql`${e.entityId}::text`,
  from: RawBuilder<unknown> = sql``,
): RawBuilder<unknown> {
  const after =
    e.after || e.schoolId || e.requestId
      ? {
          ...(e.after ?? {}),
          ...(e.schoolId ? { schoolId: e.schoolId } : {}),
          ...(e.requestId ? { requestId: e.requestId } : {}),
        }
      : null;
  return sql`insert into audit_log
      (district_id, user_id, action, entity, entity_id, before, after, reason, ip)
    select ${e.districtId}::uuid, ${e.userId}::uuid, ${e.action}::text, ${e.entity}::text,
           ${entityId}, ${e.before === null ? sql`null` : jsonb(e.before)},
           ${after === null ? sql`null` : jsonb(after)}, ${e.reason}::text, ${e.ip}::text
    ${from}`;
}

export interface AuditListItem {
  id: number;
  /** ISO date-time. */
  createdAt: string;
  action: string;
  userId: string | null;
  username: string | null;
  /** The actor's full name. */
  actorName: string | null;
  entity: string | null;
  entityId: string | null;
  schoolId: string | null;
  /** The school's name, so a reader sees which school an entry concerns. */
  schoolName: string | null;
  /**
   * The name of what the entry touched: a user's full name, a school, a teacher, a study's
   * title, a cycle as "Siklus II, SD Negeri Lulut 2" (ordinal and school; the caller
   * labels the ordinal); null when unknown or gone.
   */
  target:
    | { kind: 'name'; name: string }
    | { kind: 'cycle'; ordinal: number; schoolName: string }
    | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listAuditEntries(
  db: Executor,
  f: {
    districtId: string;
    userId?: string | undefined;
    schoolId?: string | undefined;
    action?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: AuditListItem[]; total: number }> {
  let q = db
    .selectFrom('audit_log')
    // The actors of a district's entries are its own users (decision 004's shard key).
    .leftJoin('users', (j) =>
      j
        .onRef('users.id', '=', 'audit_log.user_id')
        .onRef('users.district_id', '=', 'audit_log.district_id'),
    )
    .where('audit_log.district_id', '=', f.districtId);
  if (f.userId) q = q.where('audit_log.user_id', '=', f.userId);
  if (f.schoolId) {
    const schoolId = f.schoolId;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('audit_log.entity', '=', 'school'), eb('audit_log.entity_id', '=', schoolId)]),
        eb(sql`audit_log.after ->> 'schoolId'`, '=', schoolId),
      ]),
    );
  }
  if (f.action) {
    // "auth" matches every auth.* action; "auth.login" only itself.
    const action = f.action;
    q = q.where((eb) =>
      eb.or([eb('audit_log.action', '=', action), eb('audit_log.action', 'like', `${action}.%`)]),
    );
  }
  if (f.from) q = q.where('audit_log.created_at', '>=', f.from);
  if (f.to) q = q.where('audit_log.created_at', '<', f.to);
  const [rows, total] = await Promise.all([
    q
      .select([
        'audit_log.id',
        'audit_log.created_at',
        'audit_log.action',
        'audit_log.user_id',
        'users.username',
        'users.full_name',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.before',
        'audit_log.after',
        'audit_log.reason',
        'audit_log.ip',
      ])
      .orderBy('audit_log.created_at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const schoolOf = (r: (typeof rows)[number]): string | null => {
    if (r.entity === 'school' && r.entity_id && UUID.test(r.entity_id)) return r.entity_id;
    const after = r.after;
    const id =
      typeof after === 'object' && after !== null && 'schoolId' in after
        ? after.schoolId
        : undefined;
    return typeof id === 'string' && UUID.test(id) ? id : null;
  };
  const schoolIds = [...new Set(rows.map(schoolOf).filter((id): id is string => id !== null))];
  // The page's schools by name: one indexed lookup, not a join over the whole log.
  const names = new Map(
    schoolIds.length === 0
      ? []
      : (
          await db
            .selectFrom('schools')
            .select(['id', 'name'])
            .where('district_id', '=', f.districtId)
            .where('id', 'in', schoolIds)
            .execute()
        ).map((school) => [school.id, school.name] as const),
  );
  // The page's targets by name: one lookup per kind of entity on the page.
  const idsOf = (entity: string) => [
    ...new Set(
      rows
        .filter((r) => r.entity === entity && r.entity_id && UUID.test(r.entity_id))
        .map((r) => r.entity_id!),
    ),
  ];
  const [userNames, teacherNames, studyTitles, cycleNames] = await Promise.all([
    namesOf(idsOf('user'), (ids) =>
      db
        .selectFrom('users')
        .select(['id', 'full_name as name'])
        .where('district_id', '=', f.districtId)
        .where('id', 'in', ids)
        .execute(),
    ),
    namesOf(idsOf('teacher'), (ids) =>
      db
        .selectFrom('teachers')
        .select(['id', 'name'])
        .where('district_id', '=', f.districtId)
        .where('id', 'in', ids)
        .execute(),
    ),
    namesOf(idsOf('study'), (ids) =>
      db
        .selectFrom('studies')
        .select(['id', 'title as name'])
        .where('district_id', '=', f.districtId)
        .where('id', 'in', ids)
        .execute(),
    ),
    (async () => {
      const ids = idsOf('cycle');
      if (ids.length === 0) return new Map<string, { ordinal: number; schoolName: string }>();
      const found = await db
        .selectFrom('cycles as c')
        .innerJoin('studies as s', 's.id', 'c.study_id')
        .innerJoin('schools as sch', 'sch.id', 's.school_id')
        .select(['c.id', 'c.ordinal', 'sch.name as schoolName'])
        .where('c.district_id', '=', f.districtId)
        .where('c.id', 'in', ids)
        .execute();
      return new Map(found.map((c) => [c.id, { ordinal: c.ordinal, schoolName: c.schoolName }]));
    })(),
  ]);
  const targetOf = (
    r: (typeof rows)[number],
    schoolName: string | null,
  ): AuditListItem['target'] => {
    const id = r.entity_id ?? '';
    const named = (name: string | undefined | null) =>
      name ? { kind: 'name' as const, name } : null;
    switch (r.entity) {
      case 'user':
        return named(userNames.get(id));
      case 'teacher':
        return named(teacherNames.get(id));
      case 'study':
        return named(studyTitles.get(id));
      case 'school':
        return named(schoolName);
      case 'cycle': {
        const c = cycleNames.get(id);
        return c ? { kind: 'cycle', ...c } : null;
      }
      default:
        return null;
    }
  };
  return {
    total: Number(total.n),
    items: rows.map((r) => {
      const schoolId = schoolOf(r);
      return {
        id: Number(r.id),
        createdAt: iso(r.created_at),
        action: r.action,
        userId: r.user_id,
        username: r.username,
        actorName: r.full_name,
        entity: r.entity,
        entityId: r.entity_id,
        schoolId,
        schoolName: schoolId ? (names.get(schoolId) ?? null) : null,
        target: targetOf(r, schoolId ? (names.get(schoolId) ?? null) : null),
        before: r.before,
        after: r.after,
        reason: r.reason,
        ip: r.ip,
      };
    }),
  };
}

async function namesOf(
  ids: string[],
  load: (ids: string[]) => Promise<{ id: string; name: string }[]>,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await load(ids)).map((r) => [r.id, r.name] as const));
}
