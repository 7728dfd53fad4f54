import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, isAppError } from './errors';
import { bi, fromZodError, parseOrThrow, splitBilingual } from './zod-error';

describe('AppError', () => {
  it('carries a code, both messages, the English text as message, a field, details and a cause', () => {
    const cause = new Error('low level');
    const error = new AppError(
      'PAYLOAD_TOO_LARGE',
      { id: 'Berkas terlalu besar', en: 'File too large' },
      { field: 'file', details: { limit: 1024 }, cause },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('File too large');
    expect(error.messages).toEqual({ id: 'Berkas terlalu besar', en: 'File too large' });
    expect(error.field).toBe('file');
    expect(error.details).toEqual({ limit: 1024 });
    expect(error.cause).toBe(cause);
  });

  it('leaves field and details out when not given', () => {
    const error = new AppError('NOT_FOUND', { id: 'Tidak ditemukan', en: 'Not found' });
    expect('field' in error).toBe(false);
    expect(error.details).toBeUndefined();
  });

  it('isAppError tells AppErrors apart, also across module copies', () => {
    expect(isAppError(new AppError('CONFLICT', { id: 'a', en: 'b' }))).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError({ code: 'CONFLICT', messages: { id: 'a', en: 'b' } })).toBe(false);
    const lookalike = Object.assign(new Error('b'), {
      name: 'AppError',
      code: 'CONFLICT',
      messages: { id: 'a', en: 'b' },
    });
    expect(isAppError(lookalike)).toBe(true);
    expect(isAppError(Object.assign(lookalike, { code: 'TEAPOT' }))).toBe(false);
  });
});

describe('fromZodError', () => {
  const schema = z.object({
    school: z.object({
      npsn: z.string().length(8, bi('NPSN harus 8 angka', 'An NPSN has 8 digits')),
      name: z.string(),
    }),
  });

  it('splits bilingual messages and keeps the path and every issue', () => {
    const result = schema.safeParse({ school: { npsn: '123', name: 5 } });
    if (result.success) throw new Error('expected a failure');
    const error = fromZodError(result.error);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.field).toBe('school.npsn');
    expect(error.messages).toEqual({ id: 'NPSN harus 8 angka', en: 'An NPSN has 8 digits' });
    expect(error.message).toBe('An NPSN has 8 digits');
    expect(error.cause).toBe(result.error);
    expect(error.details).toEqual({
      issues: [
        {
          field: 'school.npsn',
          messages: { id: 'NPSN harus 8 angka', en: 'An NPSN has 8 digits' },
        },
        {
          field: 'school.name',
          // zod's own check, in the words of the field error map: the field is named.
          messages: { id: 'Nama harus berupa teks', en: 'Name must be text' },
        },
      ],
    });
  });

  it('prefixes the path and names a missing value', () => {
    let caught: unknown;
    try {
      parseOrThrow(schema, { school: {} }, 'input');
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught) && [caught.field, caught.messages]).toEqual([
      'input.school.npsn',
      { id: 'NPSN wajib diisi', en: 'NPSN is required' },
    ]);
  });

  it('returns the parsed value', () => {
    expect(parseOrThrow(schema, { school: { npsn: '20231234', name: 'SDN Lulut 2' } })).toEqual({
      school: { npsn: '20231234', name: 'SDN Lulut 2' },
    });
  });

  it.each([
    ['Wajib diisi || Required', { id: 'Wajib diisi', en: 'Required' }],
    ["Expected 'a' | 'b'", null],
  ])('splitBilingual(%j)', (message, expected) => {
    expect(splitBilingual(message)).toEqual(expected);
  });
});
