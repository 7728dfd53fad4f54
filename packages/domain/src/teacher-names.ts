/**
 * Matching a teacher typed in a spreadsheet to the school's roster, the way principals
 * retype names: case, spacing and punctuation do not matter, nor do academic degrees and
 * honorifics ("Ismiati, S.Pd" = "ISMIATI S. Pd." = "Dra. Hj. Ismiati"), nor the dots and
 * spaces of initials ("B. A. W" = "B.A.W."). A NIP matches by its digits alone. When a
 * name is close but not the same ("Siti Aminah" / "Siti Aminnah"), the importer asks
 * instead of guessing or failing. Pure: no I/O.
 */

/** Degrees and honorifics after a name, written without dots, in lower case. */
const DEGREES = new Set([
  'spd',
  'spdi',
  'spdsd',
  'spdk',
  'spdh',
  'spdb',
  'sag',
  'sthi',
  'shi',
  'ssi',
  'skom',
  'se',
  'sh',
  'ssos',
  'spsi',
  'sip',
  'ss',
  'st',
  'sst',
  'skm',
  'mpd',
  'mpdi',
  'mag',
  'msi',
  'mkom',
  'mm',
  'mh',
  'dr',
  'amd',
  'amdpd',
  'ama',
  'amapd',
  'pd',
  'gr',
  'ir',
]);

/** Honorifics before a name. */
const PREFIX_TITLES = new Set(['dr', 'drs', 'dra', 'h', 'hj', 'ir', 'prof', 'kh']);
/** Prefix titles that are never a first name or an initial, so a missing dot does not matter. */
const PREFIX_WITHOUT_DOT = new Set(['drs', 'dra', 'hj', 'prof']);

const bare = (token: string) => token.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The words of a name without degrees or honorifics, lower case, single-spaced:
 * "Dra. Hj. Dewi Sri, M.Pd" -> "dewi sri"; "B. A. W" -> "b a w"; "B.A.W." -> "baw".
 * Degrees follow the name after a comma (PUEBI: "Siti Aminah, S.Pd., M.Pd"), so what
 * comes after the first comma is dropped whatever it is ("D.P,S.D" -> "dp"); degrees
 * written without a comma are recognised word by word ("Selviani Ayu S. Pd").
 */
export function normalizeName(name: string): string {
  let text = name.normalize('NFKC').toLowerCase().replace(/[;()]/g, ' ');
  const comma = text.indexOf(',');
  if (comma >= 0 && bare(text.slice(0, comma)) !== '') text = text.slice(0, comma);
  const tokens = text
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((t) => bare(t) !== '');
  while (tokens.length > 1) {
    const first = tokens[0]!;
    const b = bare(first);
    if (!PREFIX_TITLES.has(b) || !(first.includes('.') || PREFIX_WITHOUT_DOT.has(b))) break;
    tokens.shift();
  }
  // A degree may be typed in pieces ("S. Pd", "A.Ma. Pd"): try the last three, two, one
  // words together. The first word is never a degree ("Se Ayu" keeps "se").
  let stripped = true;
  while (stripped && tokens.length > 1) {
    stripped = false;
    for (let k = Math.min(3, tokens.length - 1); k >= 1; k--) {
      if (DEGREES.has(tokens.slice(-k).map(bare).join(''))) {
        tokens.splice(tokens.length - k, k);
        stripped = true;
        break;
      }
    }
  }
  return tokens.map(bare).join(' ');
}

/**
 * The key two names match on: the normalised name without spaces, so initials typed with
 * or without spaces or dots meet ("b a w" and "baw").
 */
export function nameKey(name: string): string {
  return normalizeName(name).replace(/ /g, '');
}

/** A NIP's digits ("19780512 200501 2 003" -> "197805122005012003"), or null. */
export function normalizeNip(nip: string | null | undefined): string | null {
  const digits = (nip ?? '').replace(/\D+/g, '');
  return digits.length >= 8 ? digits : null;
}

