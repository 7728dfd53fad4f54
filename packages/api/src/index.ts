export { hashPassword, verifyPassword } from './auth/password';
export {
  BODY_LIMIT,
  batchRefusal,
  bodyLimitOf,
  COSTLY_PER_BATCH,
  IMPORT_BODY_LIMIT,
  IMPORT_PROCEDURES,
  isCostlyProcedure,
} from './batch-limits';
export {
  type AuthConfig,
  authConfig,
  type Context,
  type CookieJar,
  type CookieOptions,
  createInnerContext,
  makeCreateContext,
  type SessionUser,
} from './context';
export { toAppError } from './errors';
export { pingDatabase } from './health';
export { ZComparisonExportInput } from './io/router';
export type { AppRouter } from './root';
export { appRouter, createCaller } from './root';
export { type AppErrorData, MAX_BATCH_SIZE } from './trpc';
