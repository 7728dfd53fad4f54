import { appErrorOf, type RouterOutputs, type TrpcClient } from '@siklus/client';
import { STAGES } from '@siklus/domain';
import { type DehydratedState, dehydrate, hydrate, type QueryClient } from '@tanstack/react-query';
import {
  enqueue,
  flush,
  type NotesValues,
  nextSeq,
  type OutboxEntry,
  type OutboxStore,
  type OutboxTransport,
  type SheetSnapshot,
  sheetKey,
} from './outbox';
import {
  clearUser,
  idbOutbox,
  type OfflineDb,
  openOfflineDb,
  readCache,
  writeCache,
} from './store';

/*
 * The offline runtime of a signed-in principal (decision 024), loaded after the first page
 * (boot.tsx imports it lazily): keeps the answers the cycle pages need in IndexedDB under
 * the user's id, restores them when the app opens without a connection, and sends the
 * user's outbox whenever the connection is back. Only the signed-in user's entries are ever
 * listed or sent, with that user's session.
 */

type Cycle = RouterOutputs['cycles']['get'];

/** Which answers are kept for offline use: the principal's own school's pages. */
const KEPT = new Set(['auth', 'cycles', 'studies', 'teachers', 'home', 'followUps', 'attachments']);
/** A kept answer older than this is not restored (and is dropped at the next write). */
const MAX_AGE_MS = 14 * 24 * 3600_000;
const LAST_USER = 'siklus.offline.user';

interface Runtime {
  userId: string;
  db: OfflineDb;
  store: OutboxStore;
  queryClient: QueryClient;
  client: TrpcClient;
  stop: () => void;
}

let runtime: Runtime | null = null;
let entries: OutboxEntry[] = [];
let flushing: Promise<void> | null = null;
const listeners = new Set<() => void>();
let dbPromise: Promise<OfflineDb> | null = null;
const database = () => {
  dbPromise ??= openOfflineDb();
  return dbPromise;
};

/** The signed-in user's outbox as last read (for useSyncExternalStore). */
export function outboxEntries(): OutboxEntry[] {
  return entries;
}
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
async function refresh(): Promise<void> {
  entries = runtime ? await runtime.store.list(runtime.userId) : [];
  for (const l of listeners) l();
}

function kept(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && typeof path[0] === 'string' && KEPT.has(path[0]);
}

async function restore(queryClient: QueryClient, db: OfflineDb, userId: string): Promise<void> {
  const cached = await readCache(db, userId);
  if (!cached) return;
  const state = cached.state as DehydratedState;
  const fresh = Date.now() - MAX_AGE_MS;
  const queries = state.queries.filter((q) => q.state.dataUpdatedAt > fresh);
  hydrate(queryClient, { ...state, queries });
  // A kept answer is what the screen last showed, never fresher than the server: it draws
  // at once, and the first page that uses it asks again (when online). Without this an
  // answer kept seconds before a reload counts as fresh for the 30 s `staleTime` and a
  // change made meanwhile (a cycle just submitted) stays hidden.
  const restored = new Set(queries.map((q) => q.queryHash));
  await queryClient.invalidateQueries({
    predicate: (q) => restored.has(q.queryHash),
    refetchType: 'none',
  });
}

/**
 * Opens the app without a connection: the last signed-in user's kept answers (their
 * `auth.me` among them) come back, so the pages draw as that user until the server can say.
 */
export async function restoreLastUser(queryClient: QueryClient): Promise<void> {
  const userId = localStorage.getItem(LAST_USER);
  if (!userId) return;
  await restore(queryClient, await database(), userId);
}

