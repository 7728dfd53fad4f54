import type { RouteObject } from 'react-router';
import { ComingSoon } from '../pages/coming-soon';

/**
 * Studies and cycles, open to both roles: principals edit their own school's, supervisors
 * read any in their district (the API decides what each may see and do).
 */
export const ptsRoutes: RouteObject[] = [
  {
    path: 'studies',
    element: <ComingSoon titleKey="sup.studies.title" feature="studies.list" />,
  },
  {
    path: 'studies/:studyId',
    element: <ComingSoon titleKey="sup.study.title" feature="studies.get" />,
  },
  {
    path: 'cycles/:cycleId',
    element: <ComingSoon titleKey="sup.cycle.title" feature="cycles.get" />,
  },
];
