import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromZodError } from '../zod-error';
import { hasLoneSurrogate, zDate, zText } from './text';

const name = zText({ id: 'Nama guru', en: "The teacher's name" }, { max: 20, required: true });
const notes = zText({ id: 'Catatan', en: 'The notes' }, { max: 50, multiline: true });

function refusal(schema: typeof name | ReturnType<typeof zDate>, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return fromZodError(result.error, 'name').messages;
}

describe('zText', () => {
  test.each([
    ['a NUL', 'Ani\u0000', /NUL/, /NUL/],
    ['a lone high surrogate', 'Ani\uD83D', /surrogate/, /surrogate/],
    ['a lone low surrogate', '\uDE00Ani', /surrogate/, /surrogate/],
    ['only zero-width characters', '\u200B\u200C\u200D\uFEFF', /satu huruf/, /visible/],
    ['only spaces', '   ', /wajib diisi/, /required/],
    ['a right-to-left override', 'Guru\u202Eanil', /bidi/, /bidi/],
    ['an isolate', 'Guru\u2067x', /bidi/, /bidi/],
    ['a line break in a name', 'Ani\nBudi', /baris baru/, /line breaks/],
    ['a number', 42, /harus berupa teks/, /must be text/],
    ['missing', undefined, /wajib diisi/, /required/],
    ['too long', 'x'.repeat(21), /20 karakter/, /20 characters/],
  ])('refuses %s, naming the field in both languages', (_, value, id, en) => {
    const messages = refusal(name, value);
    expect(messages.id).toMatch(/^Nama guru /);
    expect(messages.en).toMatch(/^The teacher's name /);
    expect(messages.id).toMatch(id);
    expect(messages.en).toMatch(en);
  });

  test('trims and normalises to NFC before measuring', () => {
    expect(name.parse('  Ani  ')).toBe('Ani');
    // "e" + combining acute is one character once composed.
    expect(name.parse('Rene\u0301')).toBe('Ren\u00E9');
    expect(name.parse(`${'e\u0301'.repeat(20)}`)).toHaveLength(20);
    // A whole emoji (a valid surrogate pair) is text like any other.
    expect(name.parse('Ani \u{1F600}')).toBe('Ani \u{1F600}');
  });

  test('multi-line text keeps line breaks and tabs; bidi controls and invisible text are refused there too', () => {
    expect(notes.parse('baris 1\n\tbaris 2\r\n')).toBe('baris 1\n\tbaris 2');
    expect(notes.parse('')).toBe('');
    expect(refusal(notes, 'a\u0000b').en).toMatch(/^The notes .*NUL/);
    expect(refusal(notes, 'a\u0007b').en).toMatch(/control characters/);
    expect(refusal(notes, 'baris\n\u202Eterbalik').en).toMatch(/bidi/);
    expect(refusal(notes, '\u200B\n\u200B').en).toMatch(/visible/);
  });

  test('whatever it accepts is NUL-free, well-formed, trimmed NFC within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const result = notes.safeParse(raw);
        if (!result.success) return;
        const out = result.data;
        expect(out.includes('\u0000')).toBe(false);
        expect(hasLoneSurrogate(out)).toBe(false);
        expect(out).toBe(out.normalize('NFC').trim());
        expect(out.length).toBeLessThanOrEqual(50);
      }),
      { numRuns: 500 },
    );
  });

  test('any text with a NUL or a lone surrogate is refused', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10 }),
        fc.constantFrom('\u0000', '\uD800', '\uDFFF'),
        fc.string({ maxLength: 10 }),
        (a, bad, b) => {
          expect(notes.safeParse(`${a}${bad}${b}`).success).toBe(false);
        },
      ),
    );
  });
});

describe('zDate', () => {
  const date = zDate({ id: 'Tanggal observasi', en: 'The observation date' });
  test.each(['0000-01-01', '1999-12-31', '2101-01-01', '9999-12-31'])('refuses %s', (value) => {
    const messages = refusal(date, value);
    expect(messages.id).toBe('Tanggal observasi harus antara tahun 2000 dan 2100');
    expect(messages.en).toBe('The observation date must be between the years 2000 and 2100');
  });
  test('accepts the range and refuses what is no date', () => {
    expect(date.parse('2000-01-01')).toBe('2000-01-01');
    expect(date.parse('2100-12-31')).toBe('2100-12-31');
    expect(refusal(date, '2024-02-30').en).toMatch(/^The observation date must be a date/);
    expect(refusal(date, '2024-01-01\u0000').en).toMatch(/^The observation date/);
  });
});
