import { describe, expect, test } from 'vitest';
import {
  describeNotification,
  digestEmail,
  notificationEmail,
  notificationTarget,
  type TNotificationFacts,
} from './notifications';

const base: TNotificationFacts = {
  kind: 'cycle_submitted',
  cycleOrdinal: 2,
  schoolName: 'SD Negeri Lulut 2',
  actorName: 'Bu Lisda',
  comment: null,
  params: {},
};

describe('describeNotification', () => {
  test.each([
    [
      { kind: 'cycle_submitted' },
      'Bu Lisda mengajukan Siklus II SD Negeri Lulut 2 untuk ditinjau',
      'Bu Lisda submitted Cycle II of SD Negeri Lulut 2 for review',
    ],
    [
      { kind: 'cycle_returned' },
      'Bu Lisda mengembalikan Siklus II SD Negeri Lulut 2: baca komentarnya',
      'Bu Lisda returned Cycle II of SD Negeri Lulut 2: read the comment',
    ],
    [
      { kind: 'cycle_waiting', actorName: null, params: { days: 1 } },
      'Siklus II SD Negeri Lulut 2 sudah 1 hari menunggu tinjauan',
      'Cycle II of SD Negeri Lulut 2 has waited 1 day for review',
    ],
    [
      { kind: 'follow_up_due', params: { teacherName: 'Bu Lisda', dueOn: '2027-03-12' } },
      'Rencana tindak lanjut Bu Lisda jatuh tempo 12 Maret 2027',
      'The follow-up plan for Bu Lisda is due 12 March 2027',
    ],
    [
      { kind: 'cycle_approved', cycleOrdinal: 0, actorName: null },
      'Seseorang menyetujui Kondisi Awal SD Negeri Lulut 2',
      'Someone approved Baseline of SD Negeri Lulut 2',
    ],
  ] as const)('%o', (patch, id, en) => {
    expect(describeNotification({ ...base, ...patch })).toEqual({ id, en });
  });
});

describe('e-mails', () => {
  test('one notification: the sentence as subject, the comment and the link in the body', () => {
    const mail = notificationEmail(
      { ...base, kind: 'cycle_returned', comment: 'Lengkapi refleksi.' },
      'id',
      'https://siklus.example/cycles/1',
    );
    expect(mail.subject).toBe(
      'Siklus: Bu Lisda mengembalikan Siklus II SD Negeri Lulut 2: baca komentarnya',
    );
    expect(mail.text).toContain('Komentar: Lengkapi refleksi.');
    expect(mail.text).toContain('Buka: https://siklus.example/cycles/1');
  });

  test('a digest: one line each, local times in the district zone, the count in the subject', () => {
    const mail = digestEmail(
      [
        { facts: base, link: null, at: new Date('2026-12-01T23:30:00Z') },
        {
          facts: { ...base, kind: 'cycle_approved' },
          link: null,
          at: new Date('2026-12-02T01:05:00Z'),
        },
      ],
      'en',
      'Asia/Makassar',
      '2026-12-02',
    );
    expect(mail.subject).toBe('Siklus: 2 notifications (2 December 2026)');
    expect(mail.text).toContain('- 07:30 WITA: Bu Lisda submitted');
    expect(mail.text).toContain('- 09:05 WITA: Bu Lisda approved');
  });

  test('targets: a cycle in the supervision app, password help in the admin app', () => {
    expect(notificationTarget({ kind: 'cycle_waiting', cycleId: 'c1' })).toEqual({
      app: 'supervision',
      path: '/cycles/c1',
    });
    expect(notificationTarget({ kind: 'password_help', cycleId: null })).toEqual({
      app: 'admin',
      path: '/users',
    });
  });
});
