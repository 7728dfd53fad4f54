import { appRouter } from '@siklus/api';
import { makeWorld, TEST_PASSWORD, type World } from '@siklus/api/testing';
import { type DB, insertSubdistrict } from '@siklus/db';
import {
  createTestDb,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeRubricVersion,
  makeStudy,
  type TestDb,
} from '@siklus/db/testing';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { buildServer } from './app';
import { parseEnv } from './env';

/*
 * Outside in, over HTTP: every mutation of the API gets generated bad input (wrong types,
 * huge strings, NUL, lone surrogates, bidi overrides, invisible text, NaN, 1e309, -0, bad
 * dates, prototype keys), one field at a time, with every id of the input valid and in the
 * actor's scope so the call reaches its validation. Each answer must be a 4xx carrying the
 * JSON error envelope in both languages, a 400 must name a field, nothing may be written,
 * and the server must keep serving.
 */

const HOST = 'siklus.test';
let testDb: TestDb;
let w: World;
let app: FastifyInstance;
const cookies: Record<'principalOwn' | 'supervisor' | 'admin', string> = {
  principalOwn: '',
  supervisor: '',
  admin: '',
};
type Actor = keyof typeof cookies;
let ids: Record<string, string>;

interface ProcedureDef {
  _def: { type: string; inputs: z.ZodType[] };
}
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
// A mutation without an input schema (auth.logout) ignores its input: nothing to refuse.
const mutations = Object.keys(procedures)
  .filter((path) => procedures[path]!._def.type === 'mutation')
  .filter((path) => procedures[path]!._def.inputs.length > 0)
  .sort();

/** The top-level keys an input schema knows (objects, unions of objects, wrappers). */
function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as Record<string, unknown>);
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap(keysOf))];
    case 'pipe':
      return keysOf(def.in as z.ZodType);
    case 'optional':
    case 'nullable':
    case 'default':
      return keysOf(def.innerType as z.ZodType);
    default:
      return [];
  }
}

function keysOfProcedure(path: string): string[] {
  return [...new Set(procedures[path]!._def.inputs.flatMap(keysOf))];
}

/** A valid, in-scope id for an id key of this procedure. */
function idFor(path: string, key: string): string | undefined {
  if (key === 'versionId') {
    if (path.startsWith('config.rubrics.')) return ids.rubricDraft;
    if (path.startsWith('config.bandSets.')) return ids.bandSetDraft;
    if (path.startsWith('config.criteriaSets.')) return ids.criteriaDraft;
  }
  return ids[key];
}

/** Which actor may call it, so the call gets past the role check to the input. */
function actorFor(path: string): Actor {
  if (
    /^(schools|subdistricts|users|config)\./.test(path) ||
    // The district's settings (time zone, waiting days, letterhead and logo) are the admin's.
    /^district\.(set|remove)/.test(path) ||
    ['review.reopen', 'studies.reopen', 'integrity.updateSettings'].includes(path)
  )
    return 'admin';
  if (path.startsWith('review.') || path === 'integrity.dismiss') return 'supervisor';
  return 'principalOwn';
}

/**
 * A bad value, as the raw JSON text of the body (so NaN and 1e309 can be sent at all).
 * `dateOnly`: bad only as a date ("0000-01-01" is a fine description).
 */
type BadValue = { label: string; json: string; validJson: boolean; dateOnly?: boolean };
const raw = (label: string, json: string, validJson = true): BadValue => ({
  label,
  json,
  validJson,
});
const value = (label: string, v: unknown): BadValue => raw(label, JSON.stringify(v));
const badDate = (label: string, v: string): BadValue => ({ ...value(label, v), dateOnly: true });
const isDateKey = (key: string) => /(Date|On)$|^(from|to)$/.test(key);

const badValue: fc.Arbitrary<BadValue> = fc.oneof(
  fc.constantFrom(
    value('a number', 12345),
    value('a boolean', true),
    value('an array', [1, 'a', null]),
    value('an object', { a: 1 }),
    value('null', null),
    value('a huge string', 'x'.repeat(300_000)),
    value('a lone surrogate', 'Guru \uD800'),
    value('a lone low surrogate', '\uDC00 Guru'),
    value('a bidi override', 'Guru\u202Eanil'),
    value('only zero-width characters', '\u200B\u200D\uFEFF'),
    badDate('a date before 2000', '0000-01-01'),
    badDate('a date after 2100', '9999-12-31'),
    raw('1e309', '1e309'),
    raw('-0', '-0'),
    raw('NaN', 'NaN', false),
    raw('Infinity', 'Infinity', false),
    raw('prototype keys', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}'),
  ),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([a, b]) => value('text with a NUL', `${a}\u0000${b}`)),
  fc.double({ noDefaultInfinity: true }).map((d) => raw(`the number ${d}`, JSON.stringify(d))),
);

/**
 * Valid values for the common fields, so that the one bad field is the only fault: with
 * the rest missing, a NUL in the login would hide behind "password is required".
 */
const FILLER: Record<string, unknown> = {
  version: 1,
  login: 'pengguna.uji',
  password: 'kata-sandi-salah-uji',
  currentPassword: 'kata-sandi-salah-uji',
  newPassword: 'kata-sandi-baru-uji-1',
  username: 'pengguna.baru',
  name: 'Nama Uji',
  fullName: 'Nama Lengkap Uji',
  title: 'Judul Uji',
  focus: 'Fokus uji',
  schoolYear: '2024/2025',
  npsn: '87654321',
  subdistrict: 'Cibinong',
  comment: 'Komentar uji',
  reason: 'Alasan uji',
};

