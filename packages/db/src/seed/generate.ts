import { randomUUID } from 'node:crypto';
import {
  classify,
  listIndicators,
  scoreObservation,
  type TBandSet,
  type TIndicatorScore,
  type TRubricDefinition,
} from '@siklus/domain';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Rng } from '../random';
import type { DB } from '../schema';

/*
 * Shared by the seed and the synthetic district: turns a target level into an
 * observation. The stored percentage and band always come from the domain package
 * (scoreObservation, classify); this file only invents raw scores.
 */

export interface GeneratedObservation {
  percentage: string;
  band: string;
  /** Indicator scores for an 'indicators' rubric; null for 'summary'. */
  scores: Record<string, TIndicatorScore> | null;
}

/** Raw scores near `target` percent (0-100), scored and classified by the domain. */
export function observe(
  def: TRubricDefinition,
  bandSet: TBandSet,
  rng: Rng,
  target: number,
): GeneratedObservation {
  const clamped = Math.min(100, Math.max(0, target));
  if (def.mode === 'summary') {
    // A typed-in percentage with two decimals, as a historical report prints it.
    const hundredths = Math.min(10_000, Math.max(0, Math.round(clamped * 100) + rng.int(-40, 40)));
    const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
    const { percentage } = scoreObservation(def, { kind: 'summary', percentage: text });
    return { percentage, band: classify(bandSet, percentage).label, scores: null };
  }
  const scores: Record<string, TIndicatorScore> = {};
  const indicators = listIndicators(def);
  indicators.forEach((indicator, i) => {
    // Keep at least one indicator scored so the sheet always has points possible.
    if (i > 0 && rng.chance(0.02)) {
      scores[indicator.key] = 'na';
      return;
    }
    const { min, max } = indicator.scale;
    const mean = (clamped / 100) * max;
    const raw = Math.round(mean + (rng.next() - 0.5) * 1.4);
    scores[indicator.key] = Math.min(max, Math.max(min, raw));
  });
  const { percentage } = scoreObservation(def, { kind: 'indicators', scores });
  return { percentage, band: classify(bandSet, percentage).label, scores };
}

/** Rows for indicator_scores from a generated observation. */
export function indicatorRows(
  districtId: string,
  observationId: string,
  scores: Record<string, TIndicatorScore>,
): Insertable<DB['indicator_scores']>[] {
  return Object.entries(scores).map(([key, score]) => ({
    district_id: districtId,
    observation_id: observationId,
    indicator_key: key,
    score: score === 'na' ? null : score,
    not_applicable: score === 'na',
  }));
}

/** The rows a seed collects for its sheets, inserted in batches at the end. */
export interface SheetRows {
  observations: Insertable<DB['observations']>[];
  scores: Insertable<DB['indicator_scores']>[];
}

/** A generated observation as rows to insert: the sheet (`fields` places it) and its scores. */
export function pushObservation(
  into: SheetRows,
  fields: Omit<Insertable<DB['observations']>, 'id' | 'percentage' | 'band'>,
  obs: GeneratedObservation,
): void {
  const id = randomUUID();
  into.observations.push({ id, ...fields, percentage: obs.percentage, band: obs.band });
  if (obs.scores) into.scores.push(...indicatorRows(fields.district_id, id, obs.scores));
}

type Db = Kysely<DB> | Transaction<DB>;

/** Inserts rows in batches (1000 by default) so no statement nears the parameter limit. */
export async function insertBatches<T extends keyof DB & string>(
  db: Db,
  table: T,
  rows: Insertable<DB[T]>[],
  size = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a generic table name to its row type; the signature above does.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/**
 * Bulk insert through unnest(): one array parameter per column instead of one parameter
 * per value. Same 1000-row batches; far less binding work per row, which is what PGlite
 * spends its time on for wide batches.
 */
export async function insertUnnest<T extends keyof DB & string>(
  db: Db,
  table: T,
  columns: readonly { name: keyof DB[T] & string; type: string }[],
  rows: Insertable<DB[T]>[],
  size = 1000,
): Promise<void> {
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size) as Record<string, unknown>[];
    const arrays = columns.map(
      (c) => sql`${batch.map((r) => r[c.name] ?? null)}::${sql.raw(c.type)}[]`,
    );
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})`.execute(
      db,
    );
  }
}
