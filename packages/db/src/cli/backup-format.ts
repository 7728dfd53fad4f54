import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, Migrator, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { type FileStore, keyOf } from '../files';
import { migrations } from '../migrations';
import { referencedFileKeys } from '../repositories/attachments';
import type { DB } from '../schema';

/*
 * One portable backup format for both databases (docs/decisions/007): a gzipped file of
 * JSON lines, written and read through Kysely, so a Postgres backup restores into PGlite
 * and back, with no pg_dump version to match (the server is Postgres 15 here, PGlite is 17).
 *
 *   {"format":"siklus-backup","version":1,"createdAt":…,"source":"postgres","migrations":[…]}
 *   {"table":"districts","columns":["id",…],"rows":2}
 *   {"id":"…","name":"…",…}                 one line per row: Postgres's own to_jsonb(row)
 *   …
 *   {"files":3}                             version 2: the evidence files the rows name
 *   {"file":"<sha256>","base64":"…"}        one line per file, its bytes
 *   {"end":true,"tables":{"districts":2,…},"files":3}  a trailer, so a cut-off file is refused
 *
 * Files (docs/decisions/020-evidence-files.md) are read from whichever store the server
 * uses (local or S3) and restored into whichever the target uses, each checked against
 * its SHA-256. Version 1 files (no files section) still restore.
 * Rows never pass through JS values: to_jsonb's text is written as it is, and restore hands
 * it back to jsonb_populate_recordset, so numerics, timestamps and json keep every digit.
 * The dump reads one snapshot (repeatable read), so it can run while the server serves.
 */

export const BACKUP_FORMAT = 'siklus-backup';
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

/** Kysely's own bookkeeping: restored by migrating, never copied. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface TableInfo {
  name: string;
  /** Columns a restore writes (generated columns are computed again). */
  columns: string[];
  identity: string[];
}

interface Header {
  format: string;
  version: number;
  createdAt: string;
  source: string;
  migrations: string[];
}

/*
 * A backup is read back from a file anyone could have edited: each kind of line is parsed
 * with a schema, so a damaged file is refused with a reason instead of being trusted.
 */
const ZHeaderLine = z.looseObject({
  format: z.string().optional(),
  version: z.number().optional(),
  migrations: z.array(z.string()).optional(),
});
const ZTableLine = z.object({ table: z.string(), columns: z.array(z.string()) });
const ZTrailerLine = z.object({
  end: z.literal(true),
  tables: z.record(z.string(), z.number()),
  files: z.number().optional(),
});
const ZFilesLine = z.object({ files: z.number() });
const ZFileLine = z.object({ file: z.string(), base64: z.string() });

// Any table, named at run time: the typed DB is only a handle here.
type AnyDb = Kysely<DB> | Transaction<DB>;

const ident = (name: string) => sql.id(name);

