import { authRouter } from './auth/router';
import { createCallerFactory, router } from './trpc';

/**
 * The whole API. Each feature is one folder with a router; add yours here and add a row
 * per procedure to role-matrix.test.ts (the test fails until you do).
 */
export const appRouter = router({
  auth: authRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
