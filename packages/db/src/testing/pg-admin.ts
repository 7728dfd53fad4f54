import pg from 'pg';

/*
 * Plain SQL on a real Postgres for fault tests in other packages (which do not depend on
 * pg): statements as the server's superuser (pg_terminate_backend, create database), and
 * a session of their own that can hold a lock.
 */

/** Runs one statement on its own connection and returns the rows. */
export async function pgQuery<R extends Record<string, unknown> = Record<string, unknown>>(
  url: string | URL,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export interface PgSession {
  pid: number;
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<R[]>;
  end(): Promise<void>;
}

/** One connection kept open (e.g. to hold a lock in a transaction). */
export async function pgSession(url: string | URL): Promise<PgSession> {
  const client = new pg.Client({ connectionString: url.toString() });
  client.on('error', () => {});
  await client.connect();
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  return {
    pid,
    query: async <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
      (await client.query<R>(text, values)).rows,
    end: () => client.end(),
  };
}
