import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELD_LABELS, fieldLabelOf, installFieldErrorMap } from './field-messages';
import * as domain from './index';
import { splitBilingual, zodIssues } from './zod-error';

/**
 * Walks every schema the domain exports with values a person could send by mistake
 * (missing fields, wrong kinds of value, empty, too long, too large, NaN) and checks that
 * each message reaching a user names its field, in both languages, in words a principal
 * can act on: never zod's programmer text, never a generic "too small", never "NaN".
 */

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => schema._zod.def as Def;

type Mode = 'wrongType' | 'empty' | 'huge' | 'fraction' | 'nan' | 'wrongLiteral';
const MODES: Mode[] = ['wrongType', 'empty', 'huge', 'fraction', 'nan', 'wrongLiteral'];

/** Bad values for a schema in one mode; unions give one value per option. */
function bad(schema: z.ZodType, mode: Mode, depth = 0): unknown[] {
  const def = defOf(schema);
  if (depth > 8) return [undefined];
  const inner = (s: unknown) => bad(s as z.ZodType, mode, depth + 1);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'union':
      return (def.options as unknown[]).flatMap(inner);
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const variants = Object.entries(shape).map(([k, s]) => [k, bad(s, mode, depth + 1)] as const);
      const count = Math.max(1, ...variants.map(([, vs]) => vs.length));
      return Array.from({ length: count }, (_, i) =>
        Object.fromEntries(variants.map(([k, vs]) => [k, vs[i % vs.length]])),
      );
    }
    case 'array':
      if (mode === 'wrongType') return ['x'];
      if (mode === 'empty') return [[]];
      // Past any list's maximum, with items that are cheap to check.
      if (mode === 'huge') return [Array.from({ length: 1001 }, () => 0)];
      return inner(def.element).map((v) => [v]);
    case 'record':
      return mode === 'wrongType' ? ['x'] : inner(def.valueType).map((v) => ({ K1: v }));
    case 'tuple':
      return [(def.items as unknown[]).map((s) => inner(s)[0])];
    case 'literal':
      return mode === 'wrongLiteral' ? ['zzz-not-this'] : [(def.values as unknown[])[0]];
    case 'enum':
      return [mode === 'empty' ? '' : 'zzz-not-an-option'];
    case 'string':
      if (mode === 'wrongType') return [12345];
      if (mode === 'empty') return [''];
      if (mode === 'huge') return ['x'.repeat(20000)];
      return ['x'];
    case 'number':
      if (mode === 'wrongType') return ['abc'];
      if (mode === 'empty') return [-1e12];
      if (mode === 'huge') return [1e12];
      if (mode === 'nan') return [Number.NaN];
      return [1.5];
    case 'boolean':
      return [mode === 'wrongType' ? 'ya' : undefined];
    default:
      return [mode === 'empty' ? undefined : 'x'];
  }
}

const schemas: [string, z.ZodType][] = Object.entries(domain).flatMap(([name, value]) =>
  name.startsWith('Z') && value instanceof z.ZodType ? [[name, value] as [string, z.ZodType]] : [],
);

/** Zod's and the old fallback's generic texts, in either language. */
const RAW =
  /Invalid input|expected|received|Too small|Too big|Jenis isian salah|Terlalu kecil|Terlalu besar|Isian tidak valid|Pilihan tidak valid|Kunci tidak dikenal|NaN|Infinity|undefined|\bnull\b/;

/** Every label of the dictionary, in lower case: the words a message can name a field with. */
const LABEL_WORDS = {
  id: Object.values(FIELD_LABELS).map((l) => l.id.toLowerCase()),
  // "Aspects" is named in "at least one aspect" too.
  en: Object.values(FIELD_LABELS).map((l) => l.en.toLowerCase().replace(/s$/, '')),
};

/** What the map says of a key the dictionary has no label for: a key to add there. */
const UNLABELLED = /Isian "|Field "/;

installFieldErrorMap();

describe('every message of every domain schema', () => {
  it('finds the schemas', () => {
    expect(schemas.length).toBeGreaterThan(80);
  });

  it.each(schemas)('%s: names the field, in both languages, in plain words', (_name, schema) => {
    const problems: string[] = [];
    const values = [undefined, {}, ...MODES.flatMap((mode) => bad(schema, mode))];
    for (const value of values) {
      const result = schema.safeParse(value);
      if (result.success) continue;
      for (const [i, issue] of zodIssues(result.error).entries()) {
        const raw = result.error.issues[i];
        const message = raw?.message ?? '';
        const split = splitBilingual(message);
        const label = fieldLabelOf(
          raw?.code === 'unrecognized_keys' ? [...raw.path, raw.keys[0] ?? ''] : (raw?.path ?? []),
        );
        // The field's own label, or (a message the schema words itself) a label it gives
        // the field in its own words ("Nama sekolah" for `name`, "Ambang" for `percent`).
        const names = (text: string, lang: 'id' | 'en') =>
          text.toLowerCase().includes(label[lang].toLowerCase().replace(/s$/, '')) ||
          LABEL_WORDS[lang].some((word) => text.toLowerCase().includes(word));
        const named = names(issue.messages.id, 'id') && names(issue.messages.en, 'en');
        if (!split || RAW.test(message) || !named || UNLABELLED.test(message))
          problems.push(
            `${issue.field.replace(/\.\d+/g, '.#') || '(root)'}: ${message}  [label ${label.id}/${label.en}]`,
          );
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