/** Kept answers merged into what was kept before (a page not visited lately stays kept). */
async function persist(r: Runtime): Promise<void> {
  const now = dehydrate(r.queryClient, {
    shouldDehydrateQuery: (q) => q.state.status === 'success' && kept(q.queryKey),
    shouldDehydrateMutation: () => false,
  });
  const before = (await readCache(r.db, r.userId))?.state as DehydratedState | undefined;
  const byHash = new Map(before?.queries.map((q) => [q.queryHash, q]) ?? []);
  for (const q of now.queries) byHash.set(q.queryHash, q);
  const fresh = Date.now() - MAX_AGE_MS;
  await writeCache(r.db, {
    userId: r.userId,
    savedAt: new Date().toISOString(),
    state: {
      mutations: [],
      queries: [...byHash.values()].filter((q) => q.state.dataUpdatedAt > fresh),
    },
  });
}

/** Starts keeping answers and sending the outbox for the signed-in principal. */
let starting: Promise<void> | null = null;

export function startSession(
  queryClient: QueryClient,
  client: TrpcClient,
  userId: string,
): Promise<void> {
  if (runtime?.userId === userId) return Promise.resolve();
  starting = begin(queryClient, client, userId).finally(() => {
    starting = null;
  });
  return starting;
}

async function begin(queryClient: QueryClient, client: TrpcClient, userId: string) {
  runtime?.stop();
  const db = await database();
  localStorage.setItem(LAST_USER, userId);
  await restore(queryClient, db, userId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || !kept(event.query.queryKey)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (runtime === r) void persist(r);
    }, 1000);
  });
  const onOnline = () => void sendOutbox();
  window.addEventListener('online', onOnline);
  // A retry waiting for its backoff, or a connection that came back without an event.
  const tick = setInterval(() => {
    if (navigator.onLine && entries.some((e) => e.state === 'pending')) void sendOutbox();
  }, 5000);
  const r: Runtime = {
    userId,
    db,
    store: idbOutbox(db),
    queryClient,
    client,
    stop: () => {
      unsubscribe();
      clearTimeout(timer);
      clearInterval(tick);
      window.removeEventListener('online', onOnline);
    },
  };
  runtime = r;
  await refresh();
  if (navigator.onLine) void sendOutbox();
}

/** Stops (another user signed in, or this one signed out): nothing of theirs stays listed. */
export function stopSession(): void {
  runtime?.stop();
  runtime = null;
  void refresh();
}

export function sheetSnapshot(o: Cycle['observations'][number] | null): SheetSnapshot | null {
  return o
    ? {
        percentage: o.percentage,
        band: o.band,
        scores: o.scores,
        observedOn: o.observedOn,
        notes: o.notes,
      }
    : null;
}

/** The stage notes and dates as the fields of a notes save. */
export function notesValues(stages: Cycle['stages']): NotesValues {
  const values: NotesValues = {};
  for (const stage of STAGES) {
    values[`${stage}Notes`] = stages[stage].notes;
    values[`${stage}Date`] = stages[stage].date;
  }
  return values;
}

function transport(r: Runtime): OutboxTransport {
  return {
    send: (entry, version) =>
      entry.kind === 'observation'
        ? r.client.cycles.upsertObservation.mutate({
            ...entry.input,
            version,
            changeId: entry.changeId,
          })
        : r.client.cycles.updateNotes.mutate({ ...entry.input, cycleId: entry.cycleId, version }),
    async latest(cycleId) {
      const cycle = await r.client.cycles.get.query({ cycleId });
      // Every instrument's sheets (decision 022), under the keys their changes are queued by.
      const sheets = new Map(
        cycle.instruments.flatMap((i) =>
          i.observations.map((o) => [sheetKey(o.teacherId, i.instrument), sheetSnapshot(o)]),
        ),
      );
      return {
        version: cycle.version,
        editable: cycle.editable,
        sheet: (key) => sheets.get(key) ?? null,
        notes: notesValues(cycle.stages),
      };
    },
    classify(error) {
      const app = appErrorOf(error);
      const code = app?.code ?? 'NETWORK';
      if (code === 'CONFLICT') return { failure: 'conflict' };
      if (code === 'UNAUTHORIZED') return { failure: 'signedOut' };
      if (code === 'NETWORK' || code === 'INTERNAL' || code === 'UNAVAILABLE')
        return { failure: 'retry' };
      return { failure: 'refused', problem: app?.messages ?? null };
    },
  };
}

