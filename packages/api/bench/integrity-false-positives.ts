/**
 * `pnpm --filter @siklus/api exec tsx bench/integrity-false-positives.ts`: the integrity
 * signals' false-positive rate on the synthetic district of the database DATABASE_URL
 * names (`pnpm --filter @siklus/db db:synth --schools 2000`). The synthetic district is
 * honest by construction (every figure from the domain package, no copied or invented
 * sheet), so every signal it raises is a false positive. Prints, per kind, the signals, the
 * units the rule judged and the rate, and the share of schools with any signal. Without
 * DATABASE_URL it says so and stops.
 */
import { createDb } from '@siklus/db';
import { sql } from 'kysely';
import { districtSignals } from '../src/integrity/signals';

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('false positives: skipped, DATABASE_URL names no synthesized Postgres database');
} else {
  const { db, close } = await createDb({ databaseUrl: url });
  try {
    const { rows } = await sql<{
      id: string;
      schools: number;
      schoolsWithCycles: number;
      studies: number;
      cycles: number;
      sheets: number;
      indicatorSheets: number;
      transitions: number;
      typedStudies: number;
      notes: number;
    }>`
      select d.id,
        (select count(*)::int from schools s where s.district_id = d.id) as schools,
        (select count(distinct st.school_id)::int from studies st join cycles c on c.study_id = st.id
          where st.district_id = d.id) as "schoolsWithCycles",
        (select count(*)::int from studies st where st.district_id = d.id) as studies,
        (select count(*)::int from cycles c where c.district_id = d.id) as cycles,
        (select count(*)::int from observations o where o.district_id = d.id) as sheets,
        (select count(*)::int from observation_score_vectors v where v.district_id = d.id) as "indicatorSheets",
        (select count(*)::int from observations o join cycles c on c.id = o.cycle_id
          where o.district_id = d.id and c.ordinal > 0) as transitions,
        (select count(distinct st.id)::int from studies st
          join rubric_versions rv on rv.id = st.rubric_version_id
          where st.district_id = d.id and rv.definition->>'mode' = 'summary') as "typedStudies",
        (select count(*)::int from cycles c where c.district_id = d.id
          and (c.observation_notes is not null or c.reflection_notes is not null)) as notes
      from districts d
      order by sheets desc limit 1`.execute(db);
    const d = rows[0];
    if (!d) throw new Error('no district: run db:synth first');
    const { signals, jumpPoints } = await districtSignals(db, d.id);
    const byKind = new Map<string, number>();
    for (const s of signals) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
    const pct = (n: number, of: number) => (of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(3)}%`);
    const units: [string, string, number][] = [
      ['identical-vector', 'indicator sheets', d.indicatorSheets],
      ['flat-sheet', 'cycles', d.cycles],
      ['jump', `sheets after a baseline (N = ${jumpPoints})`, d.transitions],
      ['printed-mismatch', 'cycles', d.cycles],
      ['near-copy-notes', 'cycles with notes', d.notes],
      ['heaping', 'summary-mode studies', d.typedStudies],
      ['narrative-claim', 'cycles with notes', d.notes],
    ];
    console.log(
      `false positives: ${d.schools} schools (${d.schoolsWithCycles} with cycles), ${d.studies} studies, ` +
        `${d.cycles} cycles, ${d.sheets} sheets; honest by construction`,
    );
    for (const [kind, unit, of] of units) {
      const n = byKind.get(kind) ?? 0;
      console.log(`  ${kind.padEnd(18)} ${String(n).padStart(5)} of ${of} ${unit}: ${pct(n, of)}`);
    }
    const flagged = new Set(signals.map((s) => s.schoolId)).size;
    console.log(
      `  schools with any signal: ${flagged} of ${d.schoolsWithCycles} (${pct(flagged, d.schoolsWithCycles)})`,
    );
  } finally {
    await close();
  }
}
