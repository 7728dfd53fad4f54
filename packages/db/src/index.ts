export {
  acquireDataDirLock,
  type CreateDbOptions,
  createDb,
  type Database,
  type DatabaseKind,
  DataDirLockedError,
  DataDirUnreadableError,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_DATA_DIR,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  lockFileOf,
} from './create-db';
export {
  DATABASE_UNAVAILABLE_MESSAGES,
  isConnectionError,
  isPgError,
  isRetryableDbError,
  type PgError,
  toAppError,
  withAppErrors,
} from './errors';
export * from './files';
export { jsonb } from './json';
export { type MigrationOutcome, migrateDown, migrateToLatest } from './migrate';
export * from './repositories/attachments';
export * from './repositories/audit';
export * from './repositories/co-observations';
export * from './repositories/comparison';
export * from './repositories/config';
export * from './repositories/cycle-events';
export * from './repositories/cycles';
export * from './repositories/districts';
export * from './repositories/follow-ups';
export * from './repositories/home';
export * from './repositories/import-preferences';
export * from './repositories/integrity';
export * from './repositories/letterhead';
export * from './repositories/notifications';
export * from './repositories/observations';
export * from './repositories/observations-bulk';
export * from './repositories/schools';
export * from './repositories/scopes';
export * from './repositories/sessions';
export * from './repositories/studies';
export * from './repositories/study-closing';
export * from './repositories/subdistricts';
export * from './repositories/teachers';
export * from './repositories/users';
export type * from './schema';
export {
  countRows,
  DEMO_DISTRICT,
  DEMO_PASSWORD,
  DEMO_USERS,
  resetData,
  SECOND_DISTRICT,
  type SeedResult,
  seed,
} from './seed';
export { type SynthOptions, type SynthResult, synthesize } from './synth';
