import { gain, gainFigures } from '@siklus/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { GLOSSARY, type TGlossaryTerm } from './glossary';
import { id, type MessageKey } from './id';

const keys = Object.keys(id) as MessageKey[];

describe('one vocabulary', () => {
  it('has every user-facing key in both languages, none left untranslated by accident', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(id[key], key).not.toBe('');
      expect(en[key], key).not.toBe('');
    }
  });

  it.each(Object.entries(GLOSSARY))('calls %s one name in each language', (_name, term) => {
    const t: TGlossaryTerm = term;
    // Parameter names (`{band}`) are code, not words a person reads.
    const words = (text: string) => text.replace(/\{[^}]*\}/g, '');
    const offId = keys.filter((k) => (t.notId ?? []).some((re) => re.test(words(id[k]))));
    const offEn = keys.filter((k) => (t.notEn ?? []).some((re) => re.test(words(en[k]))));
    expect(offId).toEqual([]);
    expect(offEn).toEqual([]);
  });

  it('names the stage, the band and the N-gain categories with the glossary words', () => {
    expect(id['pts.stage.observation']).toBe(GLOSSARY.observation.id);
    expect(en['pts.stage.observation']).toBe(GLOSSARY.observation.en);
    expect(id['adm.section.bands']).toBe(GLOSSARY.band.id);
    expect(id['pts.create.bandSet']).toBe(GLOSSARY.band.id);
    expect(id['pts.progress.gain.low']).toBe(GLOSSARY.gainLow.id);
    expect(en['pts.progress.gain.high']).toBe(GLOSSARY.gainHigh.en);
    // The report's gain text (the domain's) writes the category as the screen does.
    const text = gainFigures(gain('60', '70'), 'normalized')[0]?.text;
    expect(text?.id).toContain(`(${GLOSSARY.gainLow.id})`);
  });

  it('keeps the stage date apart from the sheet date (labels found exactly in e2e)', () => {
    const stageDate = id['pts.stage.date'].replace('{stage}', GLOSSARY.observation.id);
    expect(stageDate.toLowerCase()).not.toBe(id['pts.obs.date'].toLowerCase());
    expect(stageDate.toLowerCase()).not.toContain(id['pts.obs.date'].toLowerCase());
  });
});
