import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertFileKey, type FileStore, isFileKey, keyOf, type ListedFile } from './file-store';

/**
 * Files under a directory: `<root>/ab/cd/<sha256>`. Written to `<root>/tmp/` first, flushed,
 * then renamed into place, so a reader never sees half a file and a crash leaves at most a
 * temporary file (cleared at the next start). Two writers of the same bytes both rename a
 * complete copy onto the same name: the last one wins with identical content.
 */
export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const;
  readonly location: string;
  private readonly tmp: string;
  private ready: Promise<void> | null = null;

  constructor(readonly root: string) {
    this.location = root;
    this.tmp = join(root, 'tmp');
  }

  private pathOf(key: string): string {
    assertFileKey(key);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      // Leftovers of a crash mid-write are never referenced: start with an empty tmp.
      await rm(this.tmp, { recursive: true, force: true });
      await mkdir(this.tmp, { recursive: true });
    })();
    return this.ready;
  }

  async put(bytes: Uint8Array) {
    const key = keyOf(bytes);
    const path = this.pathOf(key);
    if (await this.has(key)) {
      // Fresh again: the orphan sweep spares files written within its grace period, and
      // these bytes are about to be named by a new row.
      const now = new Date();
      await utimes(path, now, now);
      return { key, size: bytes.byteLength, created: false };
    }
    await this.prepare();
    await mkdir(join(path, '..'), { recursive: true });
    const temp = join(this.tmp, `${key}.${randomUUID()}`);
    try {
      await writeFile(temp, bytes, { flag: 'wx', flush: true });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { key, size: bytes.byteLength, created: true };
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<ListedFile> {
    for (const a of await dirNames(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await dirNames(join(this.root, a))) {
        for (const name of await dirNames(join(this.root, a, b))) {
          if (!isFileKey(name)) continue;
          const info = await stat(join(this.root, a, b, name));
          yield { key: name, size: info.size, modifiedAt: info.mtime };
        }
      }
    }
  }
}

async function dirNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
