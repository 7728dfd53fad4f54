import { describe, expect, it } from 'vitest';
import { detailForInstrument } from './instrument-view';

const cycle = (id: string, mean: string) => ({
  id,
  label: id,
  n: 3,
  mean,
  meanBand: 'Baik',
  summary: { n: 3, mean },
});

describe('detailForInstrument', () => {
  it("puts one instrument's bands, table, gains and per-cycle figures in place of the primary's", () => {
    const detail = {
      study: { title: 'PTS' },
      bandSet: { bands: ['primary'] },
      teachers: ['primary'],
      gains: ['primary'],
      overall: null as { means: string[] } | null,
      cycles: [cycle('k0', '70.00'), cycle('k1', '80.00')],
    };
    const instrument = {
      bandSet: { bands: ['rpp'] },
      teachers: ['rpp'],
      gains: ['rpp'],
      overall: { means: ['60.00'] },
      // Only the first cycle was observed on this instrument.
      cycles: [{ n: 2, mean: '60.00', meanBand: 'Cukup', summary: { n: 2, mean: '60.00' } }],
    };
    const own = detailForInstrument(detail, instrument);
    expect(own).toEqual({
      study: { title: 'PTS' },
      bandSet: { bands: ['rpp'] },
      teachers: ['rpp'],
      gains: ['rpp'],
      overall: { means: ['60.00'] },
      cycles: [
        {
          id: 'k0',
          label: 'k0',
          n: 2,
          mean: '60.00',
          meanBand: 'Cukup',
          summary: { n: 2, mean: '60.00' },
        },
        cycle('k1', '80.00'),
      ],
    });
    // The study's own report is left as it was.
    expect(detail.cycles[0]?.mean).toBe('70.00');
  });
});
