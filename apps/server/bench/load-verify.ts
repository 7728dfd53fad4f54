/**
 * The load test's bookkeeping, kept pure so a test can show that it catches a lost write:
 * every save the server acknowledged must be in the database with its value afterwards.
 */

/** What a save wrote: the percentage, and per-indicator scores when scored that way. */
export interface SavedValue {
  percentage: string;
  scores?: Record<string, number | 'na'>;
}

/** One save, in the order it was sent for its key (cycle + teacher). */
export interface SaveRecord {
  key: string;
  value: SavedValue;
  /** acked: 200; refused: a 4xx the server answered (not written); unanswered: no reply. */
  outcome: 'acked' | 'refused' | 'unanswered';
}

export interface VerifyResult {
  /** Keys with at least one acknowledged save, checked against the database. */
  checked: number;
  /** Acknowledged, but no row at all. */
  lost: string[];
  /** A row, but not the value of the last acknowledged save (nor of a later unanswered one). */
  wrong: { key: string; expected: SavedValue[]; found: SavedValue }[];
}

function same(a: SavedValue, b: SavedValue): boolean {
  if (a.percentage !== b.percentage) return false;
  if (a.scores === undefined || b.scores === undefined) return a.scores === b.scores;
  const keys = Object.keys(a.scores);
  return (
    keys.length === Object.keys(b.scores).length && keys.every((k) => a.scores![k] === b.scores![k])
  );
}

/**
 * For each key, the database must hold the value of its last acknowledged save, or of a
 * save sent after it whose answer never came (it may have committed as the run ended).
 * Saves a server refused (a CONFLICT on a stale version) wrote nothing and are no witness.
 */
export function verifySaves(
  saves: readonly SaveRecord[],
  stored: ReadonlyMap<string, SavedValue>,
): VerifyResult {
  const byKey = new Map<string, SaveRecord[]>();
  for (const s of saves) {
    const list = byKey.get(s.key) ?? [];
    list.push(s);
    byKey.set(s.key, list);
  }
  const result: VerifyResult = { checked: 0, lost: [], wrong: [] };
  for (const [key, list] of byKey) {
    let lastAck = -1;
    list.forEach((s, i) => {
      if (s.outcome === 'acked') lastAck = i;
    });
    if (lastAck < 0) continue;
    result.checked++;
    const allowed = [
      list[lastAck]!.value,
      ...list.slice(lastAck + 1).flatMap((s) => (s.outcome === 'unanswered' ? [s.value] : [])),
    ];
    const found = stored.get(key);
    if (!found) result.lost.push(key);
    else if (!allowed.some((v) => same(v, found))) {
      result.wrong.push({ key, expected: allowed, found });
    }
  }
  return result;
}

/** The p-th percentile (nearest rank) of samples, in their unit; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)]!;
}