/** Edit distance (Levenshtein), giving up above `max` (returns max + 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Words that may stand for each other: equal, or one an initial of the other
 * ("b" ~ "budi"), or one the start of the other ("wul" ~ "wulandari").
 */
function wordsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a));
}

/**
 * How close a typed name is to a roster name, when not equal: 0 = not close. Close means a
 * typing slip (one letter per six, at most two), or the same words with some written as
 * initials or cut short, or the roster name with words added or left out at the end.
 */
export function nameCloseness(typed: string, rostered: string): number {
  const a = nameKey(typed);
  const b = nameKey(rostered);
  if (a === '' || b === '' || a === b) return 0;
  const max = Math.min(2, Math.max(1, Math.floor(Math.min(a.length, b.length) / 6)));
  const d = editDistance(a, b, max);
  if (a.length >= 4 && d <= max) return 3 - d / (max + 1);
  const wa = normalizeName(typed).split(' ');
  const wb = normalizeName(rostered).split(' ');
  const n = Math.min(wa.length, wb.length);
  const sameStart = wa.slice(0, n).every((w, i) => wordsCompatible(w, wb[i]!));
  if (!sameStart) return 0;
  const exactWords = wa.slice(0, n).filter((w, i) => w === wb[i]).length;
  if (wa.length === wb.length) return exactWords >= 1 || n >= 2 ? 2 : 0;
  // One name longer than the other: the shared words must say enough on their own.
  return exactWords >= 1 && nameKey(wa.slice(0, n).join('')).length >= 4 ? 1 : 0;
}

export interface TRosterTeacher {
  id: string;
  name: string;
  nip: string | null;
  active: boolean;
}

export type TTeacherMatch<T extends TRosterTeacher = TRosterTeacher> =
  | { kind: 'matched'; teacher: T; by: 'nip' | 'name' }
  /** Close but not certain: the principal is asked which one (best first, at most 3). */
  | { kind: 'uncertain'; candidates: T[] }
  /** Two teachers of one name, both active or both not: the NIP tells them apart. */
  | { kind: 'ambiguous'; teachers: T[] }
  | { kind: 'unknown' };

/** A school's roster indexed for matching typed rows. */
export class RosterIndex<T extends TRosterTeacher = TRosterTeacher> {
  private readonly byNip = new Map<string, T>();
  private readonly byKey = new Map<string, T[]>();

  constructor(private readonly teachers: readonly T[]) {
    for (const t of teachers) {
      const nip = normalizeNip(t.nip);
      if (nip) this.byNip.set(nip, t);
      const key = nameKey(t.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), t]);
    }
  }

  get(id: string): T | undefined {
    return this.teachers.find((t) => t.id === id);
  }

  match(name: string, nip: string): TTeacherMatch<T> {
    const n = normalizeNip(nip);
    const byNip = n ? this.byNip.get(n) : undefined;
    if (byNip) return { kind: 'matched', teacher: byNip, by: 'nip' };
    const key = nameKey(name);
    if (key === '') return { kind: 'unknown' };
    const list = this.byKey.get(key) ?? [];
    if (list.length === 1) return { kind: 'matched', teacher: list[0]!, by: 'name' };
    if (list.length > 1) {
      // Two namesakes, one still teaching: that one.
      const active = list.filter((t) => t.active);
      if (active.length === 1) return { kind: 'matched', teacher: active[0]!, by: 'name' };
      return { kind: 'ambiguous', teachers: list };
    }
    const close = this.teachers
      .map((t) => ({ t, score: nameCloseness(name, t.name) + (t.active ? 0.01 : 0) }))
      .filter((c) => c.score >= 1)
      .sort((x, y) => y.score - x.score)
      .slice(0, 3)
      .map((c) => c.t);
    return close.length > 0 ? { kind: 'uncertain', candidates: close } : { kind: 'unknown' };
  }
}
