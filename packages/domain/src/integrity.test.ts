import { describe, expect, it } from 'vitest';
import { PTS_DEFAULT_BANDS } from './bands';
import {
  binomialTail,
  chanceOfRepeat,
  flatSheetSignals,
  heapingSignals,
  identicalVectorSignals,
  isNoteTemplate,
  jumpSignals,
  nearCopySignals,
  noteTemplateSchools,
  printedMismatchSignals,
  shortHash,
  type TFlatSheet,
  type TVectorGroup,
} from './integrity';

const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';

const group = (vector: string, sheets: number, schools = [S1, S1]): TVectorGroup => ({
  rubricVersionId: 'rv',
  vector,
  sheets,
  observations: schools.map((schoolId, i) => ({
    observationId: `o${i}`,
    teacherId: `t${i}`,
    teacherName: `Guru ${i + 1}`,
    schoolId,
    schoolName: schoolId === S1 ? 'SD Satu' : 'SD Dua',
    cycleId: 'c1',
  })),
});

describe('chanceOfRepeat', () => {
  it('is the product of the vector’s own score shares, exactly', () => {
    // 7 twos and 3 ones: 0.7^7 · 0.3^3 = 0.0823543 · 0.027
    expect(chanceOfRepeat('2,2,1,1,2,2,1,2,2,2')).toBe('0.0022235661');
    expect(chanceOfRepeat('3,3,3,3')).toBe('1');
  });
});

describe('identicalVectorSignals', () => {
  it('stays silent on a common vector that chance explains (the demo district’s kind)', () => {
    // 0.0022 · 461 ≈ 1.03 expected chance matches: no signal.
    expect(identicalVectorSignals([group('2,2,1,1,2,2,1,2,2,2', 462)])).toEqual([]);
  });

  it('fires on a varied vector repeated by two teachers, once per school involved', () => {
    // 0.3^6 · 0.2^4 = 1.1664e-6; · 461 ≈ 0.00054 < 0.01
    const signals = identicalVectorSignals([group('4,3,2,4,1,3,2,4,3,1', 462, [S1, S2])]);
    expect(signals.map((s) => [s.kind, s.schoolId])).toEqual([
      ['identical-vector', S1],
      ['identical-vector', S2],
    ]);
    expect(signals[0]!.figures).toMatchObject({ teachers: '2', expectedByChance: '0.00054' });
    expect(signals[0]!.message.id).toContain('Perlu dicek');
    expect(signals[0]!.message.id).toContain('Guru 1 (SD Satu); Guru 2 (SD Dua)');
  });

  it('ignores one teacher repeating themselves', () => {
    const g = group('4,3,2,4,1,3,2,4,3,1', 462);
    g.observations[1]!.teacherId = 't0';
    expect(identicalVectorSignals([g])).toEqual([]);
  });
});

describe('flatSheetSignals', () => {
  const flat = (i: number, sheetsInCycle: number): TFlatSheet => ({
    observationId: `o${i}`,
    teacherName: `Guru ${i}`,
    schoolId: S1,
    schoolName: 'SD Satu',
    cycleId: 'c1',
    ordinal: 1,
    score: 3,
    indicators: 10,
    sheetsInCycle,
  });
  it('is silent on a single flat sheet, and on a few in a large cycle', () => {
    expect(flatSheetSignals([flat(1, 10)])).toEqual([]);
    expect(flatSheetSignals([flat(1, 10), flat(2, 10), flat(3, 10)])).toEqual([]);
  });
  it('fires when half a cycle is flat', () => {
    const [signal] = flatSheetSignals([flat(1, 6), flat(2, 6), flat(3, 6)]);
    expect(signal?.figures).toEqual({ flatSheets: '3', sheets: '6', share: '50.00' });
    expect(signal?.message.id).toBe(
      '3 dari 6 lembar (50,00%) pada siklus ini memberi skor yang sama untuk semua indikator: Guru 1 (3), Guru 2 (3), Guru 3 (3). Perlu dicek apakah setiap indikator benar-benar diamati.',
    );
  });
});

describe('jumpSignals', () => {
  const jump = (pre: string, post: string) => ({
    teacherId: 't1',
    teacherName: 'Siti',
    schoolId: S1,
    schoolName: 'SD Satu',
    studyId: 's1',
    cycleId: 'c2',
    fromOrdinal: 0,
    toOrdinal: 1,
    pre,
    post,
  });
  it('fires above the threshold, not at it, in both directions', () => {
    expect(jumpSignals([jump('40.00', '75.00')], '35')).toEqual([]);
    const [up] = jumpSignals([jump('40.00', '75.01')], '35');
    expect(up?.message.id).toBe(
      'Capaian Siti naik 35,01 poin dalam satu siklus (40,00 → 75,01), lebih dari ambang 35 poin. Perlu dicek.',
    );
    expect(jumpSignals([jump('80.00', '40.00')], '35')[0]?.message.en).toContain('fell 40.00');
  });
});

