/**
 * Strings of success criteria as papers state them, gains in three conventions and band
 * labels (issue 16, decision 017): the admin's criteria composer and band editor, and the
 * gain labels of the results. Indonesian is the source of keys; English must have exactly
 * the same keys.
 */
export const criteriaId = {
  'adm.criteria.kind.mean': 'Rata-rata siklus',
  'adm.criteria.kind.bandShare': 'Persentase guru pada kategori',
  'adm.criteria.kind.passShare': 'Persentase guru mencapai KKM',
  'adm.criteria.kind.indicatorMean': 'Rata-rata setiap indikator',
  'adm.criteria.opOf': 'Pembanding kriteria ke-{n}',
  'adm.criteria.op.>=': 'minimal (≥)',
  'adm.criteria.op.>': 'lebih dari (>)',
  'adm.criteria.kkm': 'KKM (nilai minimal tiap guru)',
  'adm.criteria.percentReaching': '% guru mencapai nilai minimal',
  'adm.criteria.indicatorValue': 'Ambang setiap indikator',
  'adm.criteria.instrument': 'Instrumen (kosong = utama)',
  'pts.gains.first': 'Tampilkan dulu',
  'adm.bands.letter': 'Huruf',
  'adm.bands.aliases': 'Nama lain',
  'adm.bands.letterOf': 'Huruf predikat {label}',
  'adm.bands.aliasesOf': 'Nama lain {label}',
  'adm.bands.aliasesHint': 'mis. Baik Sekali, Amat Baik',
} as const;

export const criteriaEn = {
  'adm.criteria.kind.mean': 'Cycle mean',
  'adm.criteria.kind.bandShare': 'Share of teachers in a band',
  'adm.criteria.kind.passShare': 'Share of teachers reaching the pass mark',
  'adm.criteria.kind.indicatorMean': "Every indicator's mean",
  'adm.criteria.opOf': 'Comparison of criterion {n}',
  'adm.criteria.op.>=': 'at least (≥)',
  'adm.criteria.op.>': 'more than (>)',
  'adm.criteria.kkm': 'Pass mark (KKM) per teacher',
  'adm.criteria.percentReaching': '% of teachers reaching at least',
  'adm.criteria.indicatorValue': 'Threshold for every indicator',
  'adm.criteria.instrument': 'Instrument (empty = primary)',
  'pts.gains.first': 'Show first',
  'adm.bands.letter': 'Letter',
  'adm.bands.aliases': 'Other names',
  'adm.bands.letterOf': 'Letter grade of {label}',
  'adm.bands.aliasesOf': 'Other names of {label}',
  'adm.bands.aliasesHint': 'e.g. Baik Sekali, Amat Baik',
} satisfies Record<keyof typeof criteriaId, string>;
