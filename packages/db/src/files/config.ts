import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '../create-db';
import type { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * The file store's settings, one schema for the server's env.ts and the CLIs' (each merges
 * it into its own). With S3_BUCKET set the object store is used and the endpoint and both
 * keys are required; otherwise files go to SIKLUS_FILES_DIR, by default `files` beside the
 * embedded database's directory (`<repo>/.data/files`).
 */
export const fileStoreEnvShape = {
  SIKLUS_FILES_DIR: optionalText,
  S3_ENDPOINT: optionalText.pipe(z.url('S3_ENDPOINT must be a URL').optional()),
  S3_BUCKET: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_REGION: optionalText,
};

const ZFileStoreEnv = z.object(fileStoreEnvShape);
export type TFileStoreEnv = z.output<typeof ZFileStoreEnv>;

export type FileStoreConfig =
  | { kind: 'local'; root: string }
  | {
      kind: 's3';
      endpoint: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      region: string;
    };

/** The store the settings name; throws a message naming what is missing. */
export function fileStoreConfig(env: Partial<TFileStoreEnv>, dataDir?: string): FileStoreConfig {
  const s3Named = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  if (s3Named.some((v) => v !== undefined)) {
    const missing = (
      ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
    ).filter((name) => env[name] === undefined);
    if (missing.length > 0) {
      throw new Error(`the S3 file store needs ${missing.join(', ')} as well`);
    }
    return {
      kind: 's3',
      endpoint: env.S3_ENDPOINT!,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      region: env.S3_REGION ?? 'us-east-1',
    };
  }
  const base = dataDir && !dataDir.startsWith('memory://') ? dataDir : DEFAULT_DATA_DIR;
  return { kind: 'local', root: env.SIKLUS_FILES_DIR ?? join(dirname(base), 'files') };
}

export function createFileStore(config: FileStoreConfig): FileStore {
  return config.kind === 's3' ? new S3FileStore(config) : new LocalFileStore(config.root);
}
