/**
 * `pnpm bench` (this package's part, second): `integrity.district`'s work on the largest
 * district of the database DATABASE_URL names, prepared with
 * `pnpm --filter @siklus/db db:synth --schools 2000` and migrated. Five runs of the whole
 * read (districtSignals, as the router calls it) and of each candidate query alone, with
 * the machine's load average, since the figures move with it. Target (issue 18): the
 * district's signals well under 1 s at 2,000 schools. Without DATABASE_URL it says so and
 * stops (a 2,000-school synth does not belong on PGlite), as it does on a database not yet
 * migrated and synthesized. With --strict a miss exits 1.
 */
import { loadavg } from 'node:os';
import {
  createDb,
  flatSheets,
  narrativeNoteCycles,
  nearCopyNotes,
  printedFiguresCycles,
  repeatedScoreVectors,
  teacherJumps,
  typedPercentages,
} from '@siklus/db';
import { INTEGRITY_DEFAULTS, noteTemplateSchools } from '@siklus/domain';
import { sql } from 'kysely';
import { districtSignals } from '../src/integrity/signals';

const strict = process.argv.includes('--strict');
const TARGET_MS = 1000;
const RUNS = 5;

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('integrity bench: skipped, DATABASE_URL names no synthesized Postgres database');
} else {
  const { db, close } = await createDb({ databaseUrl: url });
  try {
    const { rows: tables } = await sql<{ found: string | null }>`
      select to_regclass('public.districts')::text as found`.execute(db);
    if (!tables[0]?.found) {
      console.log(
        'integrity bench: skipped, the database DATABASE_URL names is not migrated and ' +
          'synthesized (pnpm db:migrate && pnpm --filter @siklus/db db:synth --schools 2000)',
      );
      process.exit(0);
    }
    const { rows } = await sql<{ id: string; schools: number; sheets: number }>`
      select d.id, (select count(*)::int from schools s where s.district_id = d.id) as schools,
             (select count(*)::int from observations o where o.district_id = d.id) as sheets
        from districts d order by sheets desc limit 1`.execute(db);
    const district = rows[0];
    if (!district) throw new Error('no district: run db:synth first');
    const id = district.id;
    const min = INTEGRITY_DEFAULTS.minIndicators;
    const cases: [string, () => Promise<unknown>][] = [
      ['integrity.district (all)', () => districtSignals(db, id)],
      ['repeated vectors', () => repeatedScoreVectors(db, id, min)],
      ['flat sheets', () => flatSheets(db, id, min)],
      ['jumps', () => teacherJumps(db, id, INTEGRITY_DEFAULTS.jumpPoints)],
      ['printed figures', () => printedFiguresCycles(db, id)],
      [
        'near-copy notes',
        () =>
          nearCopyNotes(db, id, {
            threshold: INTEGRITY_DEFAULTS.noteSimilarity,
            minLength: INTEGRITY_DEFAULTS.noteMinLength,
            templateSchools: noteTemplateSchools(district.schools),
          }),
      ],
      ['typed percentages', () => typedPercentages(db, id)],
      ['narrative claims', () => narrativeNoteCycles(db, id)],
    ];
    console.log(
      `integrity bench: ${district.schools} schools, ${district.sheets} sheets; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    let missed = false;
    for (const [name, run] of cases) {
      await run(); // warm the plan and the buffers once
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(RUNS / 2)]!;
      if (name.startsWith('integrity.district') && median >= TARGET_MS) missed = true;
      console.log(
        `  ${name.padEnd(26)} median ${median.toFixed(0).padStart(5)} ms ` +
          `(runs ${times.map((t) => t.toFixed(0)).join(', ')})`,
      );
    }
    console.log(
      `  load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; target: the whole read under ${TARGET_MS} ms`,
    );
    if (missed && strict) process.exitCode = 1;
  } finally {
    await close();
  }
}