/** The data tables in an order where every table comes after the ones it refers to. */
export async function dataTables(db: AnyDb): Promise<TableInfo[]> {
  const { rows: cols } = await sql<{
    table_name: string;
    column_name: string;
    is_generated: string;
    is_identity: string;
  }>`
    select c.table_name, c.column_name, c.is_generated, c.is_identity
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
     order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    if (MIGRATION_TABLES.has(c.table_name)) continue;
    const table = tables.get(c.table_name) ?? { name: c.table_name, columns: [], identity: [] };
    tables.set(c.table_name, table);
    if (c.is_generated === 'ALWAYS') continue;
    table.columns.push(c.column_name);
    if (c.is_identity === 'YES') table.identity.push(c.column_name);
  }
  const { rows: fks } = await sql<{ child: string; parent: string }>`
    select ch.relname as child, pa.relname as parent
      from pg_constraint k
      join pg_class ch on ch.oid = k.conrelid
      join pg_class pa on pa.oid = k.confrelid
      join pg_namespace n on n.oid = ch.relnamespace
     where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of fks) {
    if (child === parent) continue; // rows of one table: none refer to each other here
    const set = parents.get(child) ?? new Set<string>();
    set.add(parent);
    parents.set(child, set);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const names = [...tables.keys()].sort();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('foreign keys form a cycle; cannot order tables');
    for (const n of ready) {
      placed.add(n);
      ordered.push(tables.get(n)!);
    }
  }
  return ordered;
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`
    .execute(db)
    .catch((): { rows: { name: string }[] } => ({ rows: [] }));
  return rows.map((r) => r.name);
}

export interface BackupResult {
  file: string;
  tables: Record<string, number>;
  rows: number;
  /** Evidence files written, and their bytes. */
  files: number;
  fileBytes: number;
}

export interface BackupOptions {
  /** The evidence files' store: every file a row names is written into the backup. */
  files?: FileStore;
}

/**
 * Writes every data table of db to file (gzipped JSON lines) from one snapshot, then the
 * evidence files that snapshot's rows name (read from `options.files`).
 */
export async function backupTo(
  db: Kysely<DB>,
  kind: string,
  file: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const gzip = createGzip();
  const out = createWriteStream(file, { flags: 'wx' });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  let fileCount = 0;
  let fileBytes = 0;
  try {
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const header: Header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: kind,
          migrations: await appliedMigrations(tx),
        };
        await write(JSON.stringify(header));
        for (const table of await dataTables(tx)) {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from ${ident(table.name)}`.execute(tx);
          const n = Number(rows[0]?.n ?? 0);
          await write(JSON.stringify({ table: table.name, columns: table.columns, rows: n }));
          // A cursor, so a large table never sits in memory whole.
          await sql`declare siklus_backup no scroll cursor for
            select to_jsonb(t)::text as row from ${ident(table.name)} t`.execute(tx);
          let written = 0;
          for (;;) {
            const batch = await sql<{ row: string }>`fetch 2000 from siklus_backup`.execute(tx);
            for (const r of batch.rows) await write(r.row);
            written += batch.rows.length;
            if (batch.rows.length < 2000) break;
          }
          await sql`close siklus_backup`.execute(tx);
          if (written !== n) throw new Error(`${table.name}: counted ${n} rows, wrote ${written}`);
          counts[table.name] = n;
        }
        if (options.files) {
          // The keys the snapshot's rows name: a file is never swept while a row names it.
          const keys = [...(await referencedFileKeys(tx))].sort();
          await write(JSON.stringify({ files: keys.length }));
          for (const key of keys) {
            const bytes = await options.files.get(key);
            if (!bytes)
              throw new Error(`evidence file ${key} is missing from ${options.files.location}`);
            await write(
              JSON.stringify({ file: key, base64: Buffer.from(bytes).toString('base64') }),
            );
            fileCount++;
            fileBytes += bytes.byteLength;
          }
        }
        await write(
          JSON.stringify({
            end: true,
            tables: counts,
            ...(options.files ? { files: fileCount } : {}),
          }),
        );
      });
  } catch (err) {
    gzip.destroy();
    out.destroy();
    throw err;
  }
  gzip.end();
  await once(out, 'close');
  return {
    file,
    tables: counts,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    files: fileCount,
    fileBytes,
  };
}

/** True when any data table holds a row. */
export async function hasData(db: AnyDb): Promise<boolean> {
  for (const table of await dataTables(db)) {
    const { rows } = await sql`select 1 from ${ident(table.name)} limit 1`.execute(db);
    if (rows.length > 0) return true;
  }
  return false;
}

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export interface RestoreOptions {
  /** Empty a database that holds data first (every row in it is lost). */
  force?: boolean;
  /** Where the backup's evidence files go (required when it holds any). */
  files?: FileStore;
}

/** Lines of a gzipped backup, one at a time. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.length > 0) yield line;
}

const BATCH_ROWS = 2000;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Loads a backup into db: the schema is migrated to the backup's migration, the rows are
 * inserted table by table in one transaction, every count is checked against the file,
 * identity sequences are moved past the restored ids, and then the schema is migrated to
 * the latest. Refuses a database that holds data unless force (then it is emptied first).
 */
