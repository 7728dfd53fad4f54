import { bandIndex, type TBandSet } from './bands';
import { cycleLabel } from './cycle';
import { compareDecimal, formatId, parsePrintedFigure } from './decimal';
import type { TBilingual } from './errors';
import { shortHash, type TIntegritySignal } from './integrity';

/*
 * Narrative claims that contradict the data (issue 18). A principal's observation or
 * reflection notes often restate the results in words: "guru 1-4 mencapai kategori Baik",
 * "semua guru Sangat Baik", "rata-rata 75,05". The published paper behind the demo school
 * says teachers 1-4 reached Baik while its own table shows them Cukup, and prints 65,05 for
 * a mean of 65,08. This module finds such claims in plain Indonesian and checks them
 * against the cycle's computed figures.
 *
 * It is deliberately narrow: a claim needs a named group of teachers (numbers, a range, or
 * "semua/seluruh guru") and a band the study's band set has, or the word "rata-rata" with a
 * figure right after it. A hedge ("hampir semua", "sebagian besar"), a negation ("belum
 * mencapai kategori Baik") or a target ("rata-rata minimal 71") is not a claim. A band claim
 * reads as "reached at least": a Sangat Baik teacher did reach Baik. What it reports is
 * "perlu dicek" with the evidence, never a verdict; the principal is warned while typing and
 * the supervisor sees the same as an integrity signal.
 */

/** A teacher of the cycle's table, in the table's order (1-based position = "guru 1"). */
export type TNarrativeTeacher = {
  name: string;
  /** "Guru Kelas 4": "guru kelas 4" refers to this teacher first. */
  className?: string | null;
  percentage: string;
  band: string;
};

export type TNarrativeData = {
  teachers: readonly TNarrativeTeacher[];
  /** The computed mean of the cycle (two places), null without observations. */
  mean: string | null;
  bandSet: TBandSet;
};

export type TNarrativeClaim =
  | {
      kind: 'band';
      /** 1-based numbers as written ("guru 1-4" -> [1, 2, 3, 4]), or 'all'. */
      teachers: number[] | 'all';
      /** Whether the numbers name classes ("guru kelas 1-4") rather than table rows. */
      byClass: boolean;
      band: string;
      quote: string;
    }
  | { kind: 'mean'; typed: string; value: string; quote: string };

export type TNarrativeContradiction = {
  kind: 'band' | 'mean';
  /** The words of the note that make the claim. */
  quote: string;
  message: TBilingual;
  /** For a band claim: the teachers named who did not reach the band. */
  evidence: { teacher: string; band: string; percentage: string }[];
  /** For a mean claim: the figure written and the computed one. */
  claimed: string | null;
  computed: string | null;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Sentences: split after ! ? ; a line break, or a full stop before a capital, so decimal
 * points ("65.05") and abbreviations ("s.d. 4") stay whole.
 */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[!?;])\s*|(?<=\.)\s+(?=\p{Lu})|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const RANGE_WORD = String.raw`(?:-|–|—|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)`;
const NUMBER_LIST = String.raw`\d{1,2}(?:\s*(?:,|dan|serta|&)\s*(?:kelas\s+)?\d{1,2})*`;
/** "guru 1-4", "guru kelas 1 sampai kelas 4", "guru 1, 2 dan 3", "semua guru". */
const TEACHERS = new RegExp(
  String.raw`(?<hedge>\b(?:hampir|sebagian(?:\s+besar)?|tidak|belum)\s+)?` +
    String.raw`(?:\b(?<all>semua|seluruh|setiap)\s+guru\b|\bguru\s+(?<kelas>kelas\s+)?(?:ke-?\s*)?` +
    String.raw`(?:(?<from>\d{1,2})\s*${RANGE_WORD}\s*(?:kelas\s+)?(?<to>\d{1,2})|(?<list>${NUMBER_LIST}))(?!\d|[.,]\d))`,
  'giu',
);
const NEGATION = /\b(?:belum|tidak|bukan|kurang\s+dari|di\s*bawah)\b/iu;
const CLAIM_VERB = String.raw`(?:mencapai|memperoleh|meraih|berada\s+pada|berada\s+di|termasuk|masuk|berkategori|berpredikat|dengan)`;
const BAND_WORD = '(?:kategori|kriteria|predikat)';

