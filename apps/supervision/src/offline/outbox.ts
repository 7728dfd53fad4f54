import type { TCycleUpdateNotesInput, TObservationUpsertInput } from '@siklus/domain';

/*
 * The outbox (docs/decisions/024-offline-sheets.md): saves made without a connection,
 * kept on the device per user until the server has them. This module is the rule, with the
 * storage and the network passed in, so it is tested without either:
 *
 * - Entries are sent in the order they were made, one at a time; a network failure stops
 *   the round (nothing overtakes an earlier change) and the first entry waits 1, 2, 4 ...
 *   60 s before it is tried again.
 * - Each is sent with the cycle version it was based on, and a sheet with its change id, so a
 *   send whose answer was lost is stored once when repeated.
 * - Refused as stale (CONFLICT), the change is compared with the server's cycle: when what it
 *   changed is still as it was when the change was made (someone else saved another teacher,
 *   or our own earlier entry moved the version), it is sent again on the new version; when
 *   the server already holds exactly this change, it is done; otherwise, or when the cycle
 *   is no longer editable, it is kept as a conflict for the principal to settle, with the
 *   server's version beside it. Nothing is dropped without the principal choosing it.
 */

/** A teacher's sheet as the server holds it (or as a change would make it). */
export interface SheetSnapshot {
  percentage: string;
  band: string;
  scores: Record<string, number | 'na'> | null;
  observedOn: string | null;
  notes: string | null;
}

/** The fields of a stage-notes save, and their values. */
export type NotesPatch = Omit<TCycleUpdateNotesInput, 'cycleId' | 'version'>;
export type NotesValues = Partial<Record<keyof NotesPatch, string | null>>;

/** A sheet's save without the version it is sent with (that is the outbox's to choose). */
export type ObservationChange = TObservationUpsertInput extends infer T
  ? T extends TObservationUpsertInput
    ? Omit<T, 'version' | 'changeId'>
    : never
  : never;

interface EntryCommon {
  /** The id the device gave the change (crypto.randomUUID): the server's idempotency key. */
  changeId: string;
  /** Whose change it is: only this user's session ever lists or sends it. */
  userId: string;
  /** Order of making (ms since epoch, made unique per device). */
  seq: number;
  createdAt: string;
  cycleId: string;
  /** `sheetKey(teacher, instrument)` for a sheet, `notes` for the stage notes: one entry per key. */
  key: string;
  /** What the principal calls it: the teacher's name, or the cycle's label. */
  label: string;
  /** The cycle version the change was made on. */
  baseVersion: number;
  attempts: number;
  /** Not sent again before this instant (ms since epoch): the backoff. */
  nextAttemptAt: number;
  state: 'pending' | 'conflict';
  /** Why the server refused it, when it did for a reason other than a newer version. */
  problem?: { id: string; en: string } | null;
}

export type OutboxEntry =
  | (EntryCommon & {
      kind: 'observation';
      input: ObservationChange;
      /** The figures computed on the device by the domain package, as the sheet showed them. */
      figures: { percentage: string; band: string };
      /** The server's sheet the change was made on (null: the teacher had none). */
      base: SheetSnapshot | null;
      /** The server's sheet when the change conflicted. */
      theirs?: SheetSnapshot | null;
    })
  | (EntryCommon & {
      kind: 'notes';
      input: NotesPatch;
      base: NotesValues;
      theirs?: NotesValues;
    });

/** Where the outbox lives (IndexedDB in the app, a map in tests). */
export interface OutboxStore {
  /** The user's entries, oldest first. */
  list(userId: string): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(changeId: string): Promise<void>;
}

/** The server's cycle as the conflict rule reads it. */
export interface LatestCycle {
  version: number;
  editable: boolean;
  /** The server's sheet under an outbox key (`sheetKey`). */
  sheet(key: string): SheetSnapshot | null;
  notes: NotesValues;
}

/** What a failed send means: try later, stale, refused for good, or the session is gone. */
export type Failure = 'retry' | 'conflict' | 'refused' | 'signedOut';

export interface OutboxTransport {
  send(entry: OutboxEntry, version: number): Promise<{ version: number }>;
  latest(cycleId: string): Promise<LatestCycle>;
  classify(error: unknown): { failure: Failure; problem?: { id: string; en: string } | null };
}

export const MAX_BACKOFF_MS = 60_000;

