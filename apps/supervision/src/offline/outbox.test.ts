import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  backoff,
  enqueue,
  flush,
  judge,
  type LatestCycle,
  nextSeq,
  type OutboxEntry,
  type OutboxTransport,
  type SheetSnapshot,
} from './outbox';
import { clearUser, idbOutbox, openOfflineDb } from './store';

const USER = 'u-principal';
const CYCLE = 'c-1';

/** A principal's save of one teacher's sheet, made offline on `baseVersion`. */
function sheet(
  teacherId: string,
  scores: Record<string, number>,
  percentage: string,
  overrides: Partial<OutboxEntry> = {},
): OutboxEntry {
  const now = Date.now();
  return {
    kind: 'observation',
    changeId: crypto.randomUUID(),
    userId: USER,
    seq: nextSeq(now),
    createdAt: new Date(now).toISOString(),
    cycleId: CYCLE,
    key: teacherId,
    label: teacherId,
    baseVersion: 5,
    attempts: 0,
    nextAttemptAt: 0,
    state: 'pending',
    input: { cycleId: CYCLE, teacherId, kind: 'indicators', scores },
    figures: { percentage, band: 'Baik' },
    base: null,
    ...overrides,
  } as OutboxEntry;
}

const snapshot = (percentage: string, scores: Record<string, number>): SheetSnapshot => ({
  percentage,
  band: 'Baik',
  scores,
  observedOn: null,
  notes: null,
});

/**
 * A server in memory with the real rules: the cycle's version moves on each save, a stale
 * version conflicts, a change id is stored once. `drop` loses the answer of the n-th send
 * (the save is stored, the device sees a timeout).
 */
function fakeServer(opts: { version?: number; drop?: number[]; down?: boolean } = {}) {
  const state = {
    version: opts.version ?? 5,
    editable: true,
    sheets: new Map<string, SheetSnapshot>(),
    seen: new Map<string, number>(),
    sends: [] as { teacherId: string; version: number; changeId: string }[],
    down: opts.down ?? false,
  };
  class Timeout extends Error {}
  class Conflict extends Error {}
  const transport: OutboxTransport = {
    async send(entry, version) {
      if (entry.kind !== 'observation') throw new Error('sheets only here');
      const n = state.sends.push({
        teacherId: entry.input.teacherId,
        version,
        changeId: entry.changeId,
      });
      if (state.down) throw new Timeout();
      const repeat = state.seen.get(entry.changeId);
      let result: number;
      if (repeat !== undefined) result = repeat;
      else {
        if (version !== state.version || !state.editable) throw new Conflict();
        state.version += 1;
        state.sheets.set(entry.input.teacherId, {
          percentage: entry.figures.percentage,
          band: entry.figures.band,
          scores: entry.input.kind === 'indicators' ? entry.input.scores : null,
          observedOn: null,
          notes: null,
        });
        state.seen.set(entry.changeId, state.version);
        result = state.version;
      }
      if (opts.drop?.includes(n)) throw new Timeout();
      return { version: result };
    },
    async latest(): Promise<LatestCycle> {
      return {
        version: state.version,
        editable: state.editable,
        sheet: (id) => state.sheets.get(id) ?? null,
        notes: {},
      };
    },
    classify(error) {
      return { failure: error instanceof Conflict ? 'conflict' : 'retry' };
    },
  };
  return { state, transport };
}

async function freshStore() {
  const db = await openOfflineDb(`test-${crypto.randomUUID()}`);
  return { db, store: idbOutbox(db) };
}

