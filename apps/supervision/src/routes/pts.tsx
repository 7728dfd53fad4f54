import type { RouteObject } from 'react-router';

/**
 * Studies and cycles, open to both roles: principals edit their own school's, supervisors
 * read any in their district (the API decides what each may see and do).
 */
export const ptsRoutes: RouteObject[] = [
  {
    path: 'studies',
    lazy: async () => ({ Component: (await import('../pages/pts/studies-page')).StudiesPage }),
  },
  {
    path: 'studies/:studyId',
    lazy: async () => ({ Component: (await import('../pages/pts/study-page')).StudyPage }),
  },
  {
    path: 'cycles/:cycleId',
    lazy: async () => ({ Component: (await import('../pages/pts/cycle-page')).CyclePage }),
  },
];
