import type { RouteObject } from 'react-router';

/**
 * Co-observation, calibration and integrity (issue 18). `co-observations`, one pair and
 * `integrity` are open to both roles (the API decides what each sees); `calibration` is the
 * supervisor's (router.tsx wraps it in RequireRole).
 */
export const coObservationRoutes: RouteObject[] = [
  {
    path: 'co-observations',
    lazy: async () => ({
      Component: (await import('../pages/calibration/co-observations-page')).CoObservationsPage,
    }),
  },
  {
    path: 'co-observations/:coObservationId',
    lazy: async () => ({
      Component: (await import('../pages/calibration/co-observation-page')).CoObservationPage,
    }),
  },
  // Supervisors: the district's signals; principals: their own school's (read only).
  {
    path: 'integrity',
    lazy: async () => ({
      Component: (await import('../pages/calibration/integrity-page')).IntegrityPage,
    }),
  },
];

export const calibrationRoutes: RouteObject[] = [
  {
    path: 'calibration',
    lazy: async () => ({
      Component: (await import('../pages/calibration/calibration-page')).CalibrationPage,
    }),
  },
];
