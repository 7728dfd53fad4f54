import { auditRouter } from './audit/router';
import { authRouter } from './auth/router';
import { schoolsRouter } from './schools/router';
import { teachersRouter } from './teachers/router';
import { createCallerFactory, router } from './trpc';
import { usersRouter } from './users/router';

/**
 * The whole API. Each feature is one folder with a router; add yours here and add a row
 * per procedure to role-matrix.test.ts (the test fails until you do).
 */
export const appRouter = router({
  auth: authRouter,
  schools: schoolsRouter,
  teachers: teachersRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
