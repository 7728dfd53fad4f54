/** A cycle's figures on one instrument, as a study's report carries them (decision 022). */
interface CycleFigures {
  n: unknown;
  mean: unknown;
  meanBand: unknown;
  summary: unknown;
}

/** What a study's report holds that one instrument's figures replace. */
interface InstrumentFigures<TCycle extends CycleFigures> {
  bandSet: unknown;
  teachers: unknown;
  gains: unknown;
  overall: unknown;
  cycles: TCycle[];
}

/**
 * The report as one instrument's figures make it: its bands, table, gains and per-cycle
 * figures in place of the primary's. The API's exports and the supervision app's tables
 * drawn per instrument both read a study this way; the figures are the API's, only placed.
 */
export function detailForInstrument<
  TCycle extends CycleFigures,
  TDetail extends InstrumentFigures<TCycle>,
>(
  detail: TDetail,
  instrument: Pick<TDetail, 'bandSet' | 'teachers' | 'gains' | 'overall'> & {
    cycles: readonly Pick<TCycle, keyof CycleFigures>[];
  },
): TDetail {
  return {
    ...detail,
    bandSet: instrument.bandSet,
    teachers: instrument.teachers,
    gains: instrument.gains,
    overall: instrument.overall,
    cycles: detail.cycles.map((c, k) => {
      const own = instrument.cycles[k];
      return own
        ? { ...c, n: own.n, mean: own.mean, meanBand: own.meanBand, summary: own.summary }
        : c;
    }),
  };
}
