import { appErrorOf, type RouterOutputs } from '@siklus/client';
import {
  classify,
  scoreObservation,
  summaryObservation,
  type TBandSet,
  type TCycleUpdateNotesInput,
  type TObservationUpsertInput,
} from '@siklus/domain';
import { useMemo, useSyncExternalStore } from 'react';
import type { RosterTeacher } from '../pages/pts/observation-panel';
import { type NotesValues, type OutboxEntry, sheetKey } from './outbox';
import { notesValues, outboxEntries, queueChange, sheetSnapshot, subscribeOutbox } from './session';

type Cycle = RouterOutputs['cycles']['get'];
type SheetEntry = Extract<OutboxEntry, { kind: 'observation' }>;

/** A mutation as the cycle page holds it (TanStack Query's result, narrowed to what is used). */
interface Mutation<I, R> {
  mutate: (
    input: I,
    options: { onSuccess: (result: R) => unknown; onError?: (error: unknown) => void },
  ) => void;
  reset: () => void;
}

/**
 * The cycle page's saves, made to work without a connection (decision 024): a save made
 * offline, or one the network failed, goes to the signed-in principal's outbox with the
 * figures the domain package computes here (the same functions as the server); a sheet or
 * notes with a change still waiting go there too, so they are sent in order. The page shows
 * waiting changes in place of the server's (`overlay`, `overlayStages`).
 */
export function useOfflineSaves(cycle: Cycle, bandSet: TBandSet, instrument = 0) {
  const all = useSyncExternalStore(subscribeOutbox, outboxEntries);
  const entries = useMemo(() => all.filter((e) => e.cycleId === cycle.id), [all, cycle.id]);
  const sheets = useMemo(
    () =>
      new Map(
        entries.filter((e): e is SheetEntry => e.kind === 'observation').map((e) => [e.key, e]),
      ),
    [entries],
  );
  const notes = entries.find((e) => e.kind === 'notes');

  /** The roster with each waiting sheet in place of the server's. */
  const overlay = (roster: RosterTeacher[]): RosterTeacher[] =>
    roster.map((r) => {
      const e = sheets.get(sheetKey(r.id, instrument));
      if (!e) return r;
      const server = cycle.observations.find((o) => o.teacherId === r.id);
      const observation: Cycle['observations'][number] = {
        ...(server ?? {
          id: e.changeId,
          teacherId: r.id,
          teacherName: r.name,
          className: r.className,
          teacherActive: true,
          sortOrder: 0,
          updatedAt: e.createdAt,
          instrument,
        }),
        percentage: e.figures.percentage,
        band: e.figures.band,
        scores: e.input.kind === 'indicators' ? e.input.scores : null,
        observedOn: e.input.observedOn ?? null,
        notes: e.input.notes ?? null,
      };
      return { ...r, observation };
    });

  /** The stages with waiting notes in place of the server's. */
  const overlayStages = (stages: Cycle['stages']): Cycle['stages'] => {
    if (!notes || notes.kind !== 'notes') return stages;
    const input = notes.input as NotesValues;
    const next = { ...stages };
    for (const stage of Object.keys(stages) as (keyof Cycle['stages'])[]) {
      const n = input[`${stage}Notes`];
      const d = input[`${stage}Date`];
      next[stage] = {
        ...stages[stage],
        ...(n !== undefined ? { notes: n } : {}),
        ...(d !== undefined ? { date: d } : {}),
      };
    }
    return next;
  };

  const mustQueue = (key: string) =>
    !navigator.onLine || entries.some((e) => e.key === key && e.state === 'pending');

  /**
   * Sends the change when online with nothing of its key waiting; queues it offline, behind a
   * waiting change of the same key, or when the send fails for want of a network.
   */
  function sendOrQueue<I, R>(
    mutation: Mutation<I, R>,
    input: I,
    key: string,
    queue: () => Promise<void>,
    onSuccess: (result: R) => unknown,
  ): void {
    if (mustQueue(key)) {
      void queue();
      return;
    }
    mutation.mutate(input, {
      onSuccess,
      onError: (error) => {
        if (appErrorOf(error)?.code !== 'NETWORK') return;
        mutation.reset();
        void queue();
      },
    });
  }

  function saveSheet<R>(
    mutation: Mutation<TObservationUpsertInput, R>,
    input: TObservationUpsertInput,
    label: string,
    on: { onSuccess: (result: R) => unknown; onQueued: (entry: SheetEntry) => unknown },
  ): void {
    const queue = async () => {
      const { version, changeId: _none, ...change } = input;
      // The figures the sheet showed, from the domain package, as the server will compute.
      const score = scoreObservation(
        cycle.rubric,
        input.kind === 'summary'
          ? summaryObservation(input.percentage, input.scale)
          : { kind: 'indicators', scores: input.scores },
      );
      const entry = await queueChange({
        kind: 'observation',
        cycleId: cycle.id,
        key: sheetKey(input.teacherId, input.instrument),
        label,
        baseVersion: version,
        input: change,
        figures: { percentage: score.percentage, band: classify(bandSet, score.percentage).label },
        base: sheetSnapshot(
          cycle.observations.find((o) => o.teacherId === input.teacherId) ?? null,
        ),
      });
      if (entry.kind === 'observation') on.onQueued(entry);
    };
    sendOrQueue(mutation, input, sheetKey(input.teacherId, input.instrument), queue, on.onSuccess);
  }

  function saveNotes<R>(
    mutation: Mutation<TCycleUpdateNotesInput, R>,
    input: TCycleUpdateNotesInput,
    label: string,
    on: { onSuccess: (result: R) => unknown; onQueued: () => unknown },
  ): void {
    const queue = async () => {
      const { cycleId: _cycle, version, ...patch } = input;
      const server = notesValues(cycle.stages);
      const base: NotesValues = {};
      for (const k of Object.keys(patch) as (keyof NotesValues)[]) base[k] = server[k] ?? null;
      await queueChange({
        kind: 'notes',
        cycleId: cycle.id,
        key: 'notes',
        label,
        baseVersion: version,
        input: patch,
        base,
      });
      on.onQueued();
    };
    sendOrQueue(mutation, input, 'notes', queue, on.onSuccess);
  }

  return { entries, overlay, overlayStages, saveSheet, saveNotes };
}
