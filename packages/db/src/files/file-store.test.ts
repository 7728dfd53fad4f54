import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startS3Server, type TestS3Server } from '../testing/s3-server';
import { fileStoreConfig } from './config';
import { type FileStore, keyOf } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

/*
 * One contract, two stores: every test below runs on the local directory and on a real
 * S3-compatible server (s3rver over HTTP, through the AWS SDK).
 */

let dir: string;
let s3: TestS3Server;
const stores: Record<'local' | 's3', () => FileStore> = {
  local: () => new LocalFileStore(join(dir, `store-${Math.random().toString(36).slice(2)}`)),
  s3: () => new S3FileStore({ ...s3.config, prefix: `t${Math.random().toString(36).slice(2)}/` }),
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siklus-files-'));
  s3 = await startS3Server();
}, 60_000);

afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(['local', 's3'] as const)('the %s file store', (kind) => {
  test('put returns the SHA-256 as the key; get returns the same bytes', async () => {
    const store = stores[kind]();
    expect(store.kind).toBe(kind);
    const content = bytes('foto RPP kelas 5 🙂');
    const stored = await store.put(content);
    expect(stored).toEqual({ key: keyOf(content), size: content.byteLength, created: true });
    expect(stored.key).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from((await store.get(stored.key))!)).toEqual(Buffer.from(content));
    expect(await store.has(stored.key)).toBe(true);
  });

  test('the same bytes twice are stored once', async () => {
    const store = stores[kind]();
    const a = await store.put(bytes('sama'));
    const b = await store.put(bytes('sama'));
    expect(b).toEqual({ ...a, created: false });
    const listed = [];
    for await (const f of store.list()) listed.push(f);
    expect(listed.map((f) => f.key)).toEqual([a.key]);
    expect(listed[0]!.size).toBe(4);
    expect(Math.abs(listed[0]!.modifiedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test('a missing key reads as null; delete is idempotent', async () => {
    const store = stores[kind]();
    const key = keyOf(bytes('tidak ada'));
    expect(await store.get(key)).toBeNull();
    expect(await store.has(key)).toBe(false);
    const { key: stored } = await store.put(bytes('ada'));
    await store.delete(stored);
    await store.delete(stored);
    expect(await store.has(stored)).toBe(false);
    expect(await store.get(stored)).toBeNull();
  });

  test('a key that is not a SHA-256 never reaches a path or an object name', async () => {
    const store = stores[kind]();
    for (const bad of ['../../etc/passwd', 'ABC', `${'a'.repeat(63)}/`, '']) {
      await expect(store.get(bad)).rejects.toThrow(/not a file key/);
      await expect(store.delete(bad)).rejects.toThrow(/not a file key/);
    }
  });

  test('larger files (5 MB) and many keys round-trip', async () => {
    const store = stores[kind]();
    const big = new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 31) % 251);
    const { key } = await store.put(big);
    expect(keyOf((await store.get(key))!)).toBe(key);
    const keys = new Set([key]);
    for (let i = 0; i < 12; i++) keys.add((await store.put(bytes(`berkas ${i}`))).key);
    const listed = new Set<string>();
    for await (const f of store.list()) listed.add(f.key);
    expect(listed).toEqual(keys);
  });
});

describe('the local store writes atomically', () => {
  test('no temporary file stays behind, and leftovers of a crash are cleared', async () => {
    const root = join(dir, 'atomic');
    const first = new LocalFileStore(root);
    await first.put(bytes('satu'));
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    // A crash between write and rename leaves a temporary file; the next process clears it.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'tmp', 'half-written'), 'x');
    const second = new LocalFileStore(root);
    await second.put(bytes('dua'));
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });
});

describe('configuration', () => {
  test('local by default, beside the embedded database; S3 when a bucket is named', () => {
    expect(fileStoreConfig({}, '/srv/siklus/pglite')).toEqual({
      kind: 'local',
      root: '/srv/siklus/files',
    });
    expect(fileStoreConfig({ SIKLUS_FILES_DIR: '/mnt/berkas' }, '/srv/siklus/pglite')).toEqual({
      kind: 'local',
      root: '/mnt/berkas',
    });
    expect(
      fileStoreConfig({
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_BUCKET: 'siklus',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
      }),
    ).toMatchObject({ kind: 's3', bucket: 'siklus', region: 'us-east-1' });
    expect(() => fileStoreConfig({ S3_BUCKET: 'siklus' })).toThrow(
      /S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    );
  });
});
