import { loadavg } from 'node:os';

/** One of issue 19's goals beside the figure a run measured. */
export interface GoalRow {
  measure: string;
  figure: number;
  /** The figure's unit as printed ("ms", "req/s", "errors"). */
  unit: string;
  goal: number;
  /** Throughput: the figure must reach the goal; everything else must stay under it. */
  atLeast?: boolean;
}

export const goalMet = (row: GoalRow): boolean =>
  !Number.isNaN(row.figure) && (row.atLeast ? row.figure >= row.goal : row.figure <= row.goal);

const loadText = (load: number[]) => load.map((l) => l.toFixed(2)).join(' ');

/**
 * `| measure | figure | goal | met? |` for one run, with the load average before and after:
 * on a shared machine a figure means little without it (decision 021).
 */
export function goalsTable(rows: GoalRow[], loadBefore: number[]): string {
  const fmt = (n: number) =>
    Number.isNaN(n) ? '-' : Number.isInteger(n) ? String(n) : n.toFixed(1);
  return [
    '| measure | figure | goal | met? |',
    '| --- | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.measure} | ${fmt(r.figure)} ${r.unit} | ${r.atLeast ? '>=' : '<='} ${fmt(r.goal)} ${r.unit} | ${goalMet(r) ? 'yes' : 'NO'} |`,
    ),
    '',
    `load average (1, 5, 15 min): before ${loadText(loadBefore)}; after ${loadText(loadavg())} ` +
      '(2 cores: above 2 the figures are inflated by other work on the machine)',
  ].join('\n');
}
