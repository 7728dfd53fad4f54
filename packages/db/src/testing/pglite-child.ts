/**
 * A tiny process the PGlite fault tests start (node --import tsx), one job each:
 *   hold <dir>           open the embedded database, print "ready <pid>", wait to be killed
 *   open <dir>           open it, print "opened", close, exit 0 (a refusal: message, exit 2)
 *   write <dir>          open it, then commit numbered writes one after another, printing
 *                        "committed <n>" after each commit returns, until killed
 * Each write is one transaction over two tables (a row per number, and a counter), so a
 * check after a crash sees both halves or neither.
 */
import { sql } from 'kysely';
import { createDb } from '../create-db';

const [mode, dir] = process.argv.slice(2);
if (!mode || !dir) {
  process.stderr.write('usage: pglite-child hold|open|write <dataDir>\n');
  process.exit(64);
}

let database: Awaited<ReturnType<typeof createDb>>;
try {
  database = await createDb({ dataDir: dir });
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
const { db } = database;

if (mode === 'hold') {
  process.stdout.write(`ready ${process.pid}\n`);
  setInterval(() => {}, 60_000);
} else if (mode === 'open') {
  process.stdout.write('opened\n');
  await database.close();
} else if (mode === 'write') {
  await sql`create table if not exists durability_rows (n int primary key, payload text not null)`.execute(
    db,
  );
  await sql`create table if not exists durability_counter (id int primary key, last int not null)`.execute(
    db,
  );
  await sql`insert into durability_counter values (1, 0) on conflict do nothing`.execute(db);
  const start = await sql<{ last: number }>`select last from durability_counter where id = 1`
    .execute(db)
    .then((r) => r.rows[0]?.last ?? 0);
  process.stdout.write(`ready ${process.pid}\n`);
  for (let n = start + 1; ; n++) {
    await db.transaction().execute(async (tx) => {
      await sql`insert into durability_rows values (${n}, ${payloadOf(n)})`.execute(tx);
      await sql`update durability_counter set last = ${n} where id = 1`.execute(tx);
    });
    process.stdout.write(`committed ${n}\n`);
  }
}

/** The value row n must hold (the test has the same formula and checks it byte for byte). */
function payloadOf(n: number): string {
  return `observasi-${n}-${'x'.repeat(n % 97)}`;
}
