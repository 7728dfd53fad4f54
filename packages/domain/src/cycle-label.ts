import { badRequest } from './errors';

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** 0 -> "Kondisi Awal" / "Baseline"; 1 -> "Siklus I" / "Cycle I"; 4 -> "Siklus IV". */
export function cycleLabel(ordinal: number, lang: 'id' | 'en'): string {
  if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal > 3999) {
    throw badRequest(
      `Nomor siklus ${ordinal} harus bilangan bulat 0 sampai 3999`,
      `Cycle number ${ordinal} must be an integer from 0 to 3999`,
      'ordinal',
    );
  }
  if (ordinal === 0) return lang === 'id' ? 'Kondisi Awal' : 'Baseline';
  return `${lang === 'id' ? 'Siklus' : 'Cycle'} ${toRoman(ordinal)}`;
}
