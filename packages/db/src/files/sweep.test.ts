import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { insertAttachment } from '../repositories/attachments';
import { createTestDb, makeCycle, makeStudy, type TestDb } from '../testing';
import { LocalFileStore } from './local-file-store';
import { ORPHAN_GRACE_MS, sweepOrphans } from './sweep';

let testDb: TestDb;
let dir: string;

beforeAll(async () => {
  testDb = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'siklus-sweep-'));
}, 60_000);

afterAll(async () => {
  await testDb?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test('old unnamed files go; named and young ones stay', async () => {
  const store = new LocalFileStore(dir);
  const text = (s: string) => new TextEncoder().encode(s);
  const named = await store.put(text('named by a row'));
  const oldOrphan = await store.put(text('deleted draft attachment'));
  const youngOrphan = await store.put(text('upload still in flight'));
  const old = new Date(Date.now() - ORPHAN_GRACE_MS - 60_000);
  for (const key of [named.key, oldOrphan.key]) {
    utimesSync(join(dir, key.slice(0, 2), key.slice(2, 4), key), old, old);
  }
  const study = await makeStudy(testDb.db);
  const cycle = await makeCycle(testDb.db, { study_id: study.id, ordinal: 0 });
  await insertAttachment(testDb.db, {
    districtId: study.district_id,
    cycleId: cycle.id,
    stage: 'planning',
    teacherId: null,
    fileName: 'rpp.pdf',
    kind: 'pdf',
    contentType: 'application/pdf',
    sizeBytes: 14,
    sha256: named.key,
    thumbSha256: null,
    width: null,
    height: null,
    uploadedBy: null,
  });

  expect(await sweepOrphans(testDb.db, store)).toEqual({ removed: 1, bytes: 24, kept: 2 });
  expect(await store.has(named.key)).toBe(true);
  expect(await store.has(oldOrphan.key)).toBe(false);
  expect(await store.has(youngOrphan.key)).toBe(true);
});