/** Sends the outbox now (one round at a time per tab), then refreshes the pages it touched. */
export function sendOutbox(): Promise<void> {
  const r = runtime;
  if (!r) return Promise.resolve();
  flushing ??= (async () => {
    try {
      const report = await flush(r.store, r.userId, transport(r));
      if (report.sent.length > 0 || report.conflicts.length > 0) {
        await Promise.all([
          r.queryClient.invalidateQueries({ queryKey: [['cycles']] }),
          r.queryClient.invalidateQueries({ queryKey: [['studies']] }),
        ]);
      }
    } finally {
      flushing = null;
      await refresh();
    }
  })();
  return flushing;
}

/** What the page knows when it saves offline; the rest is filled here. */
export type NewChange =
  | Omit<Extract<OutboxEntry, { kind: 'observation' }>, keyof Bookkeeping>
  | Omit<Extract<OutboxEntry, { kind: 'notes' }>, keyof Bookkeeping>;
interface Bookkeeping {
  changeId: string;
  userId: string;
  seq: number;
  createdAt: string;
  attempts: number;
  nextAttemptAt: number;
  state: 'pending';
}

/** Puts a save in the signed-in user's outbox (kept on the device until the server has it). */
export async function queueChange(change: NewChange): Promise<OutboxEntry> {
  // A save made while the session is still opening (just signed in, or opened offline).
  if (!runtime && starting) await starting;
  const r = runtime;
  if (!r) throw new Error('offline session not started');
  const now = Date.now();
  const entry = await enqueue(r.store, {
    ...change,
    changeId: crypto.randomUUID(),
    userId: r.userId,
    seq: nextSeq(now),
    createdAt: new Date(now).toISOString(),
    attempts: 0,
    nextAttemptAt: 0,
    state: 'pending',
  } as OutboxEntry);
  await refresh();
  if (navigator.onLine) void sendOutbox();
  return entry;
}

/**
 * Settles a conflict: `mine` sends the principal's version as a new save on the server's
 * current version (what the server held stays in its history); `theirs` drops the
 * principal's change (their choice, after seeing both).
 */
export async function settleConflict(changeId: string, keep: 'mine' | 'theirs'): Promise<void> {
  const r = runtime;
  const entry = entries.find((e) => e.changeId === changeId);
  if (!r || !entry) return;
  await r.store.delete(changeId);
  if (keep === 'mine') {
    const latest = await transport(r).latest(entry.cycleId);
    const now = Date.now();
    const base =
      entry.kind === 'observation' ? { base: latest.sheet(entry.key) } : { base: latest.notes };
    await r.store.put({
      ...entry,
      ...base,
      theirs: undefined,
      problem: null,
      changeId: crypto.randomUUID(),
      seq: nextSeq(now),
      baseVersion: latest.version,
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
    } as OutboxEntry);
  }
  await refresh();
  await r.queryClient.invalidateQueries({ queryKey: [['cycles']] });
  if (keep === 'mine') await sendOutbox();
}

/**
 * Sign-out on this device: with an empty outbox the user's kept answers are forgotten;
 * otherwise nothing happens unless `discard` (the principal confirmed what is lost).
 */
export async function signOutOffline(discard: boolean): Promise<'cleared' | 'unsent'> {
  const r = runtime;
  if (!r) return 'cleared';
  const unsent = await r.store.list(r.userId);
  if (unsent.length > 0 && !discard) return 'unsent';
  await clearUser(r.db, r.userId, true);
  if (localStorage.getItem(LAST_USER) === r.userId) localStorage.removeItem(LAST_USER);
  stopSession();
  return 'cleared';
}
