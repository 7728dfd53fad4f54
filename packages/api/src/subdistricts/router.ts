import {
  findSubdistrictByName,
  getSubdistrict,
  insertSubdistrict,
  isPgError,
  listSubdistrictItems,
  updateSubdistrict,
} from '@siklus/db';
import {
  AppError,
  ZSubdistrictCreateInput,
  ZSubdistrictListInput,
  ZSubdistrictUpdateInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { adminProcedure, authedProcedure, router, subdistrictScoped } from '../trpc';

/**
 * The district's kecamatan list (issue 15): admins add, rename and deactivate; a new or
 * edited school picks from it; the supervisor's filter lists it. One name per district once
 * case is folded ("cibinong" is "Cibinong"): a clash is CONFLICT naming the one there.
 */

const nameTaken = (existing: string) =>
  new AppError(
    'CONFLICT',
    {
      id: `Kecamatan "${existing}" sudah ada dalam daftar (huruf besar/kecil tidak membedakan).`,
      en: `The kecamatan "${existing}" is already on the list (case does not tell names apart).`,
    },
    { field: 'name' },
  );

const isNameClash = (error: unknown) => isPgError(error) && error.code === '23505';

/** Runs a write of a name; a clash with another kecamatan (a race past the check) is CONFLICT. */
async function guardName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isNameClash(error)) throw nameTaken(name.trim());
    throw error;
  }
}

export const subdistrictsRouter = router({
  /**
   * `{ includeInactive? }` (anyone signed in): the district's kecamatan by name, with how
   * many schools name each. Without `includeInactive`, only those offered for schools.
   */
  list: authedProcedure.input(ZSubdistrictListInput).query(({ ctx, input }) =>
    listSubdistrictItems(ctx.db, ctx.user.districtId, {
      includeInactive: input?.includeInactive ?? false,
    }),
  ),

  /** `{ name }` (admin): adds a kecamatan to the district's list. */
  create: adminProcedure.input(ZSubdistrictCreateInput).mutation(async ({ ctx, input }) => {
    const districtId = ctx.user.districtId;
    const existing = await findSubdistrictByName(ctx.db, districtId, input.name);
    if (existing) throw nameTaken(existing.name);
    return guardName(input.name, () =>
      ctx.db.transaction().execute(async (tx) => {
        const created = await insertSubdistrict(tx, { districtId, name: input.name });
        await audit(
          ctx,
          {
            action: 'subdistrict.create',
            entity: 'subdistrict',
            entityId: created.id,
            after: { name: created.name },
          },
          tx,
        );
        return created;
      }),
    );
  }),

  /**
   * `{ subdistrictId, name?, active? }` (admin of its district): a rename reaches every
   * school with it; a deactivated kecamatan is no longer offered for new or edited schools,
   * and the schools that have it keep it.
   */
  update: subdistrictScoped.admin
    .input(ZSubdistrictUpdateInput)
    .mutation(async ({ ctx, input }) => {
      const { subdistrictId, ...patch } = input;
      const before = (await getSubdistrict(ctx.db, subdistrictId))!;
      if (patch.name !== undefined) {
        const clash = await findSubdistrictByName(ctx.db, before.districtId, patch.name);
        if (clash && clash.id !== subdistrictId) throw nameTaken(clash.name);
      }
      return guardName(patch.name ?? before.name, () =>
        ctx.db.transaction().execute(async (tx) => {
          const after = (await updateSubdistrict(tx, subdistrictId, patch))!;
          await audit(
            ctx,
            {
              action:
                patch.active === false
                  ? 'subdistrict.deactivate'
                  : patch.active === true && !before.active
                    ? 'subdistrict.reactivate'
                    : 'subdistrict.update',
              entity: 'subdistrict',
              entityId: subdistrictId,
              before: { name: before.name, active: before.active },
              after: { name: after.name, active: after.active, schools: after.schoolCount },
            },
            tx,
          );
          return after;
        }),
      );
    }),
});