export async function restoreFrom(
  db: Kysely<DB>,
  file: string,
  options: RestoreOptions = {},
): Promise<{ tables: Record<string, number>; rows: number; files: number }> {
  const lines = linesOf(file);
  const first = await lines.next();
  const parsed = first.done ? null : ZHeaderLine.safeParse(JSON.parse(first.value));
  const header = parsed?.success ? parsed.data : null;
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) {
    throw new RestoreRefusedError(`${file} is not a Siklus backup`);
  }
  if (!READABLE_VERSIONS.includes(header.version ?? 0)) {
    throw new RestoreRefusedError(`backup format ${header.version} is not supported here`);
  }
  const known = Object.keys(migrations).sort();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `the backup comes from a newer Siklus (migrations ${unknown.join(', ')}); update first`,
    );
  }

  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const run = async (result: Awaited<ReturnType<Migrator['migrateToLatest']>>) => {
    if (result.error) throw result.error;
  };
  // The target's schema first (an empty database has none yet), so it can be inspected.
  await run(await migrator.migrateToLatest());
  if (await hasData(db)) {
    if (!options.force) {
      throw new RestoreRefusedError(
        'the target database is not empty; restoring would mix two databases. ' +
          'Run again with --force to replace everything in it.',
      );
    }
    const names = (await dataTables(db)).map((t) => t.name);
    await sql`truncate table ${sql.join(names.map(ident))} restart identity cascade`.execute(db);
  }
  // Load into the schema the rows were written under; newer migrations then run on them.
  const last = header.migrations.at(-1);
  if (last) await run(await migrator.migrateTo(last));

  const tables: Record<string, number> = {};
  let trailer: z.infer<typeof ZTrailerLine> | null = null;
  let inFiles = false;
  let restoredFiles = 0;
  await db.transaction().execute(async (tx) => {
    const schema = new Map((await dataTables(tx)).map((t) => [t.name, t]));
    // The rows go in exactly as they were: our triggers stay off while loading, or the
    // observations' trigger would add to per-cycle aggregates that are restored as rows
    // too. (Foreign keys are system triggers and stay on. Owner rights suffice, unlike
    // session_replication_role, which needs a superuser.) Back on before the commit.
    for (const name of schema.keys()) {
      await sql`alter table ${ident(name)} disable trigger user`.execute(tx);
    }
    let current: TableInfo | null = null;
    let batch: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const cols = sql.join(current.columns.map(ident));
      await sql`insert into ${ident(current.name)} (${cols})
        ${current.identity.length > 0 ? sql`overriding system value` : sql``}
        select ${cols} from jsonb_populate_recordset(null::${ident(current.name)},
          ${`[${batch.join(',')}]`}::text::jsonb)`.execute(tx);
      batch = [];
      bytes = 0;
    };
    for await (const line of lines) {
      if (line.startsWith('{"table":')) {
        await flush();
        const { table, columns } = ZTableLine.parse(JSON.parse(line));
        const info = schema.get(table);
        if (!info) throw new Error(`the backup has a table ${table} this schema does not`);
        const missing = info.columns.filter((c) => !columns.includes(c));
        if (missing.length > 0) {
          throw new Error(`${table}: the backup lacks the columns ${missing.join(', ')}`);
        }
        current = info;
        tables[table] = 0;
        continue;
      }
      if (line.startsWith('{"end":true')) {
        await flush();
        trailer = ZTrailerLine.parse(JSON.parse(line));
        break;
      }
      if (line.startsWith('{"files":')) {
        await flush();
        ZFilesLine.parse(JSON.parse(line));
        if (!options.files) throw new Error('the backup holds evidence files: name a file store');
        inFiles = true;
        continue;
      }
      if (inFiles) {
        const entry = ZFileLine.parse(JSON.parse(line));
        const bytes = Buffer.from(entry.base64, 'base64');
        if (keyOf(bytes) !== entry.file) {
          throw new Error(`evidence file ${entry.file.slice(0, 64)} is damaged in the backup`);
        }
        await options.files!.put(bytes);
        restoredFiles++;
        continue;
      }
      if (!current) throw new Error('a row before any table header');
      batch.push(line);
      bytes += line.length;
      tables[current.name]! += 1;
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
    }
    if (!trailer) throw new Error(`${file} ends early: the backup is incomplete`);
    if ((trailer.files ?? 0) !== restoredFiles) {
      throw new Error(
        `the backup lists ${trailer.files} evidence files, the file held ${restoredFiles}`,
      );
    }
    const expected = trailer.tables;
    for (const [table, n] of Object.entries(expected)) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${ident(table)}`.execute(tx);
      if (Number(rows[0]?.n) !== n || tables[table] !== n) {
        throw new Error(
          `${table}: the backup lists ${n} rows, the file held ${tables[table] ?? 0}, ` +
            `the database has ${rows[0]?.n}`,
        );
      }
    }
    for (const name of schema.keys()) {
      await sql`alter table ${ident(name)} enable trigger user`.execute(tx);
    }
    for (const info of schema.values()) {
      for (const column of info.identity) {
        await sql`select setval(pg_get_serial_sequence(${info.name}, ${column}),
          coalesce((select max(${ident(column)}) from ${ident(info.name)}), 0) + 1, false)`.execute(
          tx,
        );
      }
    }
  });
  await run(await migrator.migrateToLatest());
  return { tables, rows: Object.values(tables).reduce((a, b) => a + b, 0), files: restoredFiles };
}
