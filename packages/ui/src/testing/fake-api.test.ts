import { describe, expect, it } from 'vitest';
import { fakeApi, type Handlers } from './fake-api';
import { ME } from './users';

/**
 * The fake is typed from AppRouter: these handlers must not compile. `tsc` (the package's
 * typecheck) fails on an unused @ts-expect-error, so if the typing ever stops biting, this
 * file says so.
 */
export const unknownPath: Handlers = {
  // @ts-expect-error: a procedure the API does not have
  'auth.whoAmI': () => ME.admin,
};

export const drifted: Handlers = {
  // @ts-expect-error: the API answers one of its cycle statuses, not any string
  'review.approve': () => ({ version: 2, status: 'done' }),
  // @ts-expect-error: a list answers a page object, not an array
  'schools.list': () => [],
  // @ts-expect-error: `version` is a number in the API
  'cycles.submit': () => ({ version: '8' }),
  // @ts-expect-error: the input is the procedure's own, so a field it lacks is an error
  'users.create': (input) => ({ ...ME.admin, fullName: input.displayName }),
};

/** Exact answers: a field the real output lacks fails, at any depth, also from a fixture. */
const approved = { version: 2, status: 'approved' as const, reviewer: 'Pak Dadang' };
export const exact = [
  // Literal answers keep their literal types (the API's statuses) and may leave fields out.
  fakeApi({ 'review.approve': () => ({ version: 2, status: 'approved' }) }),
  fakeApi({ 'schools.get': async ({ schoolId }) => ({ id: schoolId }) }),
  // @ts-expect-error: `reviewer` is not a field of review.approve's answer
  fakeApi({ 'review.approve': () => approved }),
  // @ts-expect-error: an extra field in an object literal answer
  fakeApi({ 'cycles.submit': () => ({ version: 3, submittedBy: 'x' }) }),
  // @ts-expect-error: an extra field deep inside a list's page
  fakeApi({ 'schools.list': () => ({ items: [{ id: 's1', principal: 'x' }] }) }),
];

describe('fakeApi', () => {
  it('answers from handlers typed by the real router, and NOT_FOUND for a missing one', async () => {
    const api = fakeApi({
      'auth.me': () => ME.admin,
      'schools.get': ({ schoolId }) => ({ id: schoolId, name: 'SD Negeri Lulut 2' }),
    });
    const response = await api.fetch(
      `/trpc/auth.me,schools.get,studies.list?batch=1&input=${encodeURIComponent(
        JSON.stringify({ 1: { schoolId: 's1' }, 2: { schoolId: 's1' } }),
      )}`,
    );
    const body = (await response.json()) as Array<Record<string, { data?: unknown }>>;
    expect(response.status).toBe(207);
    expect(body[0]?.result?.data).toEqual(ME.admin);
    expect(body[1]?.result?.data).toEqual({ id: 's1', name: 'SD Negeri Lulut 2' });
    expect(body[2]).toHaveProperty('error.data.appError.code', 'NOT_FOUND');
    expect(api.calls.map((c) => c.path)).toEqual(['auth.me', 'schools.get', 'studies.list']);
  });
});