describe('the outbox', () => {
  test('sends in the order the sheets were saved, each on the version our previous send made', async () => {
    const { store } = await freshStore();
    await enqueue(store, sheet('t1', { A1: 4 }, '100.00'));
    await enqueue(store, sheet('t2', { A1: 3 }, '75.00'));
    await enqueue(store, sheet('t3', { A1: 2 }, '50.00'));
    const { state, transport } = fakeServer();
    const report = await flush(store, USER, transport);
    expect(state.sends.map((s) => [s.teacherId, s.version])).toEqual([
      ['t1', 5],
      ['t2', 6],
      ['t3', 7],
    ]);
    expect(report.sent.map((e) => e.key)).toEqual(['t1', 't2', 't3']);
    expect(await store.list(USER)).toEqual([]);
    expect(state.version).toBe(8);
    expect(state.sheets.get('t2')?.percentage).toBe('75.00');
  });

  test('a network failure stops the round (nothing overtakes) and backs off 1, 2, 4 s', async () => {
    const { store } = await freshStore();
    await enqueue(store, sheet('t1', { A1: 4 }, '100.00'));
    await enqueue(store, sheet('t2', { A1: 3 }, '75.00'));
    const server = fakeServer({ down: true });
    let clock = 1_000_000;
    const now = () => clock;
    const first = await flush(store, USER, server.transport, now);
    expect(first.sent).toEqual([]);
    expect(first.waiting).toBe(2);
    expect(server.state.sends.map((s) => s.teacherId)).toEqual(['t1']);
    const [waiting] = await store.list(USER);
    expect(waiting).toMatchObject({ key: 't1', attempts: 1, nextAttemptAt: clock + 1000 });

    // Not due yet: nothing is sent.
    clock += 500;
    await flush(store, USER, server.transport, now);
    expect(server.state.sends).toHaveLength(1);
    clock += 500;
    await flush(store, USER, server.transport, now);
    expect((await store.list(USER))[0]).toMatchObject({ attempts: 2, nextAttemptAt: clock + 2000 });
    expect([1, 2, 3, 4, 7, 8, 20].map(backoff)).toEqual([
      1000, 2000, 4000, 8000, 60_000, 60_000, 60_000,
    ]);

    // The connection is back: both go, in order.
    server.state.down = false;
    clock += 2000;
    const last = await flush(store, USER, server.transport, now);
    expect(last.sent.map((e) => e.key)).toEqual(['t1', 't2']);
    expect(await store.list(USER)).toEqual([]);
  });

  test('a save whose answer was lost is sent again with the same change id and stored once', async () => {
    const { store } = await freshStore();
    const entry = await enqueue(store, sheet('t1', { A1: 4 }, '100.00'));
    const server = fakeServer({ drop: [1] });
    let clock = 0;
    await flush(store, USER, server.transport, () => clock);
    // Stored on the server, but the device saw a timeout: still in the outbox.
    expect(server.state.version).toBe(6);
    expect(await store.list(USER)).toHaveLength(1);
    clock += backoff(1);
    const report = await flush(store, USER, server.transport, () => clock);
    expect(report.sent.map((e) => e.changeId)).toEqual([entry.changeId]);
    expect(server.state.sends.map((s) => s.changeId)).toEqual([entry.changeId, entry.changeId]);
    expect(server.state.version).toBe(6);
    expect(server.state.seen.size).toBe(1);
    expect(await store.list(USER)).toEqual([]);
  });

  test('another teacher saved meanwhile: the change is sent again on the new version', async () => {
    const { store } = await freshStore();
    await enqueue(store, sheet('t1', { A1: 4 }, '100.00'));
    const server = fakeServer({ version: 7 });
    server.state.sheets.set('t9', snapshot('50.00', { A1: 2 }));
    const report = await flush(store, USER, server.transport);
    expect(server.state.sends.map((s) => s.version)).toEqual([5, 7]);
    expect(report.sent).toHaveLength(1);
    expect(report.conflicts).toEqual([]);
  });

  test("the same teacher saved meanwhile: kept as a conflict with the server's sheet beside it", async () => {
    const { store } = await freshStore();
    await enqueue(store, sheet('t1', { A1: 4 }, '100.00'));
    await enqueue(store, sheet('t2', { A1: 3 }, '75.00'));
    const server = fakeServer({ version: 6 });
    server.state.sheets.set('t1', snapshot('25.00', { A1: 1 }));
    const report = await flush(store, USER, server.transport);
    expect(report.conflicts.map((e) => e.key)).toEqual(['t1']);
    // The next teacher still goes: the conflict holds only its own sheet.
    expect(report.sent.map((e) => e.key)).toEqual(['t2']);
    const [kept] = await store.list(USER);
    expect(kept).toMatchObject({
      key: 't1',
      state: 'conflict',
      figures: { percentage: '100.00' },
      theirs: { percentage: '25.00', scores: { A1: 1 } },
    });
    // A conflict waits for the principal: later rounds do not send it.
    await flush(store, USER, server.transport);
    expect(server.state.sends.filter((s) => s.teacherId === 't1')).toHaveLength(1);
  });

  test('a cycle submitted meanwhile: the change conflicts even when the sheet is unchanged', async () => {
    const { store } = await freshStore();
    await enqueue(store, sheet('t1', { A1: 4 }, '100.00'));
    const server = fakeServer({ version: 6 });
    server.state.editable = false;
    const report = await flush(store, USER, server.transport);
    expect(report.conflicts.map((e) => e.key)).toEqual(['t1']);
    expect(server.state.sheets.size).toBe(0);
  });

  test('a newer save of the same sheet replaces the waiting one and keeps the version it was based on', async () => {
    const { store } = await freshStore();
    await enqueue(store, sheet('t1', { A1: 2 }, '50.00'));
    const later = await enqueue(
      store,
      sheet('t1', { A1: 4 }, '100.00', {
        baseVersion: 9,
        base: snapshot('0.00', {}),
      } as Partial<OutboxEntry>),
    );
    const entries = await store.list(USER);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ changeId: later.changeId, baseVersion: 5, base: null });
    expect(entries[0]?.kind === 'observation' && entries[0].figures.percentage).toBe('100.00');
  });

  test("each user's outbox is their own, and survives until it is cleared", async () => {
    const { db, store } = await freshStore();
    await enqueue(store, sheet('t1', { A1: 4 }, '100.00'));
    await enqueue(store, { ...sheet('t2', { A1: 3 }, '75.00'), userId: 'u-other' });
    expect((await store.list(USER)).map((e) => e.key)).toEqual(['t1']);
    const server = fakeServer();
    await flush(store, 'u-other', server.transport);
    expect(server.state.sends.map((s) => s.teacherId)).toEqual(['t2']);
    // The first user's change stayed; a reopened database still has it.
    db.close();
    const again = idbOutbox(await openOfflineDb(db.name));
    expect((await again.list(USER)).map((e) => e.key)).toEqual(['t1']);
    const reopened = await openOfflineDb(db.name);
    await clearUser(reopened, USER, true);
    expect(await idbOutbox(reopened).list(USER)).toEqual([]);
  });

  test('stage notes: rebased when those fields are unchanged, done when already stored, else a conflict', () => {
    const notes = {
      ...sheet('t1', {}, '0.00'),
      kind: 'notes',
      key: 'notes',
      input: { reflectionNotes: 'Guru lebih aktif.' },
      base: { reflectionNotes: null },
    } as OutboxEntry;
    const latest = (values: Record<string, string | null>, editable = true): LatestCycle => ({
      version: 9,
      editable,
      sheet: () => null,
      notes: values,
    });
    // Someone else wrote the planning notes: ours (reflection) still apply on top.
    expect(judge(notes, latest({ planningNotes: 'Rencana.', reflectionNotes: null }))).toBe(
      'rebase',
    );
    // Our first send was stored but its answer lost: nothing to send again.
    expect(judge(notes, latest({ reflectionNotes: 'Guru lebih aktif.' }))).toBe('done');
    // The same field was written meanwhile, or the cycle was submitted: the principal decides.
    expect(judge(notes, latest({ reflectionNotes: 'Tulisan lain.' }))).toBe('conflict');
    expect(judge(notes, latest({ reflectionNotes: null }, false))).toBe('conflict');
  });
});
