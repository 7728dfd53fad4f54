import { bandLabels, classify, placeLabel, type TBandSet } from './bands';
import { formatId, isDecimalString, meanOf, round2 } from './decimal';
import { badRequest, type TBilingual } from './errors';

export type TPrintedFigures = {
  /** The mean as printed, "65.05" or "65,05". */
  printedMean?: string | null;
  /** The band printed for the mean. */
  printedMeanBand?: string | null;
  /** The band printed for each teacher, aligned with `percentages`; null where none was printed. */
  printedBands?: readonly (string | null | undefined)[] | null;
};

export type TMismatch = {
  /** `bandCount`: the paper prints a different number of teacher bands than there are figures. */
  field: 'mean' | 'meanBand' | 'band' | 'bandCount';
  /** For `band`: the teacher's position in `percentages` (0-based). */
  index?: number;
  printed: string;
  /** null when nothing can be computed (no percentages). */
  computed: string | null;
  /**
   * For a band: the band the printed label names (by label, letter, alias or a known
   * synonym), or null when it names none of the set's bands (the message says so).
   */
  placed?: string | null;
  message: TBilingual;
};

function printedNumber(text: string, field: string): string {
  // As papers print it: "68,96%" is 68.96.
  const normalized = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!isDecimalString(normalized)) {
    throw badRequest(
      `Angka tercetak “${text}” bukan angka yang valid`,
      `The printed figure “${text}” is not a valid number`,
      field,
    );
  }
  return round2(normalized);
}

/** "“Istimewa” is not a band of the set (Kurang, Cukup, Baik, Sangat Baik)". */
function unplacedMessage(what: TBilingual, label: string, bandSet: TBandSet): TBilingual {
  const labels = bandLabels(bandSet).join(', ');
  return {
    id: `${what.id} “${label}” tidak dikenali sebagai kategori mana pun (${labels}); tambahkan sebagai nama lain bila memang sama`,
    en: `${what.en} “${label}” names none of the bands (${labels}); add it as an alias if it means one`,
  };
}

/** “baik sekali” (= Sangat Baik): the printed label quoted, and the band it names when that differs. */
function quoted(label: string, placed: string | null): string {
  return placed === null || placed === label ? `“${label}”` : `“${label}” (= ${placed})`;
}

/** "There are 1 printed bands for 6 teachers", for the check and for a write that would cause it. */
export function printedBandCountMessage(printed: number, teachers: number): TBilingual {
  return {
    id: `Ada ${printed} kategori tercetak untuk ${teachers} guru`,
    en: `There are ${printed} printed bands for ${teachers} teachers`,
  };
}

/**
 * Compares figures typed from a paper report with the ones the platform computes from the
 * raw percentages, one mismatch per difference. The platform always shows its own figures;
 * this only tells a reviewer where the paper disagrees (SDN Lulut 2 prints 65.05 for 65.08).
 * Bands compare by the band they name (placeLabel: case and spacing folded, the band set's
 * letters and aliases, known synonyms such as "Baik Sekali" = "Sangat Baik"); a label that
 * names no band is reported as such.
 */
export function checkPrintedFigures(
  printed: TPrintedFigures,
  percentages: readonly string[],
  bandSet: TBandSet,
): TMismatch[] {
  const mismatches: TMismatch[] = [];
  const mean = percentages.length > 0 ? meanOf(percentages) : null;

  if (printed.printedMean != null && printed.printedMean.trim() !== '') {
    const shown = printedNumber(printed.printedMean, 'printedMean');
    if (shown !== mean) {
      mismatches.push({
        field: 'mean',
        printed: shown,
        computed: mean,
        message:
          mean === null
            ? {
                id: `Rata-rata tercetak ${formatId(shown)} tidak dapat diperiksa: belum ada nilai guru`,
                en: `The printed mean ${shown} cannot be checked: there are no teacher figures`,
              }
            : {
                id: `Rata-rata tercetak ${formatId(shown)} berbeda dari hasil hitung ${formatId(mean)}`,
                en: `The printed mean ${shown} differs from the computed ${mean}`,
              },
      });
    }
  }

  if (printed.printedMeanBand != null && printed.printedMeanBand.trim() !== '') {
    const label = printed.printedMeanBand.trim();
    const computed = mean === null ? null : classify(bandSet, mean);
    const at = placeLabel(bandSet, label);
    const placed = bandSet.bands[at]?.label ?? null;
    if (computed !== null && placed === null) {
      mismatches.push({
        field: 'meanBand',
        printed: label,
        computed: computed.label,
        placed,
        message: unplacedMessage(
          { id: 'Kategori rata-rata tercetak', en: 'The printed mean band' },
          label,
          bandSet,
        ),
      });
    } else if (computed === null || at !== computed.index) {
      mismatches.push({
        field: 'meanBand',
        printed: label,
        computed: computed?.label ?? null,
        placed,
        message:
          computed === null
            ? {
                id: `Kategori rata-rata tercetak “${label}” tidak dapat diperiksa: belum ada nilai guru`,
                en: `The printed mean band “${label}” cannot be checked: there are no teacher figures`,
              }
            : {
                id: `Kategori rata-rata tercetak ${quoted(label, placed)} berbeda dari hasil hitung “${computed.label}” (rata-rata ${formatId(mean ?? '')})`,
                en: `The printed mean band ${quoted(label, placed)} differs from the computed “${computed.label}” (mean ${mean})`,
              },
      });
    }
  }

  const bands = printed.printedBands;
  if (bands) {
    if (bands.length !== percentages.length) {
      // Teachers observed since the figures were typed (or removed): the rows no longer line
      // up, so comparing them one by one would mislead. Said, not thrown: a read must not fail.
      mismatches.push({
        field: 'bandCount',
        printed: String(bands.length),
        computed: String(percentages.length),
        message: printedBandCountMessage(bands.length, percentages.length),
      });
      return mismatches;
    }
    bands.forEach((band, index) => {
      const value = percentages[index];
      if (band == null || band.trim() === '' || value === undefined) return;
      const label = band.trim();
      const computed = classify(bandSet, value);
      const at = placeLabel(bandSet, label);
      const placed = bandSet.bands[at]?.label ?? null;
      if (at === computed.index) return;
      const shown = round2(value);
      mismatches.push({
        field: 'band',
        index,
        printed: label,
        computed: computed.label,
        placed,
        message:
          placed === null
            ? unplacedMessage(
                {
                  id: `Kategori guru ke-${index + 1} tercetak`,
                  en: `Teacher ${index + 1}'s printed band`,
                },
                label,
                bandSet,
              )
            : {
                id: `Kategori guru ke-${index + 1} tercetak ${quoted(label, placed)} berbeda dari hasil hitung “${computed.label}” (${formatId(shown)})`,
                en: `Teacher ${index + 1}'s printed band ${quoted(label, placed)} differs from the computed “${computed.label}” (${shown})`,
              },
      });
    });
  }
  return mismatches;
}
