/**
 * One vocabulary for Siklus, in both languages: the word each idea is called everywhere
 * (forms, tables, reports, messages), and the other spellings it must not be called.
 * `glossary.test.ts` checks the dictionaries against it, so a new message cannot bring a
 * second name for the same thing back ("Pengamatan" beside "Observasi").
 */
export interface TGlossaryTerm {
  id: string;
  en: string;
  /** Other names for the same idea that no Indonesian message may use. */
  notId?: readonly RegExp[];
  /** Other names that no English message may use. */
  notEn?: readonly RegExp[];
}

export const GLOSSARY = {
  /** The third stage of a cycle, and the sheet a principal fills in during it. */
  observation: {
    id: 'Observasi',
    en: 'Observation',
    notId: [/\bpengamatan\b/i],
  },
  /** A band of a band set (Kurang, Cukup, Baik, Sangat Baik). */
  band: {
    id: 'Kategori',
    en: 'Band',
    notId: [/\bband\b/i, /\bpredikat\)/i, /kriteria\/band/i],
  },
  /**
   * A cycle after the baseline: "Siklus I" is the first after Kondisi Awal, "Siklus III"
   * the third; the baseline is never counted.
   */
  cycle: {
    id: 'Siklus',
    en: 'Cycle',
    notId: [/\bsiklus 0\b/i, /\bsiklus ke-0\b/i],
    notEn: [/\bcycle 0\b/i],
  },
  baseline: { id: 'Kondisi Awal', en: 'Baseline' },
  /** An N-gain category, capitalised the same on screen and in the report. */
  gainHigh: { id: 'Tinggi', en: 'High' },
  gainMedium: { id: 'Sedang', en: 'Medium' },
  gainLow: { id: 'Rendah', en: 'Low' },
} as const satisfies Record<string, TGlossaryTerm>;
