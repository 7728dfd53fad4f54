import { describe, expect, test } from 'vitest';
import { readSheet } from './read-sheet';
import { interpretRosterSheet } from './roster-sheet';

/** The roster sheet's rules that need no database (teachers.test.ts has the procedures). */
describe('interpretRosterSheet', () => {
  const read = async (lines: string[]) =>
    interpretRosterSheet(await readSheet('guru.csv', new TextEncoder().encode(lines.join('\n'))), {
      roster: [{ id: 'a', name: 'Ismiati, S.Pd', nip: null, active: true }],
      districtNips: new Map(),
      schoolId: 's',
    });

  test('names and classes are checked with the schema teachers.create uses', async () => {
    const result = await read([
      'Nama;Kelas',
      `${'A'.repeat(201)};Guru Kelas 1`,
      `Budi;${'K'.repeat(51)}`,
      ';Guru Kelas 3',
    ]);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'A', 'INVALID_VALUE'],
      [3, 'B', 'INVALID_VALUE'],
      [4, 'A', 'MISSING_VALUE'],
    ]);
    expect(result.problems.every((p) => p.message.id !== '' && p.message.en !== '')).toBe(true);
  });

  test.each([
    ['L', 'L'],
    ['Laki-laki', 'L'],
    ['P', 'P'],
    ['perempuan', 'P'],
    ['', null],
  ])('gender %j -> %j', async (typed, gender) => {
    const result = await read(['Nama;JK', `Budi;${typed}`]);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({ gender, status: 'new' });
  });

  test('two rows of one name without a NIP are one teacher typed twice', async () => {
    const result = await read(['Nama', 'Budi, S.Pd', 'BUDI S. Pd', 'ismiati']);
    expect(result.rows.map((r) => r.status)).toEqual(['new', 'problem', 'existing']);
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([[3, 'DUPLICATE_TEACHER']]);
  });
});
