import type { Database } from '@siklus/db';
import { sql } from 'kysely';

async function withDeadline(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([work.then(() => true), deadline]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `SELECT 1` with a deadline, for /health: true when the database answers in time.
 * When the pooled query fails, it is asked once more on a new connection outside the pool,
 * within the same deadline: right after Postgres drops the pool's connections (a restart,
 * a failover, pg_terminate_backend) the pool can still hand out dead ones, and /health
 * speaks for the database, not for one connection.
 */
export async function pingDatabase(
  database: Pick<Database, 'db' | 'pingFresh'>,
  timeoutMs = 2000,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  if (await withDeadline(sql`select 1`.execute(database.db), timeoutMs)) return true;
  const left = end - Date.now();
  if (!database.pingFresh || left <= 0) return false;
  return withDeadline(database.pingFresh(left), left);
}