/** The input's body: every id valid, one key (or a prototype key) set to the bad value. */
function bodyOf(path: string, target: string, bad: BadValue): string {
  const parts: string[] = [];
  for (const key of keysOfProcedure(path)) {
    if (key === target) continue;
    const id = idFor(path, key);
    const filler = id ?? FILLER[key];
    if (filler !== undefined) parts.push(`${JSON.stringify(key)}:${JSON.stringify(filler)}`);
  }
  parts.push(`${JSON.stringify(target)}:${bad.json}`);
  return `{${parts.join(',')}}`;
}

/** Everything the business tables hold, as one digest (sessions and the audit log aside). */
async function digest(): Promise<Record<string, string>> {
  const tables: (keyof DB)[] = [
    'districts',
    'schools',
    'users',
    'login_throttle',
    'teachers',
    'rubrics',
    'rubric_versions',
    'band_sets',
    'band_set_versions',
    'criteria_sets',
    'criteria_set_versions',
    'studies',
    'cycles',
    'observations',
    'indicator_scores',
    'cycle_aggregates',
    'cycle_band_counts',
  ];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const row = await sql<{ d: string | null; n: number }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d, count(*)::int as n
      from ${sql.table(table)} t`.execute(testDb.db);
    out[table] = `${row.rows[0]!.n}:${row.rows[0]!.d}`;
  }
  return out;
}

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
  const districtA = { district_id: w.districtA.id };
  const rubric = await makeRubricVersion(testDb.db, districtA);
  const bandSet = await makeBandSetVersion(testDb.db, districtA);
  const criteria = await makeCriteriaVersion(testDb.db, districtA);
  const study = await makeStudy(testDb.db, {
    school_id: w.schoolA1.id,
    rubric_version_id: rubric.id,
    band_set_version_id: bandSet.id,
    criteria_set_version_id: criteria.id,
  });
  const cycle = await makeCycle(testDb.db, { study_id: study.id });
  ids = {
    schoolId: w.schoolA1.id,
    teacherId: w.teacherA1.id,
    userId: w.users.principalOther.id,
    studyId: study.id,
    cycleId: cycle.id,
    rubricVersionId: rubric.id,
    bandSetVersionId: bandSet.id,
    criteriaSetVersionId: criteria.id,
    rubricDraft: (await makeRubricVersion(testDb.db, { ...districtA, status: 'draft' })).id,
    bandSetDraft: (await makeBandSetVersion(testDb.db, { ...districtA, status: 'draft' })).id,
    criteriaDraft: (await makeCriteriaVersion(testDb.db, { ...districtA, status: 'draft' })).id,
    subdistrictId: (
      await insertSubdistrict(testDb.db, { districtId: w.districtA.id, name: 'Kecamatan Uji' })
    ).id,
  };
  app = await buildServer({
    env: parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', COOKIE_SECURE: 'false' }),
    database: { db: testDb.db, kind: testDb.kind, close: async () => {} },
    logger: false,
    apps: false,
  });
  for (const actor of Object.keys(cookies) as Actor[]) {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { host: HOST, 'content-type': 'application/json' },
      payload: JSON.stringify({ login: w.users[actor].username, password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
    cookies[actor] = String(res.headers['set-cookie']).split(';')[0]!;
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
  await testDb?.destroy();
});

describe('every mutation refuses generated bad input', () => {
  test('the API has mutations to fuzz', () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  const reachedValidation = new Set<string>();

  test.each(mutations)('%s', async (path) => {
    const actor = actorFor(path);
    const keys = keysOfProcedure(path);
    // A password may be any text (it is only hashed), so a "bad" one is just a wrong one:
    // answered 401 and recorded by the sign-in throttle by design. Every other field counts.
    const targets = [
      ...keys.filter((k) => !(path === 'auth.login' && k === 'password')),
      '__proto__',
      'constructor',
      'unknownField',
    ];
    const before = await digest();

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), badValue, async (target, bad) => {
        fc.pre(!bad.dateOnly || isDateKey(target));
        const payload = bodyOf(path, target, bad);
        const res = await app.inject({
          method: 'POST',
          url: `/trpc/${path}`,
          headers: { host: HOST, 'content-type': 'application/json', cookie: cookies[actor] },
          payload,
        });
        const what = `${path} ${target} = ${bad.label} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, what).toBeLessThan(500);
        // The actor's session holds throughout: every answer is about the input.
        expect(res.statusCode, what).not.toBe(401);
        const data = res.json().error.data;
        expect(data.appError.messages.id, what).toBeTruthy();
        expect(data.appError.messages.en, what).toBeTruthy();
        expect(data.appError.messages.id, what).not.toBe(data.appError.messages.en);
        expect(res.body, what).not.toMatch(/call stack|SQLSTATE|stack|\.ts:/i);
        if (res.statusCode === 400 && bad.validJson) {
          expect(data.appError.field, what).toEqual(expect.any(String));
          expect(data.appError.field.length, what).toBeGreaterThan(0);
          reachedValidation.add(path);
        }
      }),
      { numRuns: 25, seed: 13 },
    );

    // Nothing written, nothing polluted, and the server still serves.
    expect(await digest()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  });

  test('the bad input reached the validation of every mutation', () => {
    expect(mutations.filter((p) => !reachedValidation.has(p))).toEqual([]);
  });
});
