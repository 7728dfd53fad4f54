import {
  GAIN_CONVENTIONS,
  GAIN_LABELS,
  gainFigures,
  type TGain,
  type TGainConvention,
} from '@siklus/domain';
import { NumTh, useFigures } from './figures';

/** The convention shown first, then the other two (domain gainFigures' order). */
export function gainOrder(first: TGainConvention): TGainConvention[] {
  return [first, ...GAIN_CONVENTIONS.filter((c) => c !== first)];
}

/** Column headers of a gain, one per convention, labelled "poin", "peningkatan relatif", "N-gain (Hake)". */
export function GainHeads({ first }: { first: TGainConvention }) {
  const { local } = useFigures();
  return (
    <>
      {gainOrder(first).map((c) => (
        <NumTh key={c}>{local(GAIN_LABELS[c])}</NumTh>
      ))}
    </>
  );
}

/**
 * A gain's three figures as the API computed them, the study's choice first: points signed,
 * the relative increase in percent, Hake's n-gain; an undefined one says why (from 0, from 100).
 */
export function GainCells({
  gain,
  first,
}: {
  gain: TGain | null | undefined;
  first: TGainConvention;
}) {
  const { f, local, signed } = useFigures();
  if (!gain) {
    return (
      <>
        {gainOrder(first).map((c) => (
          <td key={c} className="sk-num">
            –
          </td>
        ))}
      </>
    );
  }
  return (
    <>
      {gainFigures(gain, first).map((g) => (
        <td
          key={g.convention}
          className={g.value === null ? 'sk-muted' : 'sk-num'}
          data-convention={g.convention}
        >
          {g.value === null
            ? local(g.text)
            : g.convention === 'points'
              ? signed(g.value)
              : g.convention === 'relative'
                ? `${signed(g.value)}%`
                : f.decimal(g.value)}
        </td>
      ))}
    </>
  );
}
