/**
 * SD Negeri Lulut 2's published PTS (Haratua et al., Universitas Indraprasta PGRI, Tables
 * 1-3): the first truth the platform is tested against, and the seed's demo school. The data
 * lives once, as published, in `fixtures/sdn-lulut-2.json`; this module only gives it names
 * and types. The figures are the paper's: percentages per teacher, printed criteria and
 * printed means (65.05 is a misprint for 65.075 -> 65.08, which the consistency check
 * reports). Node-only (tests and the seed): the web apps never import it.
 */
import published from '../fixtures/sdn-lulut-2.json' with { type: 'json' };

export type TLulutCycle = {
  ordinal: number;
  label: string;
  table: string;
  /** Percentages as printed, with a decimal point. */
  scores: readonly string[];
  /** The band the paper prints for each teacher, in table order. */
  criteria: readonly string[];
  /** The mean as printed (not necessarily right: see the notes). */
  reportedMean: string;
  reportedMeanCriterion: string | null;
};

/** The published cycle as the JSON spells it; the second and third print a mean's band. */
type TPublishedCycle = {
  ordinal: number;
  label: string;
  table: string;
  scores: string[];
  criteria: string[];
  reported_mean: string;
  reported_mean_criterion?: string;
};
const publishedCycles: readonly TPublishedCycle[] = published.cycles;

/** The paper has exactly Tables 1-3; tests index them as a tuple. */
function threeCycles(cycles: TLulutCycle[]): readonly [TLulutCycle, TLulutCycle, TLulutCycle] {
  const [a, b, c] = cycles;
  if (!a || !b || !c || cycles.length !== 3) throw new Error('sdn-lulut-2.json: expected 3 cycles');
  return [a, b, c];
}

export const LULUT_2 = {
  source: published.source,
  school: published.school,
  study: { title: published.study.title, focus: published.study.focus },
  teachers: published.teachers.map((t) => ({ no: t.no, className: t.class, name: t.name })),
  cycles: threeCycles(
    publishedCycles.map(
      (c): TLulutCycle => ({
        ordinal: c.ordinal,
        label: c.label,
        table: c.table,
        scores: c.scores,
        criteria: c.criteria,
        reportedMean: c.reported_mean,
        reportedMeanCriterion: c.reported_mean_criterion ?? null,
      }),
    ),
  ),
  notes: published.notes,
} as const;
