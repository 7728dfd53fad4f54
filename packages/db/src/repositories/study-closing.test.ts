import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import { migrations } from '../migrations';
import { createTestDb, makeCycle, type TestDb } from '../testing';
import { touchCycle } from './cycles';
import { getStudy } from './studies';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

describe('the study-closing migration', () => {
  it('leaves every existing study open and writable, and a closed study refuses cycle writes', async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: async () => migrations },
    });
    // A database at the migration before this one, with a study and a draft cycle in it.
    expect((await migrator.migrateTo('2026-12-02T0010-score-vectors')).error).toBeUndefined();
    const cycle = await makeCycle(t.db, { status: 'draft' });
    // Later migrations follow it (the kecamatan list, ...); this one applies first.
    expect((await migrateToLatest(t.db)).applied[0]).toBe('2026-12-02T0200-study-closing');

    expect((await getStudy(t.db, cycle.study_id))?.closed).toBeNull();
    const touched = await touchCycle(t.db, {
      districtId: cycle.district_id,
      cycleId: cycle.id,
      version: cycle.version,
      patch: { planning_notes: 'Masih dapat diubah.' },
    });
    expect(touched.version).toBe(cycle.version + 1);

    // A closed flag without its verdict is refused by the table itself.
    await expect(
      t.db
        .updateTable('studies')
        .set({ closed_at: new Date() })
        .where('id', '=', cycle.study_id)
        .execute(),
    ).rejects.toThrow(/studies_closed_verdict_check/);
    await t.db
      .updateTable('studies')
      .set({
        closed_at: new Date(),
        final_verdict: JSON.stringify({
          ordinal: 1,
          met: true,
          n: 1,
          mean: '80.00',
          message: { id: 'Siklus I: tercapai', en: 'Cycle I: met' },
        }),
      })
      .where('id', '=', cycle.study_id)
      .execute();
    await expect(
      touchCycle(t.db, {
        districtId: cycle.district_id,
        cycleId: cycle.id,
        version: touched.version,
        patch: { planning_notes: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'studyId' });
  });
});
