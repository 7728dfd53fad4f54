import type { Me } from '@siklus/client';

const district = {
  districtId: '00000000-0000-4000-8000-000000000001',
  districtName: 'Kabupaten Bogor',
  timeZone: 'Asia/Jakarta',
  language: 'id',
  mustChangePassword: false,
} as const;

/** One signed-in user per role, shaped like `auth.me`'s answer. */
export const ME = {
  admin: {
    id: '00000000-0000-4000-8000-0000000000a1',
    username: 'admin',
    fullName: 'Admin Dinas Pendidikan',
    role: 'admin',
    ...district,
    schoolId: null,
    schoolName: null,
  },
  supervisor: {
    id: '00000000-0000-4000-8000-0000000000b1',
    username: 'pengawas',
    fullName: 'Hj. Euis Komalasari, M.Pd',
    role: 'supervisor',
    ...district,
    schoolId: null,
    schoolName: null,
  },
  principal: {
    id: '00000000-0000-4000-8000-0000000000c1',
    username: 'kepsek.lulut2',
    fullName: 'Kepala SD Negeri Lulut 2',
    role: 'principal',
    ...district,
    schoolId: '00000000-0000-4000-8000-0000000000d1',
    schoolName: 'SD Negeri Lulut 2',
  },
} satisfies Record<string, Me>;
