import { type RawBuilder, sql } from 'kysely';

/**
 * A jsonb parameter. Always go through this for jsonb writes: `pg` sends a JS array as a
 * Postgres array literal, not JSON, and the two drivers infer parameter types differently.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`;
}
