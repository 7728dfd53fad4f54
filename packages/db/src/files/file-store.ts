import { createHash } from 'node:crypto';

/**
 * Where evidence files' bytes live (docs/decisions/020-evidence-files.md). Content-
 * addressed: a file's key is the SHA-256 of its bytes (64 lowercase hex digits), so the
 * same photo attached twice is stored once, and a key names its bytes forever. Rows in
 * `attachments` name keys; a key no row names is an orphan, removed by `sweepOrphans`.
 *
 * Two implementations, picked by configuration (`fileStoreFromEnv`): the local file
 * system under the data directory (the default) and any S3-compatible object store.
 */
export interface FileStore {
  /** 'local' or 's3', for logs and the backup's header. */
  readonly kind: 'local' | 's3';
  /** Where, for a person: a directory or `s3://bucket/prefix`. */
  readonly location: string;
  /** Stores the bytes under their SHA-256 (nothing is written when already there). */
  put(bytes: Uint8Array): Promise<StoredFile>;
  /** The bytes under key, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  has(key: string): Promise<boolean>;
  /** Removes the bytes under key (no error when absent). */
  delete(key: string): Promise<void>;
  /** Every stored key with its size and when it was written, in no particular order. */
  list(): AsyncIterable<ListedFile>;
}

export interface StoredFile {
  key: string;
  size: number;
  /** False when the same bytes were already stored. */
  created: boolean;
}

export interface ListedFile {
  key: string;
  size: number;
  modifiedAt: Date;
}

const KEY = /^[0-9a-f]{64}$/;

export function keyOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function isFileKey(key: string): boolean {
  return KEY.test(key);
}

/** Keys come from rows and backups: anything else never reaches a path or an object name. */
export function assertFileKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a file key: ${JSON.stringify(key).slice(0, 80)}`);
}