/** The band labels of the set, longest first, so "Sangat Baik" wins over "Baik". */
function bandPattern(bandSet: TBandSet): string {
  const labels = bandSet.bands.map((b) => b.label).sort((a, b) => b.length - a.length);
  return labels.map(escapeRegExp).join('|');
}

function numbersOf(groups: Record<string, string | undefined>): number[] | 'all' {
  if (groups.all) return 'all';
  if (groups.from && groups.to) {
    const from = Number(groups.from);
    const to = Number(groups.to);
    if (to < from || to - from > 40) return [];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return (groups.list?.match(/\d{1,2}/g) ?? []).map(Number);
}

const MEAN_GAP_WORDS =
  /^(?:nilai|capaian|skor|persentase|kinerja|kemampuan|guru|akhir|yang|diperoleh|dicapai|sebesar|adalah|yaitu|ialah|menjadi|mencapai|=|:)$/iu;
/** "rata-rata 75,05", "rata-rata nilai guru sebesar 65,05%": up to four filler words. */
const MEAN =
  /\b(?:rata-rata|rerata)\b(?<gap>(?:\s+[^\s\d]+){0,4}?)\s*[:=]?\s*(?<figure>\d{1,3}(?:[.,]\d{1,3})?)\s*%?/giu;

/** The claims a note makes about its cycle's teachers and mean. */
export function extractNarrativeClaims(text: string, bandSet: TBandSet): TNarrativeClaim[] {
  const claims: TNarrativeClaim[] = [];
  const bands = bandPattern(bandSet);
  const bandAfter = new RegExp(
    String.raw`^(?<between>.{0,60}?)(?:${CLAIM_VERB}\s+(?:${BAND_WORD}\s+)?|${BAND_WORD}\s+)(?<band>${bands})(?![\p{L}])`,
    'iu',
  );
  for (const sentence of sentences(text)) {
    for (const m of sentence.matchAll(TEACHERS)) {
      const g = m.groups ?? {};
      if (g.hedge) continue;
      const rest = sentence.slice((m.index ?? 0) + m[0].length);
      const b = bandAfter.exec(rest);
      if (!b?.groups) continue;
      // "guru 1-4 belum mencapai kategori Baik" says the opposite of a claim.
      if (NEGATION.test(b.groups.between ?? '')) continue;
      const teachers = numbersOf(g);
      if (teachers !== 'all' && teachers.length === 0) continue;
      const label =
        bandSet.bands.find((x) => x.label.toLowerCase() === b.groups?.band?.toLowerCase())?.label ??
        '';
      claims.push({
        kind: 'band',
        teachers,
        byClass: Boolean(g.kelas),
        band: label,
        quote: `${m[0]}${rest.slice(0, b[0].length)}`.trim(),
      });
    }
    for (const m of sentence.matchAll(MEAN)) {
      const gap = (m.groups?.gap ?? '').trim();
      if (gap && !gap.split(/\s+/).every((w) => MEAN_GAP_WORDS.test(w))) continue;
      const typed = m.groups?.figure ?? '';
      let value: string;
      try {
        value = parsePrintedFigure(typed).value;
      } catch {
        continue;
      }
      claims.push({ kind: 'mean', typed, value, quote: m[0].trim() });
    }
  }
  return claims;
}

/** The teachers a claim names: "guru kelas N" by class first, otherwise the N-th row. */
function namedTeachers(
  claim: Extract<TNarrativeClaim, { kind: 'band' }>,
  teachers: readonly TNarrativeTeacher[],
): TNarrativeTeacher[] {
  if (claim.teachers === 'all') return [...teachers];
  return claim.teachers.flatMap((n) => {
    if (claim.byClass) {
      const byClass = teachers.find((t) =>
        new RegExp(String.raw`\b${n}\b`).test(t.className ?? ''),
      );
      if (byClass) return [byClass];
    }
    const row = teachers[n - 1];
    return row ? [row] : [];
  });
}

const list = (items: string[], and: string) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

/** Each claim the data does not bear out, with the evidence, worded as "perlu dicek". */
export function checkNarrativeClaims(
  claims: readonly TNarrativeClaim[],
  data: TNarrativeData,
): TNarrativeContradiction[] {
  const out: TNarrativeContradiction[] = [];
  for (const claim of claims) {
    if (claim.kind === 'band') {
      const required = bandIndex(data.bandSet, claim.band);
      if (required < 0) continue;
      const below = namedTeachers(claim, data.teachers).filter(
        (t) => bandIndex(data.bandSet, t.band) < required,
      );
      if (below.length === 0) continue;
      const evidence = below.map((t) => ({
        teacher: t.name,
        band: t.band,
        percentage: t.percentage,
      }));
      const id = evidence.map((e) => `${e.teacher} ${e.band} (${formatId(e.percentage)})`);
      const en = evidence.map((e) => `${e.teacher} ${e.band} (${e.percentage})`);
      out.push({
        kind: 'band',
        quote: claim.quote,
        evidence,
        claimed: claim.band,
        computed: null,
        message: {
          id: `Catatan menyebut "${claim.quote}", tetapi data siklus ini: ${list(id, 'dan')}. Perlu dicek.`,
          en: `The notes say "${claim.quote}", but this cycle's data shows ${list(en, 'and')}. Worth checking.`,
        },
      });
    } else {
      if (data.mean === null || compareDecimal(claim.value, data.mean) === 0) continue;
      out.push({
        kind: 'mean',
        quote: claim.quote,
        evidence: [],
        claimed: claim.typed,
        computed: data.mean,
        message: {
          id: `Catatan menyebut "${claim.quote}", tetapi rata-rata yang dihitung dari skor adalah ${formatId(data.mean)}. Perlu dicek.`,
          en: `The notes say "${claim.quote}", but the mean computed from the scores is ${data.mean}. Worth checking.`,
        },
      });
    }
  }
  return out;
}

/** Both steps: what a note claims, and which of it the cycle's data contradicts. */
export function checkNarrative(text: string, data: TNarrativeData): TNarrativeContradiction[] {
  return checkNarrativeClaims(extractNarrativeClaims(text, data.bandSet), data);
}

// ---------------------------------------------------------------------------------------
// As an integrity signal for the supervisor

/** A cycle whose notes make claims, with what they are checked against. */
export type TNarrativeCycle = TNarrativeData & {
  cycleId: string;
  ordinal: number;
  schoolId: string;
  schoolName: string;
  studyId: string;
  observationNotes: string | null;
  reflectionNotes: string | null;
};

const NOTE_FIELDS = [
  { key: 'observationNotes', id: 'Catatan observasi', en: 'Observation notes' },
  { key: 'reflectionNotes', id: 'Catatan refleksi', en: 'Reflection notes' },
] as const;

/**
 * One signal per cycle whose observation or reflection notes claim what its data does not
 * show (a band for teachers who did not reach it, a mean other than the computed one),
 * with each claim and its evidence. Keyed on the claims' words, so an edited note that
 * still contradicts the data is a new signal and a dismissal does not hide it.
 */
export function narrativeClaimSignals(cycles: readonly TNarrativeCycle[]): TIntegritySignal[] {
  const signals: TIntegritySignal[] = [];
  for (const c of cycles) {
    const found = NOTE_FIELDS.flatMap((f) => {
      const text = c[f.key];
      return text ? checkNarrative(text, c).map((x) => ({ field: f, x })) : [];
    });
    if (found.length === 0) continue;
    const label = { id: cycleLabel(c.ordinal, 'id'), en: cycleLabel(c.ordinal, 'en') };
    signals.push({
      key: `narrative-claim:${c.cycleId}:${shortHash(found.map((f) => `${f.field.key}:${f.x.quote}`).join('|'))}`,
      kind: 'narrative-claim',
      schoolId: c.schoolId,
      schoolName: c.schoolName,
      cycleId: c.cycleId,
      studyId: c.studyId,
      figures: {
        claims: String(found.length),
        ...(c.mean === null ? {} : { mean: c.mean }),
      },
      message: {
        id: `${label.id}: ${found.map((f) => `${f.field.id}: ${f.x.message.id}`).join(' ')}`,
        en: `${label.en}: ${found.map((f) => `${f.field.en}: ${f.x.message.en}`).join(' ')}`,
      },
    });
  }
  return signals;
}
