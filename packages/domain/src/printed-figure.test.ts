import { describe, expect, test } from 'vitest';
import { PTS_DEFAULT_BANDS } from './bands';
import { checkPrintedFigures } from './consistency';
import { parsePrintedFigure } from './decimal';
import { isAppError } from './errors';

/** Figures as papers print them (issue 15): "68,96%", a mean with three decimals. */
describe('parsePrintedFigure', () => {
  test.each([
    ['68,96%', '68.96'],
    ['68,96 %', '68.96'],
    ['68.96', '68.96'],
    ['75,289', '75.29'],
    ['53,475', '53.48'], // half-up, never through a float (53.475 is 53.4749... as a double)
    ['52.285', '52.29'],
    ['65,05', '65.05'],
    ['100%', '100.00'],
    ['0', '0.00'],
    [' 42,5 ', '42.50'],
  ])('%j -> %s, kept as typed', (text, value) => {
    expect(parsePrintedFigure(text)).toEqual({ value, typed: text.trim() });
  });

  test.each([
    ['75,2899', 'tiga angka desimal'],
    ['100,01', '0-100'],
    ['-1', 'bukan angka'],
    ['enam puluh', 'bukan angka'],
    ['68,96%%', 'bukan angka'],
    ['', 'bukan angka'],
  ])('%j is refused (%s)', (text, message) => {
    let error: unknown;
    try {
      parsePrintedFigure(text, 'printedMean');
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.field).toBe('printedMean');
    expect(isAppError(error) && error.messages.id).toContain(message);
  });

  test('the consistency check compares after rounding: 75,289 matches a computed 75.29', () => {
    expect(checkPrintedFigures({ printedMean: '75,289' }, ['75.29'], PTS_DEFAULT_BANDS)).toEqual(
      [],
    );
    expect(checkPrintedFigures({ printedMean: '68,96%' }, ['68.96'], PTS_DEFAULT_BANDS)).toEqual(
      [],
    );
    const [m] = checkPrintedFigures({ printedMean: '65,05%' }, ['65.075'], PTS_DEFAULT_BANDS);
    expect(m).toMatchObject({ field: 'mean', printed: '65.05', computed: '65.08' });
  });
});
