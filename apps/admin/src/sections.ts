import type { PlainMessageKey } from '@siklus/ui';

/** The admin app's sections, in the order of the navigation and the home page. */
export const SECTIONS = [
  { id: 'rubrics', path: '/rubrics' },
  { id: 'bands', path: '/bands' },
  { id: 'criteria', path: '/criteria' },
  { id: 'schools', path: '/schools' },
  { id: 'subdistricts', path: '/subdistricts' },
  { id: 'teachers', path: '/teachers' },
  { id: 'users', path: '/users' },
  { id: 'cycles', path: '/cycles' },
  { id: 'audit', path: '/audit' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const sectionTitle = (id: SectionId): PlainMessageKey => `adm.section.${id}`;
export const sectionBody = (id: SectionId): PlainMessageKey => `adm.section.${id}.body`;
