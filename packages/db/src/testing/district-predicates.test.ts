import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './create-test-db';
import { checkDistrictPredicates, normalizeSql } from './district-predicates';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

const id = '00000000-0000-4000-8000-000000000001';

it('flags a scan of a district-owned table that never names district_id, and only that', async () => {
  const queries = [
    // By primary key alone: a fan-out under Citus.
    { sql: 'select id from cycles where id = $1', parameters: [id] },
    // A join whose second table is bound only through the first's district: both scans
    // get the district (Postgres carries the equality), so it passes.
    {
      sql: `select c.id from cycles c join studies s on s.id = c.study_id and s.district_id = c.district_id
            where c.district_id = $1`,
      parameters: [id],
    },
    // The same join without the key on the second table: studies is scanned unbound.
    {
      sql: 'select c.id from cycles c join studies s on s.id = c.study_id where c.district_id = $1',
      parameters: [id],
    },
    // Not district-owned.
    { sql: 'select id from districts where id = $1', parameters: [id] },
    // Not a query.
    { sql: 'begin', parameters: [] },
  ];
  const { violations, explained, failed } = await checkDistrictPredicates(t.db, queries);
  expect(failed).toEqual([]);
  expect(explained).toBe(4);
  expect(violations).toEqual([
    { sql: 'select id from cycles where id = $', tables: ['cycles'] },
    {
      sql: normalizeSql(queries[2]!.sql),
      tables: ['studies'],
    },
  ]);
  // Nothing ran: EXPLAIN without ANALYZE.
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from cycles`.execute(t.db);
  expect(rows[0]!.n).toBe(0);
});

it('keys statements by shape: parameter numbers and list lengths do not matter', () => {
  expect(normalizeSql('select 1 from t where a in ($1, $2,\n $3) and b = $4')).toBe(
    normalizeSql('select 1 from t where a in ($7) and b = $8'),
  );
});
