import { describe, expect, it } from 'vitest';
import { classify, PKG_BANDS, PTS_DEFAULT_BANDS } from './bands';
import { meanOf } from './decimal';
import { LULUT_2 } from './fixtures';
import { checkNarrative, extractNarrativeClaims, type TNarrativeData } from './narrative';

/** Siklus II of SD Negeri Lulut 2 as its Table 3 prints it: teachers 1-4 Cukup, 5-6 Baik. */
function lulutCycle(ordinal: 0 | 1 | 2): TNarrativeData {
  const cycle = LULUT_2.cycles[ordinal];
  return {
    teachers: LULUT_2.teachers.map((t, i) => ({
      name: t.name,
      className: t.className,
      percentage: cycle.scores[i]!,
      band: classify(PTS_DEFAULT_BANDS, cycle.scores[i]!).label,
    })),
    mean: meanOf(cycle.scores),
    bandSet: PTS_DEFAULT_BANDS,
  };
}

describe('narrative claims on the seed paper (SD Negeri Lulut 2, Siklus II)', () => {
  const siklus2 = lulutCycle(2);

  it('finds the paper’s claim that teachers 1-4 reached Baik, against a table that shows Cukup', () => {
    // The paper's own claim, as issue 18 reports it.
    const found = checkNarrative(
      'Pada siklus II guru 1-4 mencapai kategori Baik dan guru 5-6 mencapai kategori Baik.',
      siklus2,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('band');
    expect(found[0]!.evidence.map((e) => [e.teacher, e.band, e.percentage])).toEqual([
      ['Ismiati, S.Pd', 'Cukup', '53.50'],
      ['Nanin Sudiar, S.Pd', 'Cukup', '55.40'],
      ['Lisda, S.Pd', 'Cukup', '60.55'],
      ['Selviani Ayu S.Pd', 'Cukup', '68.65'],
    ]);
    expect(found[0]!.message.id).toContain('"guru 1-4 mencapai kategori Baik"');
    expect(found[0]!.message.id).toContain('Ismiati, S.Pd Cukup (53,50)');
    expect(found[0]!.message.id).toMatch(/Perlu dicek\.$/);
    expect(found[0]!.message.en).toMatch(/Worth checking\.$/);
  });

  it('finds the printed 65,05 for a computed mean of 65,08', () => {
    const found = checkNarrative('Rata-rata nilai guru pada siklus II sebesar 65,05.', siklus2);
    // "pada siklus II" is not a filler word: this one names its cycle, and is left alone.
    expect(found).toEqual([]);
    const direct = checkNarrative('Rata-rata capaian guru sebesar 65,05%.', siklus2);
    expect(direct).toHaveLength(1);
    expect(direct[0]).toMatchObject({ kind: 'mean', claimed: '65,05', computed: '65.08' });
    expect(direct[0]!.message.id).toContain('65,08');
  });

  it('stays silent on what the data bears out', () => {
    expect(checkNarrative('Guru 5 dan 6 mencapai kategori Baik.', siklus2)).toEqual([]);
    expect(
      checkNarrative('Guru kelas 1 sampai kelas 4 berada pada kategori Cukup.', siklus2),
    ).toEqual([]);
    expect(checkNarrative('Semua guru mencapai kategori Cukup. Rata-rata 65,08.', siklus2)).toEqual(
      [],
    );
    expect(checkNarrative('Rata-rata: 65.08', siklus2)).toEqual([]);
  });

  it('is not fooled by negations, hedges, targets or other cycles’ figures', () => {
    for (const text of [
      'Guru 1-4 belum mencapai kategori Baik.',
      'Hampir semua guru mencapai kategori Baik.',
      'Sebagian besar guru mencapai kategori Baik.',
      'Pemantapan praktik kolaboratif pada guru yang belum mencapai kategori Baik.',
      'Target: rata-rata minimal 71 dan 80% guru kategori Baik.',
      'Rata-rata meningkat dari 53,48 menjadi 65,08.',
      'Rata-rata Kondisi Awal 42,29.',
      'RTL: supervisi klinis untuk guru berkategori Kurang; berbagi praktik baik.',
    ]) {
      expect(checkNarrative(text, siklus2), text).toEqual([]);
    }
  });
});

describe('extractNarrativeClaims', () => {
  it.each([
    ['guru 1-4 mencapai kategori Baik', [1, 2, 3, 4], false, 'Baik'],
    ['guru 1 s.d. 3 memperoleh predikat Cukup', [1, 2, 3], false, 'Cukup'],
    ['guru kelas 2, 3 dan 5 termasuk kriteria Sangat Baik', [2, 3, 5], true, 'Sangat Baik'],
    ['guru ke-6 berkategori sangat baik', [6], false, 'Sangat Baik'],
    ['seluruh guru berada pada kategori Baik', 'all', false, 'Baik'],
    ['semua guru Sangat Baik', null, false, null],
  ] as const)('%s', (text, teachers, byClass, band) => {
    const claims = extractNarrativeClaims(text, PTS_DEFAULT_BANDS);
    if (band === null) {
      // A bare band after the teachers, without "kategori" or a verb, is too loose to read.
      expect(claims).toEqual([]);
      return;
    }
    expect(claims).toEqual([expect.objectContaining({ kind: 'band', teachers, byClass, band })]);
  });

  it('reads "Sangat Baik" as a whole, not its tail "Baik"', () => {
    const [claim] = extractNarrativeClaims(
      'semua guru mencapai kategori Sangat Baik',
      PTS_DEFAULT_BANDS,
    );
    expect(claim).toMatchObject({ band: 'Sangat Baik' });
  });

  it('uses the study’s own band labels (PKG: Amat Baik)', () => {
    const [claim] = extractNarrativeClaims('guru 1-2 mencapai predikat Amat Baik', PKG_BANDS);
    expect(claim).toMatchObject({ band: 'Amat Baik', teachers: [1, 2] });
  });

  it('reads means with a decimal comma, a point, three decimals or a percent sign', () => {
    const claims = extractNarrativeClaims(
      'Rata-rata 75,05. Rerata capaian = 68.9%. Rata-rata adalah 65,075.',
      PTS_DEFAULT_BANDS,
    );
    expect(claims.map((c) => (c.kind === 'mean' ? [c.typed, c.value] : null))).toEqual([
      ['75,05', '75.05'],
      ['68.9', '68.90'],
      ['65,075', '65.08'],
    ]);
  });
});

describe('checkNarrative on other data', () => {
  it('"semua guru Sangat Baik" names every teacher below it; a class number finds its teacher', () => {
    const data = lulutCycle(1);
    const all = checkNarrative('Semua guru mencapai kategori Sangat Baik.', data);
    expect(all[0]?.evidence).toHaveLength(6);
    const byClass = checkNarrative('Guru kelas 6 mencapai kategori Baik.', {
      ...data,
      // Listed out of class order: "kelas 6" is the class, not the sixth row.
      teachers: [...data.teachers].reverse(),
    });
    expect(byClass[0]?.evidence.map((e) => e.teacher)).toEqual(['Dewi Sri Wahyudiningrat, S.Pd']);
  });

  it('says nothing about a mean before any sheet is scored, nor about teachers not in the table', () => {
    expect(
      checkNarrative('Rata-rata 75,05. Guru 9 mencapai kategori Baik.', {
        teachers: [],
        mean: null,
        bandSet: PTS_DEFAULT_BANDS,
      }),
    ).toEqual([]);
  });
});
