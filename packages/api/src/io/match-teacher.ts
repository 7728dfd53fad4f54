/**
 * Matching a typed teacher to the roster, the way a principal writes names: case, spacing,
 * punctuation and academic titles ("Ismiati, S.Pd", "ISMIATI S.Pd.", "Dra. Hj. Ismiati")
 * do not matter; a NIP matches by its digits alone.
 */

/** Degrees and honorifics, written without dots and in lower case. */
const TITLES = new Set([
  'spd',
  'spdi',
  'spdsd',
  'spdi',
  'sag',
  'spdk',
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
  'mpd',
  'mpdi',
  'mag',
  'msi',
  'mkom',
  'mm',
  'mh',
  'dr',
  'drs',
  'dra',
  'h',
  'hj',
  'amd',
  'ama',
  'amapd',
  'gr',
  'ir',
]);

/** "Dra. Hj. Ismiati, S.Pd" -> "ismiati"; "Selviani Ayu S.Pd" -> "selviani ayu". */
export function normalizeName(name: string): string {
  const tokens = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[,;()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const kept = tokens.filter((token, i) => {
    const bare = token.replace(/[.'`’-]/g, '');
    if (!TITLES.has(bare)) return true;
    // A title word without dots is kept when it is the first word ("Se" could be a name).
    return !(token.includes('.') || i > 0);
  });
  return kept
    .map((t) => t.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter(Boolean)
    .join(' ');
}

/** A NIP's digits ("19780512 200501 2 003" -> "197805122005012003"), or null. */
export function normalizeNip(nip: string | null | undefined): string | null {
  const digits = (nip ?? '').replace(/\D+/g, '');
  return digits.length >= 8 ? digits : null;
}

export interface RosterTeacher {
  id: string;
  name: string;
  nip: string | null;
  className: string | null;
  active: boolean;
}

export type MatchResult =
  | { kind: 'matched'; teacher: RosterTeacher; by: 'nip' | 'name' }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; teachers: RosterTeacher[] };

export class RosterIndex {
  private byNip = new Map<string, RosterTeacher>();
  private byName = new Map<string, RosterTeacher[]>();

  constructor(teachers: readonly RosterTeacher[]) {
    for (const t of teachers) {
      const nip = normalizeNip(t.nip);
      if (nip) this.byNip.set(nip, t);
      const key = normalizeName(t.name);
      const list = this.byName.get(key) ?? [];
      list.push(t);
      this.byName.set(key, list);
    }
  }

  match(name: string, nip: string): MatchResult {
    const n = normalizeNip(nip);
    if (n) {
      const t = this.byNip.get(n);
      if (t) return { kind: 'matched', teacher: t, by: 'nip' };
    }
    const list = this.byName.get(normalizeName(name));
    if (!list || list.length === 0 || normalizeName(name) === '') return { kind: 'unknown' };
    if (list.length === 1) return { kind: 'matched', teacher: list[0]!, by: 'name' };
    // Two teachers of one name: an active one wins if only one is active.
    const active = list.filter((t) => t.active);
    if (active.length === 1) return { kind: 'matched', teacher: active[0]!, by: 'name' };
    return { kind: 'ambiguous', teachers: list };
  }
}
