import type { DB } from '@siklus/db';
import { selectOne } from '@siklus/db';
import type { Kysely } from 'kysely';

/** `SELECT 1` with a deadline, for /health: true when the database answers in time. */
export async function pingDatabase(db: Kysely<DB>, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([selectOne(db).then(() => true), deadline]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
