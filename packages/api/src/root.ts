import { accountRouter } from './account/router';
import { attachmentsRouter } from './attachments/router';
import { auditRouter } from './audit/router';
import { authRouter } from './auth/router';
import { coObservationRouter } from './co-observation/router';
import { configRouter } from './config/router';
import { cyclesRouter } from './cycles/router';
import { districtRouter } from './district/router';
import { followUpsRouter } from './follow-ups/router';
import { homeRouter } from './home/router';
import { integrityRouter } from './integrity/router';
import { ioRouter } from './io/router';
import { notificationsRouter } from './notifications/router';
import { reportsRouter } from './reports/router';
import { reviewRouter } from './review/router';
import { schoolsRouter } from './schools/router';
import { studiesRouter } from './studies/router';
import { subdistrictsRouter } from './subdistricts/router';
import { teachersRouter } from './teachers/router';
import { createCallerFactory, router } from './trpc';
import { usersRouter } from './users/router';

/**
 * The whole API. Each feature is one folder with a router; add yours here and add a row
 * per procedure to role-matrix.test.ts (the test fails until you do).
 */
export const appRouter = router({
  auth: authRouter,
  district: districtRouter,
  schools: schoolsRouter,
  subdistricts: subdistrictsRouter,
  teachers: teachersRouter,
  users: usersRouter,
  audit: auditRouter,
  studies: studiesRouter,
  cycles: cyclesRouter,
  review: reviewRouter,
  reports: reportsRouter,
  config: configRouter,
  io: ioRouter,
  coObservation: coObservationRouter,
  integrity: integrityRouter,
  followUps: followUpsRouter,
  home: homeRouter,
  account: accountRouter,
  notifications: notificationsRouter,
  attachments: attachmentsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
