import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import { migrations } from '../migrations';
import { createTestDb, makeCycle, makeDistrict, makeUser, type TestDb } from '../testing';
import { listCycleEvents } from './cycle-events';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

describe('the review history migration', () => {
  it('rebuilds each cycle’s moves from the audit log, else from the cycle’s own columns', async () => {
    const district = await makeDistrict(t.db);
    const scope = { district_id: district.id };
    const supervisor = await makeUser(t.db, { ...scope, role: 'supervisor' });
    const admin = await makeUser(t.db, { ...scope, role: 'admin' });
    const principal = await makeUser(t.db, { ...scope, role: 'principal' });

    // A cycle moved through the app: its audit entries name every actor, including the
    // admin who reopened it (the cycle's columns only remember the last review).
    const audited = await makeCycle(t.db, {
      ...scope,
      status: 'returned',
      review_comment: 'Skor salah ketik.',
      reviewed_by: supervisor.id,
      submitted_at: new Date('2026-11-01T02:00:00Z'),
    });
    const moves = [
      ['cycle.submit', principal.id, 'draft', 'submitted', null, '2026-11-01T02:00:00Z'],
      ['cycle.approve', supervisor.id, 'submitted', 'approved', 'Baik.', '2026-11-02T02:00:00Z'],
      [
        'cycle.reopen',
        admin.id,
        'approved',
        'returned',
        'Skor salah ketik.',
        '2026-11-03T02:00:00Z',
      ],
    ] as const;
    for (const [action, userId, before, after, reason, at] of moves) {
      await t.db
        .insertInto('audit_log')
        .values({
          district_id: district.id,
          user_id: userId,
          action,
          entity: 'cycle',
          entity_id: audited.id,
          before: JSON.stringify({ status: before }),
          after: JSON.stringify({ status: after }),
          reason,
          created_at: new Date(at),
        })
        .execute();
    }
    // A seeded cycle with no audit entry: its columns prove a submit and an approval.
    const seeded = await makeCycle(t.db, {
      ...scope,
      status: 'approved',
      submitted_at: new Date('2026-10-01T02:00:00Z'),
      reviewed_by: supervisor.id,
      reviewed_at: new Date('2026-10-05T02:00:00Z'),
      approved_at: new Date('2026-10-05T02:00:00Z'),
    });
    const draft = await makeCycle(t.db, scope);
    // Seeded cycles submitted and approved at the same instant (as the demo seed writes
    // them): eight, so a random tie-break would put an approval first in one of them
    // with a chance of 255 in 256.
    const instant = new Date('2026-10-07T02:00:00Z');
    const sameInstant = [];
    for (let i = 0; i < 8; i++) {
      sameInstant.push(
        await makeCycle(t.db, {
          ...scope,
          status: 'approved',
          submitted_at: instant,
          reviewed_by: supervisor.id,
          reviewed_at: instant,
          approved_at: instant,
        }),
      );
    }

    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: async () => migrations },
    });
    // Back to the state of a database already at the migrations before this one (main's
    // roster, printed-mean and import-column ones included): the history's migration must
    // sort after them and apply on its own.
    expect(
      (await migrator.migrateTo('2026-12-01T2355-import-percent-column')).error,
    ).toBeUndefined();
    // Every migration after it runs again, this one first (later branches add their own).
    const after = Object.keys(migrations).filter(
      (n) => n > '2026-12-01T2355-import-percent-column',
    );
    expect(after[0]).toBe('2026-12-02T0000-cycle-events-time-zones');
    expect((await migrateToLatest(t.db)).applied).toEqual(after);

    const history = async (cycleId: string) =>
      (await listCycleEvents(t.db, { districtId: district.id, cycleId })).map((e) => [
        e.action,
        e.actorId,
        e.actorRole,
        e.fromStatus,
        e.toStatus,
        e.comment,
        e.at,
      ]);
    expect(await history(audited.id)).toEqual([
      ['submit', principal.id, 'principal', 'draft', 'submitted', null, '2026-11-01T02:00:00.000Z'],
      [
        'approve',
        supervisor.id,
        'supervisor',
        'submitted',
        'approved',
        'Baik.',
        '2026-11-02T02:00:00.000Z',
      ],
      [
        'reopen',
        admin.id,
        'admin',
        'approved',
        'returned',
        'Skor salah ketik.',
        '2026-11-03T02:00:00.000Z',
      ],
    ]);
    expect(await history(seeded.id)).toEqual([
      ['submit', null, 'principal', null, 'submitted', null, '2026-10-01T02:00:00.000Z'],
      [
        'approve',
        supervisor.id,
        'supervisor',
        'submitted',
        'approved',
        null,
        '2026-10-05T02:00:00.000Z',
      ],
    ]);
    expect(await history(draft.id)).toEqual([]);
    for (const cycle of sameInstant) {
      expect((await history(cycle.id)).map(([action]) => action)).toEqual(['submit', 'approve']);
    }
  }, 60_000);
});
