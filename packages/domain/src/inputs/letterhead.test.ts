import { describe, expect, it } from 'vitest';
import { ZNip } from './directory';
import { ZLetterheadInput } from './letterhead';

const valid = {
  office: 'PEMERINTAH KABUPATEN BADUNG\nDINAS PENDIDIKAN, KEPEMUDAAN DAN OLAHRAGA',
  address: 'Jl. Raya Sempidi, Mengwi, Badung, Bali 80351',
  phone: '(0361) 123456',
  email: 'Disdikpora@BadungKab.go.id',
  website: '',
  place: 'Mangupura',
};

describe('the letterhead and NIP inputs', () => {
  it('keeps the office lines, lowers the e-mail, turns an empty line into none', () => {
    const out = ZLetterheadInput.parse(valid);
    expect(out.office.split('\n')).toHaveLength(2);
    expect(out.email).toBe('disdikpora@badungkab.go.id');
    expect(out.website).toBeNull();
  });
  it('refuses a missing office, a fifth line and a missing place, in both languages', () => {
    const errors = (input: object) =>
      ZLetterheadInput.safeParse(input)
        .error?.issues.map((i) => i.message)
        .join(' | ');
    expect(errors({ ...valid, office: '  ' })).toMatch(/Nama instansi wajib diisi/);
    expect(errors({ ...valid, office: 'a\nb\nc\nd\ne' })).toMatch(
      /paling banyak 4 baris.*at most 4 lines/,
    );
    expect(errors({ ...valid, place: '' })).toMatch(/Tempat penandatanganan wajib diisi/);
  });
  it('reads a NIP of 18 digits, with or without the printed spaces', () => {
    expect(ZNip.parse('19780512 200501 2 003')).toBe('197805122005012003');
    expect(ZNip.parse('')).toBeNull();
    expect(ZNip.parse(null)).toBeNull();
    const bad = ZNip.safeParse('1978051220050120');
    expect(bad.error?.issues[0]?.message).toMatch(/NIP harus 18 angka.*NIP must be 18 digits/);
    expect(ZNip.safeParse('19780512200501200A').success).toBe(false);
  });
});
