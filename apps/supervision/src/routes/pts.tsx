import type { RouteObject } from 'react-router';
import { CyclePage } from '../pages/pts/cycle-page';
import { StudiesPage } from '../pages/pts/studies-page';
import { StudyPage } from '../pages/pts/study-page';

/**
 * Studies and cycles, open to both roles: principals edit their own school's, supervisors
 * read any in their district (the API decides what each may see and do).
 */
export const ptsRoutes: RouteObject[] = [
  { path: 'studies', element: <StudiesPage /> },
  { path: 'studies/:studyId', element: <StudyPage /> },
  { path: 'cycles/:cycleId', element: <CyclePage /> },
];
