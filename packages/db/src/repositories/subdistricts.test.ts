import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import { migrations } from '../migrations';
import { createTestDb, makeDistrict, type TestDb, uniqueNpsn } from '../testing';
import { insertSchool } from './schools';
import { findSubdistrictByName, listSubdistrictItems, updateSubdistrict } from './subdistricts';

/*
 * Kecamatan as a district list (migration 2026-12-02T0300-subdistrict-list): existing free
 * text is converted with every school kept, spellings that fold together become one, and
 * from then on a school can only name a kecamatan of its district's list.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

describe('the kecamatan list migration', () => {
  it('folds "cibinong" and "Cibinong" into one, keeps every school, then enforces the list', async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: async () => migrations },
    });
    // A database as it was before the list: kecamatan as free text.
    expect((await migrator.migrateTo('2026-12-02T0010-score-vectors')).error).toBeUndefined();
    const a = await makeDistrict(t.db);
    const b = await makeDistrict(t.db);
    const typed: [string, string][] = [
      [a.id, 'Cibinong'],
      [a.id, 'Cibinong'],
      [a.id, 'cibinong'],
      [a.id, ' CIBINONG '],
      [a.id, 'citeureup'],
      [a.id, ''],
      [b.id, 'cibinong'],
    ];
    const ids: string[] = [];
    for (const [i, [districtId, subdistrict]] of typed.entries()) {
      const { rows } = await sql<{ id: string }>`
        insert into schools (district_id, npsn, name, subdistrict)
        values (${districtId}, ${uniqueNpsn()}, ${`SD Lama ${i}`}, ${subdistrict}) returning id`.execute(
        t.db,
      );
      ids.push(rows[0]!.id);
    }

    // Every migration after the score vectors runs, this one among them, on the data above.
    expect((await migrateToLatest(t.db)).applied).toContain('2026-12-02T0300-subdistrict-list');

    // The most used spelling names the kecamatan; a blank one becomes "Belum diisi";
    // district B's lower-case spelling is its own (the only one it has).
    const listA = await listSubdistrictItems(t.db, a.id, { includeInactive: true });
    expect(listA.map((k) => [k.name, k.schoolCount, k.active])).toEqual([
      ['Belum diisi', 1, true],
      ['Cibinong', 4, true],
      ['citeureup', 1, true],
    ]);
    const listB = await listSubdistrictItems(t.db, b.id);
    expect(listB.map((k) => [k.name, k.schoolCount])).toEqual([['cibinong', 1]]);
    const { rows: schools } = await sql<{ id: string; subdistrict: string }>`
      select id, subdistrict from schools where id = any(${ids}::uuid[])`.execute(t.db);
    const after = new Map(schools.map((s) => [s.id, s.subdistrict]));
    expect(ids.map((id) => after.get(id))).toEqual([
      'Cibinong',
      'Cibinong',
      'Cibinong',
      'Cibinong',
      'citeureup',
      'Belum diisi',
      'cibinong',
    ]);

    // No second kecamatan of a name in another case; no school outside the list.
    await expect(
      sql`insert into subdistricts (district_id, name) values (${a.id}, 'CIBINONG')`.execute(t.db),
    ).rejects.toThrow();
    await expect(
      insertSchool(t.db, {
        districtId: a.id,
        npsn: uniqueNpsn(),
        name: 'SD Baru',
        subdistrict: 'Kecamatan Entah',
      }),
    ).rejects.toThrow();
    // District B's "cibinong" is not district A's to use.
    const k = await findSubdistrictByName(t.db, b.id, 'CIBINONG');
    expect(k?.name).toBe('cibinong');

    // A rename reaches every school that names it.
    const citeureup = listA.find((x) => x.name === 'citeureup')!;
    await updateSubdistrict(t.db, citeureup.id, { name: 'Citeureup' });
    const { rows: renamed } = await sql<{ subdistrict: string }>`
      select subdistrict from schools where id = ${ids[4]!}`.execute(t.db);
    expect(renamed[0]!.subdistrict).toBe('Citeureup');
  });
});
