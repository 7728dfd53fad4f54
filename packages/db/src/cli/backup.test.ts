import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DB } from '../schema';
import { seed } from '../seed';
import { createTestDb, makeTeacher, type TestDb } from '../testing';
import { migratedPglite } from '../testing/pglite-template';
import { backupTo, dataTables, RestoreRefusedError, restoreFrom } from './backup-format';

/*
 * db:backup and db:restore round trips, compared row by row, table by table. The source is
 * this pass's database (PGlite, or Postgres in CI's Postgres pass); targets are the same
 * kind and an embedded PGlite, so the Postgres pass also proves Postgres -> PGlite.
 */

let dir: string;
let source: TestDb;
const opened: { destroy(): Promise<void> }[] = [];

async function pgliteTarget(): Promise<Kysely<DB>> {
  const database = await migratedPglite();
  opened.push({ destroy: database.close });
  return database.db;
}
async function sameKindTarget(): Promise<Kysely<DB>> {
  const t = await createTestDb();
  opened.push(t);
  return t.db;
}

/** Every data table as sorted row texts: what "the same data" means here. */
async function contents(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await dataTables(db)) {
    const { rows } = await sql<{ r: string }>`
      select to_jsonb(t)::text as r from ${sql.id(table.name)} t order by 1`.execute(db);
    out[table.name] = rows.map((x) => x.r);
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siklus-backup-'));
  source = await createTestDb();
  await seed(source.db);
  // Values that break naive dumps: quotes, a newline, a tab, non-Latin text, and a
  // timestamp with microseconds.
  const teacher = await makeTeacher(source.db, {
    name: 'Ibu "Siti" Aminah,\nS.Pd.\t— 试验 ✓',
  });
  await sql`update teachers set created_at = '2026-01-02T03:04:05.123456Z' where id = ${teacher.id}`.execute(
    source.db,
  );
  await sql`insert into audit_log (action, reason) values ('backup.test', 'a
multi-line reason with \\ backslash')`.execute(source.db);
}, 120_000);

afterAll(async () => {
  for (const d of opened) await d.destroy();
  await source?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('a round trip', () => {
  test('every table and row comes back, into the same kind and into PGlite', async () => {
    const file = join(dir, 'round-trip.jsonl.gz');
    const backup = await backupTo(source.db, source.kind, file);
    expect(backup.tables.observations).toBeGreaterThan(0);
    expect(backup.tables.cycle_aggregates).toBeGreaterThan(0);
    const expected = await contents(source.db);

    for (const target of [await sameKindTarget(), await pgliteTarget()]) {
      const restored = await restoreFrom(target, file);
      expect(restored.rows).toBe(backup.rows);
      const actual = await contents(target);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      for (const table of Object.keys(expected)) {
        expect(actual[table], table).toEqual(expected[table]);
      }
      // Identity columns continue after the restored ids.
      const before = await sql<{ max: number }>`select max(id) as max from audit_log`.execute(
        target,
      );
      const inserted = await sql<{ id: number }>`
        insert into audit_log (action) values ('after.restore') returning id`.execute(target);
      expect(Number(inserted.rows[0]!.id)).toBe(Number(before.rows[0]!.max) + 1);
    }
  }, 120_000);
});

describe('restore refuses to overwrite', () => {
  test('a database with data is refused without --force, and replaced with it', async () => {
    const file = join(dir, 'force.jsonl.gz');
    await backupTo(source.db, source.kind, file);
    const target = await sameKindTarget();
    const stranger = await makeTeacher(target, { name: 'Guru yang tidak ada di cadangan' });

    await expect(restoreFrom(target, file)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreFrom(target, file)).rejects.toThrow(/not empty.*--force/s);
    // Nothing was touched.
    const still = await target.selectFrom('teachers').select('id').where('id', '=', stranger.id);
    expect(await still.execute()).toHaveLength(1);

    await restoreFrom(target, file, { force: true });
    expect(await still.execute()).toHaveLength(0);
    expect(await contents(target)).toEqual(await contents(source.db));
  }, 120_000);

  test('a cut-off file is refused and leaves the target empty', async () => {
    const file = join(dir, 'whole.jsonl.gz');
    await backupTo(source.db, source.kind, file);
    const text = gunzipSync(readFileSync(file)).toString();
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(text.slice(0, Math.floor(text.length * 0.8))));
    const target = await sameKindTarget();
    await expect(restoreFrom(target, cut)).rejects.toThrow();
    const counts = await contents(target);
    expect(Object.values(counts).every((rows) => rows.length === 0)).toBe(true);

    const notABackup = join(dir, 'other.jsonl.gz');
    writeFileSync(notABackup, gzipSync('{"hello":"world"}\n'));
    await expect(restoreFrom(target, notABackup)).rejects.toThrow(/not a Siklus backup/);
  }, 120_000);
});
