import { describe, expect, test } from 'vitest';
import {
  editDistance,
  nameCloseness,
  nameKey,
  normalizeName,
  normalizeNip,
  RosterIndex,
  type TRosterTeacher,
} from './teacher-names';

describe('normalizeName', () => {
  test.each([
    ['Ismiati, S.Pd', 'ismiati'],
    ['ISMIATI  S.Pd.', 'ismiati'],
    ['Ismiati S. Pd', 'ismiati'],
    ['Ismiati,S.Pd', 'ismiati'],
    ['Selviani Ayu S.Pd', 'selviani ayu'],
    ['Dra. Hj. Dewi Sri, M.Pd', 'dewi sri'],
    ['Drs Dewi Sri', 'dewi sri'],
    ['H. Ahmad Fauzi, S.Pd.I', 'ahmad fauzi'],
    ['  nanin   sudiar , s.pd ', 'nanin sudiar'],
    ['Se Ayu', 'se ayu'], // "Se" as a first name is kept
    ['Anisha Dwi Lestari, S.Pd., Gr.', 'anisha dwi lestari'],
    ['Nining A.Ma.Pd', 'nining'],
    ['Nining A.Ma, Pd.', 'nining'],
    ['Nining A. Ma. Pd', 'nining'],
    ['Rina S.Pd.SD', 'rina'],
    ['B. A. W', 'b a w'],
    ['B.A.W., S.Pd', 'baw'],
    ['D.P,S.D', 'dp'],
    ['Hasanah', 'hasanah'], // a name ending like a title is a name
  ])('%j -> %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('nameKey: names retyped the usual ways meet', () => {
  test.each([
    ['B. A. W', 'B.A.W.'],
    ['B. A. W', 'B.A.W., S.Pd'],
    ['Nining A.Ma, Pd.', 'Nining A.Ma.Pd.'],
    ['Nining, A.Ma, Pd.', 'Nining A.Ma.Pd.'],
    ['D.P,S.D', 'D.P.'],
    ['Siti Aminah S.Pd', 'SITI AMINAH, S. Pd.'],
    ['Sri Wahyuni', 'Sriwahyuni'],
    ['Dra. Hj. Dewi Sri, M.Pd', 'dewi sri'],
  ])('%j = %j', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  test.each([
    ['Siti Aminah', 'Siti Aminnah'],
    ['B.A.W', 'B.A.S'],
    ['Dewi Sri', 'Dewi Sartika'],
  ])('%j != %j', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});

test.each([
  ['197805122005012003', '197805122005012003'],
  ['19780512 200501 2 003', '197805122005012003'],
  ['19780512.200501.2.003', '197805122005012003'],
  ['-', null],
  ['', null],
  [null, null],
])('normalizeNip(%j) = %j', (input, expected) => {
  expect(normalizeNip(input)).toBe(expected);
});

test.each([
  ['kitten', 'sitting', 5, 3],
  ['abc', 'abc', 2, 0],
  ['abcdef', 'xyz', 1, 2], // gives up above max
])('editDistance(%j, %j, %i) = %i', (a, b, max, d) => {
  expect(editDistance(a, b, max)).toBe(d);
});

describe('nameCloseness', () => {
  test.each([
    // typing slips
    ['Siti Aminnah', 'Siti Aminah, S.Pd', true],
    ['Nurhayati', 'Nurhayti', true],
    // initials for words, words cut short or left out
    ['B. A. Wulandari', 'Budi Agus Wulandari', true],
    ['Siti A.', 'Siti Aminah', true],
    ['Siti Aminah', 'Siti Aminah Lestari', true],
    // not close
    ['Siti Aminah', 'Dewi Sartika', false],
    ['Budi', 'Bayu', false],
    ['Ani', 'Ana', false], // too short to call a slip
    ['S', 'Siti', false],
  ])('%j ~ %j: %s', (typed, rostered, close) => {
    expect(nameCloseness(typed, rostered) > 0).toBe(close);
  });
});

describe('RosterIndex', () => {
  const t = (id: string, name: string, nip: string | null = null, active = true) => ({
    id,
    name,
    nip,
    active,
  });
  const roster = new RosterIndex<TRosterTeacher>([
    t('a', 'Lisda, S.Pd', '197805122005012003'),
    t('b', 'Siti'),
    t('c', 'Siti, S.Pd'),
    t('d', 'Rahmat', null, false),
    t('e', 'Rahmat, S.Pd'),
    t('f', 'B.A.W., S.Pd'),
    t('g', 'Nining, A.Ma.Pd.'),
    t('h', 'D.P., S.Pd'),
    t('i', 'Wulandari Kusuma, S.Pd'),
  ]);

  test.each([
    // by NIP, whatever the name says
    ['siapa saja', '19780512.200501.2.003', { kind: 'matched', by: 'nip', id: 'a' }],
    // the retyped names of issue 15
    ['B. A. W', '', { kind: 'matched', by: 'name', id: 'f' }],
    ['Nining, A.Ma, Pd.', '', { kind: 'matched', by: 'name', id: 'g' }],
    ['D.P,S.D', '', { kind: 'matched', by: 'name', id: 'h' }],
    // one of two namesakes still teaching: that one
    ['Rahmat', '', { kind: 'matched', by: 'name', id: 'e' }],
    // two active namesakes: the NIP must tell
    ['siti', '', { kind: 'ambiguous' }],
    // close, not certain: asked
    ['Wulandari Kusma', '', { kind: 'uncertain', id: 'i' }],
    ['W. Kusuma', '', { kind: 'uncertain', id: 'i' }],
    ['Budi', '', { kind: 'unknown' }],
    ['', '', { kind: 'unknown' }],
  ])('%j (NIP %j)', (name, nip, want) => {
    const got = roster.match(name, nip);
    expect(got.kind).toBe(want.kind);
    if (got.kind === 'matched') {
      expect({ kind: got.kind, by: got.by, id: got.teacher.id }).toEqual(want);
    }
    if (got.kind === 'uncertain') expect(got.candidates[0]!.id).toBe((want as { id: string }).id);
  });
});
