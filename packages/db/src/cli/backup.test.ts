import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { keyOf, LocalFileStore, S3FileStore } from '../files';
import { insertAttachment } from '../repositories/attachments';
import type { DB } from '../schema';
import { seed } from '../seed';
import {
  createTestDb,
  makeTeacher,
  startS3Server,
  type TestDb,
  type TestS3Server,
} from '../testing';
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

describe('evidence files travel with the backup', () => {
  let s3: TestS3Server;
  beforeAll(async () => {
    s3 = await startS3Server('siklus-backup');
  }, 60_000);
  afterAll(async () => {
    await s3?.stop();
  });

  test('local store -> S3 store -> local store, every file checked by its hash', async () => {
    const localSource = new LocalFileStore(join(dir, 'files-source'));
    const photo = new TextEncoder().encode('JPEG pretend bytes \u00ff'.repeat(5000));
    const pdf = new TextEncoder().encode('%PDF-1.4 lembar bertanda tangan');
    const orphan = await localSource.put(new TextEncoder().encode('no row names me'));
    const cycle = await source.db
      .selectFrom('cycles')
      .select(['id', 'district_id'])
      .executeTakeFirstOrThrow();
    for (const [bytes, name] of [
      [photo, 'foto.jpg'],
      [pdf, 'lembar.pdf'],
    ] as const) {
      const { key } = await localSource.put(bytes);
      await insertAttachment(source.db, {
        districtId: cycle.district_id,
        cycleId: cycle.id,
        stage: 'observation',
        teacherId: null,
        fileName: name,
        kind: name.endsWith('.pdf') ? 'pdf' : 'image',
        contentType: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
        sizeBytes: bytes.byteLength,
        sha256: key,
        thumbSha256: null,
        width: null,
        height: null,
        uploadedBy: null,
      });
    }

    const first = join(dir, 'with-files.jsonl.gz');
    const backup = await backupTo(source.db, source.kind, first, { files: localSource });
    expect(backup.files).toBe(2);
    expect(backup.fileBytes).toBe(photo.byteLength + pdf.byteLength);

    // Into the S3 bucket beside a database of the same kind.
    const s3Store = new S3FileStore({ ...s3.config, prefix: 'restored/' });
    const target = await sameKindTarget();
    const restored = await restoreFrom(target, first, { files: s3Store });
    expect(restored.files).toBe(2);
    expect(await contents(target)).toEqual(await contents(source.db));
    expect(Buffer.from((await s3Store.get(keyOf(photo)))!)).toEqual(Buffer.from(photo));
    expect(await s3Store.has(orphan.key)).toBe(false);

    // And back out of S3, into a local directory beside PGlite.
    const second = join(dir, 'from-s3.jsonl.gz');
    expect((await backupTo(target, 'postgres', second, { files: s3Store })).files).toBe(2);
    const localTarget = new LocalFileStore(join(dir, 'files-target'));
    const pglite = await pgliteTarget();
    await restoreFrom(pglite, second, { files: localTarget });
    expect(await contents(pglite)).toEqual(await contents(source.db));
    expect(Buffer.from((await localTarget.get(keyOf(pdf)))!)).toEqual(Buffer.from(pdf));
  }, 120_000);

  test('a damaged file, a missing store and a missing file are refused', async () => {
    const store = new LocalFileStore(join(dir, 'files-damage'));
    const file = join(dir, 'damage.jsonl.gz');
    // The rows name files this store lacks: the backup refuses to leave them out silently.
    await expect(
      backupTo(source.db, source.kind, join(dir, 'x.jsonl.gz'), { files: store }),
    ).rejects.toThrow(/missing from/);
    for await (const key of (
      await source.db.selectFrom('attachments').select('sha256').execute()
    ).map((r) => r.sha256)) {
      // Re-create the named files from the first test's source directory.
      const bytes = await new LocalFileStore(join(dir, 'files-source')).get(key);
      await store.put(bytes!);
    }
    await backupTo(source.db, source.kind, file, { files: store });
    await expect(restoreFrom(await sameKindTarget(), file)).rejects.toThrow(/name a file store/);

    const text = gunzipSync(readFileSync(file)).toString();
    const damaged = text.replace(/("base64":")(.)/, (_m, p, c) => `${p}${c === 'A' ? 'B' : 'A'}`);
    const bad = join(dir, 'damaged.jsonl.gz');
    writeFileSync(bad, gzipSync(damaged));
    await expect(restoreFrom(await sameKindTarget(), bad, { files: store })).rejects.toThrow(
      /damaged in the backup/,
    );
  }, 120_000);
});
