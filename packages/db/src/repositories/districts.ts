import type { TTimeZone } from '@siklus/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

export interface DistrictSettings {
  id: string;
  name: string;
  province: string;
  timeZone: TTimeZone;
  /** Days a submitted cycle may wait before the supervisors are told (decision 019). */
  reviewWaitDays: number;
}

export async function getDistrict(db: Db, districtId: string): Promise<DistrictSettings> {
  return db
    .selectFrom('districts')
    .select([
      'id',
      'name',
      'province',
      'time_zone as timeZone',
      'review_wait_days as reviewWaitDays',
    ])
    .where('id', '=', districtId)
    .executeTakeFirstOrThrow();
}

/** The district's clock; returns the previous zone (for the audit's before/after). */
export async function setDistrictTimeZone(
  db: Db,
  districtId: string,
  timeZone: TTimeZone,
): Promise<{ before: TTimeZone }> {
  const before = await db
    .selectFrom('districts')
    .select('time_zone')
    .where('id', '=', districtId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('districts')
    .set({ time_zone: timeZone })
    .where('id', '=', districtId)
    .execute();
  return { before: before.time_zone };
}

/** How long a submission may wait; returns the previous value (for the audit). */
export async function setDistrictReviewWaitDays(
  db: Db,
  districtId: string,
  days: number,
): Promise<{ before: number }> {
  const before = await db
    .selectFrom('districts')
    .select('review_wait_days')
    .where('id', '=', districtId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('districts')
    .set({ review_wait_days: days })
    .where('id', '=', districtId)
    .execute();
  return { before: before.review_wait_days };
}
