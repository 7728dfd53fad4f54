import type { RouteObject } from 'react-router';

/**
 * Co-observation and calibration (issue 18). `co-observations` and one pair are open to
 * both roles (the API decides what each sees); `calibration` and `integrity` are the
 * supervisor's (router.tsx wraps them in RequireRole).
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
];

export const calibrationRoutes: RouteObject[] = [
  {
    path: 'calibration',
    lazy: async () => ({
      Component: (await import('../pages/calibration/calibration-page')).CalibrationPage,
    }),
  },
  {
    path: 'integrity',
    lazy: async () => ({
      Component: (await import('../pages/calibration/integrity-page')).IntegrityPage,
    }),
  },
];