describe('printedMismatchSignals', () => {
  it('surfaces the consistency check: the paper’s 65.05 for a mean of 65.08', () => {
    const [signal] = printedMismatchSignals([
      {
        cycleId: 'c3',
        schoolId: S1,
        schoolName: 'SD Negeri Lulut 2',
        studyId: 's1',
        bands: PTS_DEFAULT_BANDS,
        percentages: ['65.00', '65.15'],
        printedMean: '65.05',
        printedMeanBand: null,
        printedBands: null,
      },
    ]);
    expect(signal?.message.id).toBe(
      'Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08. Perlu dicek.',
    );
  });
  it('is silent when the printed figures agree', () => {
    expect(
      printedMismatchSignals([
        {
          cycleId: 'c3',
          schoolId: S1,
          schoolName: 'SD',
          studyId: 's1',
          bands: PTS_DEFAULT_BANDS,
          percentages: ['65.00', '65.15'],
          printedMean: '65.08',
          printedMeanBand: 'Cukup',
          printedBands: ['Cukup', 'Cukup'],
        },
      ]),
    ).toEqual([]);
  });
});

describe('near-copy notes', () => {
  it('treats a text held by a tenth of the district (and at least three schools) as a template', () => {
    expect(isNoteTemplate(2, 30)).toBe(false);
    expect(isNoteTemplate(3, 30)).toBe(true);
    expect(isNoteTemplate(3, 2000)).toBe(false);
    expect(isNoteTemplate(200, 2000)).toBe(true);
    // The same bar as a count, for the query: at least 3, else a tenth rounded up.
    expect([noteTemplateSchools(2), noteTemplateSchools(30), noteTemplateSchools(2000)]).toEqual([
      3, 3, 200,
    ]);
    for (const n of [2, 29, 30, 31, 2000]) {
      expect(isNoteTemplate(noteTemplateSchools(n), n)).toBe(true);
      expect(isNoteTemplate(noteTemplateSchools(n) - 1, n)).toBe(false);
    }
  });
  it('fires on two schools sharing a note, with the similarity in words', () => {
    const pair = {
      schoolId: S1,
      schoolName: 'SD Satu',
      cycleId: 'c1',
      stage: 'reflection',
      otherSchoolId: S2,
      otherSchoolName: 'SD Dua',
      otherCycleId: 'c9',
      similarity: '0.9333',
      excerpt: 'Guru kelas 4 belum…',
      schoolsWithText: 2,
    };
    const [signal] = nearCopySignals([pair], 30);
    expect(signal?.message.id).toBe(
      'Catatan refleksi 93,33% mirip (trigram) dengan catatan SD Dua: “Guru kelas 4 belum…”. Perlu dicek.',
    );
    expect(nearCopySignals([{ ...pair, schoolsWithText: 3 }], 30)).toEqual([]);
  });
});

it('shortHash is stable and short', () => {
  expect(shortHash('abc')).toBe(shortHash('abc'));
  expect(shortHash('abc')).toMatch(/^[0-9a-f]{8}$/);
  expect(shortHash('abc')).not.toBe(shortHash('abd'));
});

describe('heaping', () => {
  it('binomialTail is exact: P(X >= 2) for Binomial(3, 0.2) = 3·0.04·0.8 + 0.008', () => {
    expect(binomialTail(3, 2, '0.2')).toBe('0.104');
    expect(binomialTail(5, 0, '0.2')).toBe('1');
  });

  const study = (percentages: string[]) => ({
    studyId: 's1',
    schoolId: S1,
    schoolName: 'SD Satu',
    percentages,
  });

  it('fires when most typed percentages end in 0 or 5', () => {
    const values = [
      '70.00',
      '75.00',
      '80.00',
      '65.00',
      '70.50',
      '85.00',
      '60.00',
      '72.50',
      '90.00',
      '55.00',
      '77.24',
      '68.00',
    ];
    const [signal] = heapingSignals([study(values)]);
    expect(signal?.figures).toMatchObject({ values: '12', endingIn0or5: '11', share: '91.67' });
    expect(signal?.message.id).toContain(
      '11 dari 12 persentase yang diketik (91,67%) berakhir dengan angka 0 atau 5',
    );
  });

  it('is silent on ordinary two-decimal figures and on too few values', () => {
    const honest = [
      '41.67',
      '45.83',
      '50.00',
      '37.50',
      '42.71',
      '55.21',
      '48.96',
      '62.50',
      '53.13',
      '44.79',
      '66.67',
      '58.33',
    ];
    expect(heapingSignals([study(honest)])).toEqual([]);
    expect(heapingSignals([study(['70.00', '75.00', '80.00'])])).toEqual([]);
  });
});