/** The wait before the n-th retry (n >= 1): 1 s, 2 s, 4 s ... at most a minute. */
export function backoff(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

let lastSeq = 0;
/** A strictly increasing order on this device, close to the clock. */
export function nextSeq(now: number): number {
  lastSeq = Math.max(now, lastSeq + 1);
  return lastSeq;
}

/**
 * Adds a change. A newer change of the same sheet (or of the notes) replaces the waiting
 * one, keeping the version and server state the first was based on (the principal built
 * on it); notes merge, so a field saved earlier offline is not lost.
 */
export async function enqueue(store: OutboxStore, entry: OutboxEntry): Promise<OutboxEntry> {
  const earlier = (await store.list(entry.userId)).find(
    (e) => e.cycleId === entry.cycleId && e.kind === entry.kind && e.key === entry.key,
  );
  let added = entry;
  if (earlier) {
    await store.delete(earlier.changeId);
    added =
      earlier.kind === 'notes' && entry.kind === 'notes'
        ? {
            ...entry,
            baseVersion: earlier.baseVersion,
            input: { ...earlier.input, ...entry.input },
            base: { ...entry.base, ...earlier.base },
          }
        : earlier.kind === 'observation' && entry.kind === 'observation'
          ? { ...entry, baseVersion: earlier.baseVersion, base: earlier.base }
          : entry;
  }
  await store.put(added);
  return added;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

/** Two sheets with the same content (a summary sheet's empty scores = none). */
export function sameSheet(a: SheetSnapshot | null, b: SheetSnapshot | null): boolean {
  if (a === null || b === null) return a === b;
  const scores = (s: SheetSnapshot['scores']) =>
    s && Object.keys(s).length > 0 ? canonical(s) : '{}';
  return (
    a.percentage === b.percentage &&
    a.band === b.band &&
    scores(a.scores) === scores(b.scores) &&
    (a.observedOn ?? null) === (b.observedOn ?? null) &&
    (a.notes ?? null) === (b.notes ?? null)
  );
}

/** The sheet a change makes, to compare with the server's. */
export function sheetOf(entry: OutboxEntry & { kind: 'observation' }): SheetSnapshot {
  return {
    percentage: entry.figures.percentage,
    band: entry.figures.band,
    scores: entry.input.kind === 'indicators' ? entry.input.scores : null,
    observedOn: entry.input.observedOn ?? null,
    notes: entry.input.notes ?? null,
  };
}

function sameNotes(fields: string[], a: NotesValues, b: NotesValues): boolean {
  const at = (v: NotesValues, k: string) => v[k as keyof NotesValues] ?? null;
  return fields.every((k) => at(a, k) === at(b, k));
}

/** What the server's cycle says about a refused change. */
export function judge(entry: OutboxEntry, latest: LatestCycle): 'rebase' | 'done' | 'conflict' {
  if (entry.kind === 'observation') {
    const theirs = latest.sheet(entry.key);
    if (sameSheet(theirs, sheetOf(entry))) return 'done';
    if (!latest.editable) return 'conflict';
    return sameSheet(theirs, entry.base) ? 'rebase' : 'conflict';
  }
  const fields = Object.keys(entry.input);
  if (sameNotes(fields, latest.notes, entry.input as NotesValues)) return 'done';
  if (!latest.editable) return 'conflict';
  return sameNotes(fields, latest.notes, entry.base) ? 'rebase' : 'conflict';
}

export interface FlushReport {
  sent: OutboxEntry[];
  conflicts: OutboxEntry[];
  /** Entries still waiting (a network failure, or not yet due). */
  waiting: number;
  /** The session ended: sign in again (as the same user) to go on. */
  signedOut: boolean;
}

/**
 * One round: sends the user's due entries in order. Returns what happened; the store holds
 * the outcome (sent entries removed, conflicts marked with the server's version).
 */
export async function flush(
  store: OutboxStore,
  userId: string,
  transport: OutboxTransport,
  now: () => number = Date.now,
): Promise<FlushReport> {
  const report: FlushReport = { sent: [], conflicts: [], waiting: 0, signedOut: false };
  // Versions our own sends produced in this round: a later entry of the same cycle made
  // on a version before them is sent on the newest (our earlier entry touched another key).
  const chains = new Map<string, { from: number; to: number }>();
  const entries = (await store.list(userId)).filter((e) => e.state === 'pending');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.nextAttemptAt > now()) {
      report.waiting = entries.length - i;
      break;
    }
    const chain = chains.get(entry.cycleId);
    let version =
      chain && entry.baseVersion >= chain.from && entry.baseVersion < chain.to
        ? chain.to
        : entry.baseVersion;
    let outcome: 'sent' | 'conflict' | 'stop' = 'stop';
    // At most one resend on a newer version per round: a cycle moving again meanwhile
    // waits for the next round rather than looping here.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const result = await transport.send(entry, version);
        const c = chains.get(entry.cycleId);
        chains.set(entry.cycleId, {
          from: c && c.to === version ? c.from : version,
          to: result.version,
        });
        outcome = 'sent';
        break;
      } catch (error) {
        const { failure, problem } = transport.classify(error);
        if (failure === 'conflict') {
          const latest = await transport.latest(entry.cycleId).catch(() => null);
          if (!latest) break;
          const verdict = judge(entry, latest);
          if (verdict === 'done') {
            outcome = 'sent';
            break;
          }
          if (verdict === 'rebase' && attempt === 0) {
            version = latest.version;
            continue;
          }
          await store.put(
            entry.kind === 'observation'
              ? { ...entry, state: 'conflict', theirs: latest.sheet(entry.key) }
              : { ...entry, state: 'conflict', theirs: latest.notes },
          );
          outcome = 'conflict';
          break;
        }
        if (failure === 'refused') {
          // The server will not take it as it is (a date outside the stages, a teacher
          // removed): kept, with the reason, for the principal to change or discard.
          await store.put({ ...entry, state: 'conflict', problem: problem ?? null });
          outcome = 'conflict';
          break;
        }
        if (failure === 'signedOut') report.signedOut = true;
        else {
          const attempts = entry.attempts + 1;
          await store.put({ ...entry, attempts, nextAttemptAt: now() + backoff(attempts) });
        }
        break;
      }
    }
    if (outcome === 'sent') {
      await store.delete(entry.changeId);
      report.sent.push(entry);
    } else if (outcome === 'conflict') {
      const kept = (await store.list(userId)).find((e) => e.changeId === entry.changeId);
      if (kept) report.conflicts.push(kept);
    } else {
      report.waiting = entries.length - i;
      break;
    }
  }
  return report;
}

/**
 * A sheet's outbox key: the teacher's id, and the instrument's number after a slash when it is
 * not the study's primary (decision 022), so two instruments' sheets of one teacher queue apart.
 */
export function sheetKey(teacherId: string, instrument: number | undefined): string {
  return instrument ? `${teacherId}/${instrument}` : teacherId;
}
