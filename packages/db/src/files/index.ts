export {
  createFileStore,
  type FileStoreConfig,
  fileStoreConfig,
  fileStoreEnvShape,
  type TFileStoreEnv,
} from './config';
export {
  assertFileKey,
  type FileStore,
  isFileKey,
  keyOf,
  type ListedFile,
  type StoredFile,
} from './file-store';
export { LocalFileStore } from './local-file-store';
export { type S3Config, S3FileStore } from './s3-file-store';
export { ORPHAN_GRACE_MS, sweepOrphans } from './sweep';
