export { type AppErrorData, MAX_BATCH_SIZE } from './trpc';
export type { AppRouter } from './root';
export { appRouter, createCaller } from './root';
export {
  authConfig,
  createInnerContext,
  makeCreateContext,
  type AuthConfig,
  type Context,
  type CookieJar,
  type CookieOptions,
  type SessionUser,
} from './context';
export { toAppError } from './errors';
