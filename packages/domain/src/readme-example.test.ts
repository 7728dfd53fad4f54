// The code between the markers is the example in README.md, and the second test checks the
// README still holds exactly that code, so the documented example cannot rot.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as domain from './index';

it('runs the README example', () => {
  // README-EXAMPLE-START
  const {
    ZRubricDefinition,
    scoreObservation,
    summarizeCycle,
    gainOfMeans,
    evaluateCriteria,
    criteriaInputFromPercentages,
    describeCriteria,
    checkPrintedFigures,
    nextStatus,
    cycleLabel,
    parsePercentage,
    parseOrThrow,
    isAppError,
    PTS_DEFAULT_BANDS,
  } = domain;

  // 1. A rubric: aspects -> indicators, each on a labelled 1-4 scale.
  const levels = [1, 2, 3, 4].map((value) => ({ value, label: `Level ${value}` }));
  const rubric = parseOrThrow(ZRubricDefinition, {
    mode: 'indicators',
    aspects: [
      {
        key: 'A',
        title: 'Pelaksanaan',
        indicators: [
          { key: 'A1', text: 'Membentuk kelompok', scale: { min: 1, max: 4, levels } },
          {
            key: 'A2',
            text: 'Memfasilitasi diskusi',
            weight: 2,
            scale: { min: 1, max: 4, levels },
          },
        ],
      },
    ],
  });

  // 2. One observation sheet -> a percentage: (3 + 2 x 4) / (4 + 2 x 4) x 100.
  const sheet = scoreObservation(rubric, { kind: 'indicators', scores: { A1: 3, A2: 4 } });
  expect(sheet).toEqual({ percentage: '91.67', earned: '11.00', possible: '12.00' });

  // A score off the scale is an AppError a person can act on, in both languages.
  let caught: unknown;
  try {
    scoreObservation(rubric, { kind: 'indicators', scores: { A1: 5, A2: 4 } });
  } catch (error) {
    caught = error;
  }
  expect(isAppError(caught) && [caught.code, caught.field, caught.messages]).toEqual([
    'BAD_REQUEST',
    'scores.A1',
    {
      id: 'Skor 5 di luar skala 1-4 untuk indikator A1',
      en: 'Score 5 is outside the scale 1-4 for indicator A1',
    },
  ]);

  // 3. A cycle's table (SD Negeri Lulut 2, Siklus I and II), typed with Indonesian commas.
  const siklus1 = ['46,75', '48,50', '50,50', '55,70', '58,80', '60,60'].map((t) =>
    parsePercentage(t),
  );
  const siklus2 = ['53.50', '55.40', '60.55', '68.65', '75.25', '77.10'];
  const summary = summarizeCycle(siklus2, PTS_DEFAULT_BANDS);
  expect([summary.mean, summary.meanBand, summary.sd]).toEqual(['65.08', 'Cukup', '10.09']);
  expect(summary.bands.map((b) => `${b.label} ${b.count} (${b.share}%)`)).toEqual([
    'Kurang 0 (0.00%)',
    'Cukup 4 (66.67%)',
    'Baik 2 (33.33%)',
    'Sangat Baik 0 (0.00%)',
  ]);

  // 4. Gain between the cycles, from the means shown on screen.
  expect(gainOfMeans(siklus1, siklus2)).toEqual({
    preMean: '53.48',
    postMean: '65.08',
    points: '11.60',
    relative: '21.69',
    normalized: '0.25',
    category: 'low',
  });

  // 5. Success criteria, read back and checked.
  const criteria = {
    criteria: [
      { kind: 'mean', op: '>=', value: '71' },
      { kind: 'bandShare', op: '>=', percent: '100', band: 'Baik' },
    ],
  } as const satisfies domain.TSuccessCriteria;
  expect(describeCriteria(criteria, 'id')).toBe(
    'Rata-rata minimal 71,00 dan semua guru berkategori Baik atau lebih',
  );
  const verdict = evaluateCriteria(
    criteria,
    criteriaInputFromPercentages(siklus2, PTS_DEFAULT_BANDS),
    PTS_DEFAULT_BANDS,
  );
  expect(verdict.met).toBe(false);
  expect(verdict.message.en).toBe(
    'Success criteria not met: mean 65.08 is below the minimum 71.00 (5.92 points short); 4 of 6 teachers below Baik',
  );

  // 6. The paper prints 65.05 for Siklus II; the platform computes 65.08 and says so.
  const [mismatch] = checkPrintedFigures({ printedMean: '65,05' }, siklus2, PTS_DEFAULT_BANDS);
  expect(mismatch?.message.id).toBe('Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08');

  // 7. The review workflow.
  expect(cycleLabel(2, 'en')).toBe('Cycle II');
  expect(nextStatus('submitted', 'return')).toBe('returned');
  // README-EXAMPLE-END
});

/** The code between the markers, without the test's indentation. */
function testBody(text: string): string {
  const start = text.indexOf('// README-EXAMPLE-START');
  const end = text.indexOf('// README-EXAMPLE-END');
  if (start < 0 || end < 0) throw new Error('example markers not found');
  return text
    .slice(text.indexOf('\n', start) + 1, end)
    .split('\n')
    .map((line) => line.replace(/^ {2}/, ''))
    .join('\n')
    .trim();
}

/** The README's example block after its import line. */
function readmeBody(text: string): string {
  const opening = "```ts\nimport * as domain from '@siklus/domain';\n";
  const start = text.indexOf(opening);
  if (start < 0) throw new Error('README example block not found');
  const body = text.slice(start + opening.length);
  return body.slice(0, body.indexOf('\n```')).trim();
}

it('matches the example in README.md', () => {
  const test = readFileSync(new URL(import.meta.url), 'utf8');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readmeBody(readme)).toBe(testBody(test));
});
