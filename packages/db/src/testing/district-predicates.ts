import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import type { DB } from '../schema';

/*
 * Every query on a district-owned table must filter by district_id (decision 004): it is
 * a scope leak on one server and a fan-out to every node once the tables are distributed
 * by district. This module checks it on the queries the test suites really run:
 *
 * - with SIKLUS_QUERY_LOG=<dir>, the api tests' callers (packages/api/src/testing,
 *   through recordingQueries) record every statement a procedure executes (SQL and
 *   parameters, compiled as Postgres receives them) to <dir>/<pid>.jsonl; the tests' own
 *   set-up and checks are not recorded;
 * - checkDistrictPredicates() EXPLAINs each recorded statement on a migrated database and
 *   reports every scan of a district-owned table whose conditions never name district_id
 *   (Postgres propagates `a.district_id = $1 and b.district_id = a.district_id` to both
 *   scans, so a join on the key counts).
 *
 * `pnpm --filter @siklus/api test:district` runs the api suite that way and fails on a
 * query that is not in the known list (district-predicates.known.json), so the list only
 * shrinks.
 */

export const QUERY_LOG_ENV = 'SIKLUS_QUERY_LOG';

export interface RecordedQuery {
  sql: string;
  parameters: unknown[];
}

/** A plugin that appends each statement to `file` (one JSON line each). */
export function queryRecorder(dir: string): KyselyPlugin {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}.jsonl`);
  const compiler = new PostgresQueryCompiler();
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      const compiled = compiler.compileQuery(node, queryId);
      const line: RecordedQuery = { sql: compiled.sql, parameters: [...compiled.parameters] };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
      return node;
    },
    async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return result;
    },
  };
}

/** `db`, recording its statements when SIKLUS_QUERY_LOG names a directory. */
export function recordingQueries(db: Kysely<DB>): Kysely<DB> {
  const dir = process.env[QUERY_LOG_ENV];
  return dir ? db.withPlugin(queryRecorder(dir)) : db;
}

export function readRecordedQueries(dir: string): RecordedQuery[] {
  const seen = new Map<string, RecordedQuery>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line) continue;
      const q = JSON.parse(line) as RecordedQuery;
      const key = normalizeSql(q.sql);
      if (!seen.has(key)) seen.set(key, q);
    }
  }
  return [...seen.values()];
}

export interface DistrictViolation {
  /** The statement with whitespace collapsed: the key of the known list. */
  sql: string;
  /** District-owned tables it reads or writes without a district_id condition. */
  tables: string[];
}

interface PlanNode {
  'Relation Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

const CONDITIONS = ['Index Cond', 'Filter', 'Recheck Cond', 'Join Filter', 'Hash Cond'];

function scansWithoutDistrict(node: PlanNode, owned: Set<string>, out: Set<string>): void {
  const relation = node['Relation Name'];
  if (relation && owned.has(relation)) {
    const named = CONDITIONS.some((k) => String(node[k] ?? '').includes('district_id'));
    // Insert/Update/Delete name the target relation too; their rows come from the scans.
    const modify = node['Node Type'] === 'ModifyTable';
    if (!named && !modify) out.add(relation);
  }
  for (const child of node.Plans ?? []) scansWithoutDistrict(child, owned, out);
}

/**
 * The statement's shape, the key of the known list: whitespace collapsed, parameters
 * unnumbered and `in ($1, $2, ...)` lists folded, so a list of another length or a
 * parameter added before it is the same statement.
 */
export const normalizeSql = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '$')
    .replace(/\(\$(, \$)*\)/g, '($...)')
    .trim();

/**
 * EXPLAINs each statement (without running it) and returns those that scan a
 * district-owned table (one with a district_id column) without naming district_id.
 * Statements that are not queries (transaction control, DDL) are skipped; one that fails
 * to explain is returned in `failed`, so a check cannot pass by explaining nothing.
 */
export async function checkDistrictPredicates(
  db: Kysely<DB>,
  queries: RecordedQuery[],
): Promise<{ violations: DistrictViolation[]; explained: number; failed: string[] }> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
     where table_schema = current_schema() and column_name = 'district_id'`.execute(db);
  const owned = new Set(rows.map((r) => r.table_name));
  const violations: DistrictViolation[] = [];
  const failed: string[] = [];
  let explained = 0;
  for (const q of queries) {
    if (!/^\s*(select|insert|update|delete|with)\b/i.test(q.sql)) continue;
    let plan: PlanNode;
    try {
      const result = await db.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>({
        sql: `explain (format json) ${q.sql}`,
        parameters: q.parameters,
        query: { kind: 'RawNode', sqlFragments: [], parameters: [] } as never,
        queryId: { queryId: 'district-predicates' },
      });
      const cell = result.rows[0]?.['QUERY PLAN'];
      const parsed = typeof cell === 'string' ? JSON.parse(cell) : cell;
      plan = parsed[0].Plan;
    } catch (error) {
      failed.push(`${normalizeSql(q.sql).slice(0, 120)}: ${String(error)}`);
      continue;
    }
    explained += 1;
    const tables = new Set<string>();
    scansWithoutDistrict(plan, owned, tables);
    if (tables.size > 0) violations.push({ sql: normalizeSql(q.sql), tables: [...tables].sort() });
  }
  return { violations, explained, failed };
}
