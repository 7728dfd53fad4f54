import type { TIndicatorsRubric, TScale } from '@siklus/domain';

/**
 * Pure edits of a rubric definition being drafted. Every edit returns a new definition; the
 * domain's schema decides whether it is valid (the editor shows its messages per field).
 */
export type Draft = TIndicatorsRubric;
export type DraftAspect = Draft['aspects'][number];
export type DraftIndicator = DraftAspect['indicators'][number];

/** The usual PTS scale: 1-4, Kurang to Sangat Baik. */
export const DEFAULT_SCALE: TScale = {
  min: 1,
  max: 4,
  levels: [
    { value: 1, label: 'Kurang' },
    { value: 2, label: 'Cukup' },
    { value: 3, label: 'Baik' },
    { value: 4, label: 'Sangat Baik' },
  ],
};

export const MAX_SPAN = 20;

function usedKeys(draft: Draft): Set<string> {
  const keys = new Set<string>();
  for (const a of draft.aspects) {
    keys.add(a.key);
    for (const i of a.indicators) keys.add(i.key);
  }
  return keys;
}

/** A, B, ..., Z, then A2, B2, ...: the next aspect key not used anywhere in the rubric. */
export function nextAspectKey(draft: Draft): string {
  const used = usedKeys(draft);
  for (let round = 1; ; round++) {
    for (let c = 0; c < 26; c++) {
      const key = String.fromCharCode(65 + c) + (round === 1 ? '' : String(round));
      if (!used.has(key)) return key;
    }
  }
}

/** A1, A2, ... within the aspect: the next key not used anywhere in the rubric. */
export function nextIndicatorKey(draft: Draft, aspectKey: string): string {
  const used = usedKeys(draft);
  for (let n = 1; ; n++) {
    const key = `${aspectKey}${n}`;
    if (!used.has(key)) return key;
  }
}

export function emptyDraft(): Draft {
  return {
    mode: 'indicators',
    aspects: [
      {
        key: 'A',
        title: '',
        indicators: [{ key: 'A1', text: '', scale: structuredClone(DEFAULT_SCALE) }],
      },
    ],
  };
}

export function addAspect(draft: Draft): Draft {
  const key = nextAspectKey(draft);
  const last = draft.aspects.at(-1)?.indicators.at(-1);
  const withAspect: Draft = {
    ...draft,
    aspects: [...draft.aspects, { key, title: '', indicators: [] }],
  };
  return addIndicator(withAspect, draft.aspects.length, last?.scale);
}

export function addIndicator(draft: Draft, aspectIndex: number, scale?: TScale): Draft {
  const aspect = draft.aspects[aspectIndex];
  if (!aspect) return draft;
  const previous = scale ?? aspect.indicators.at(-1)?.scale ?? lastScale(draft) ?? DEFAULT_SCALE;
  const indicator: DraftIndicator = {
    key: nextIndicatorKey(draft, aspect.key),
    text: '',
    scale: structuredClone(previous),
  };
  return updateAspect(draft, aspectIndex, { indicators: [...aspect.indicators, indicator] });
}

function lastScale(draft: Draft): TScale | undefined {
  for (let a = draft.aspects.length - 1; a >= 0; a--) {
    const s = draft.aspects[a]?.indicators.at(-1)?.scale;
    if (s) return s;
  }
  return undefined;
}

export function updateAspect(draft: Draft, index: number, patch: Partial<DraftAspect>): Draft {
  return {
    ...draft,
    aspects: draft.aspects.map((a, i) => (i === index ? { ...a, ...patch } : a)),
  };
}

export function updateIndicator(
  draft: Draft,
  aspectIndex: number,
  index: number,
  patch: Partial<DraftIndicator>,
): Draft {
  const aspect = draft.aspects[aspectIndex];
  if (!aspect) return draft;
  const indicators = aspect.indicators.map((ind, i) => {
    if (i !== index) return ind;
    const next = { ...ind, ...patch };
    if ('weight' in patch && patch.weight === undefined) delete next.weight;
    return next;
  });
  return updateAspect(draft, aspectIndex, { indicators });
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

export function moveAspect(draft: Draft, from: number, to: number): Draft {
  return { ...draft, aspects: move(draft.aspects, from, to) };
}

export function removeAspect(draft: Draft, index: number): Draft {
  return { ...draft, aspects: draft.aspects.filter((_, i) => i !== index) };
}

export function moveIndicator(draft: Draft, aspectIndex: number, from: number, to: number): Draft {
  const aspect = draft.aspects[aspectIndex];
  if (!aspect) return draft;
  return updateAspect(draft, aspectIndex, { indicators: move(aspect.indicators, from, to) });
}

export function removeIndicator(draft: Draft, aspectIndex: number, index: number): Draft {
  const aspect = draft.aspects[aspectIndex];
  if (!aspect) return draft;
  return updateAspect(draft, aspectIndex, {
    indicators: aspect.indicators.filter((_, i) => i !== index),
  });
}

/**
 * A new min or max: one level per integer in between, keeping the labels and descriptors
 * already written for values that stay. An impossible range keeps the levels as they are
 * (the schema then says what is wrong with min or max).
 */
export function rescale(scale: TScale, min: number, max: number): TScale {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || min >= max) {
    return { ...scale, min, max };
  }
  if (max - min > MAX_SPAN) return { ...scale, min, max };
  const byValue = new Map(scale.levels.map((l) => [l.value, l]));
  const levels = [];
  for (let v = min; v <= max; v++) levels.push(byValue.get(v) ?? { value: v, label: '' });
  return { min, max, levels };
}

/** Every indicator gets a copy of this scale (labels and descriptors included). */
export function applyScaleToAll(draft: Draft, scale: TScale): Draft {
  return {
    ...draft,
    aspects: draft.aspects.map((a) => ({
      ...a,
      indicators: a.indicators.map((i) => ({ ...i, scale: structuredClone(scale) })),
    })),
  };
}

/** A score per indicator for the preview: an earlier pick when still on the scale, else one below the top. */
export function sampleScores(
  draft: Draft,
  picked: Record<string, number | 'na'>,
): Record<string, number | 'na'> {
  const out: Record<string, number | 'na'> = {};
  for (const a of draft.aspects) {
    for (const i of a.indicators) {
      const p = picked[i.key];
      const values = i.scale.levels.map((l) => l.value);
      if (p === 'na' || (typeof p === 'number' && values.includes(p))) out[i.key] = p;
      else {
        // The second-highest level (the only one on a one-level scale); none on an empty scale.
        const sorted = [...values].sort((x, y) => x - y);
        const level = sorted[Math.max(0, sorted.length - 2)];
        if (level !== undefined) out[i.key] = level;
      }
    }
  }
  return out;
}
