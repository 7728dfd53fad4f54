import { BAND_PRESETS, bandRanges, type TBandSet, ZBandSet } from '@siklus/domain';
import {
  BandBadge,
  Button,
  bandColor,
  type DraftFormHandle,
  FieldError,
  formatDecimal,
  type ServerIssue,
  TableScroll,
  useDraftForm,
  useFieldArray,
  useT,
} from '@siklus/ui';
import { type Ref, useId, useMemo } from 'react';

export interface BandEditorProps {
  value: TBandSet;
  onChange: (next: TBandSet) => void;
  readOnly?: boolean;
  serverError?: ServerIssue;
  handle?: Ref<DraftFormHandle>;
}

type BandPath = `bands.${number}.${'label' | 'letter' | 'aliases' | 'from'}`;

/** The ranges as people read them, or null while a bound is not a number yet. */
export function readableRanges(value: TBandSet) {
  try {
    return bandRanges(value);
  } catch {
    return null;
  }
}

/** A bound in the middle of the free space above the last band, as a whole number. */
function nextBound(value: TBandSet): string {
  const last = Number(value.bands.at(-1)?.from ?? '0');
  const next = Math.min(99, Math.floor((Number.isFinite(last) ? last : 0) + (100 - last) / 2));
  return `${Math.max(next, 1)}.00`;
}

/**
 * A band set edited as lower bounds and labels only: each band runs up to the next bound, so
 * a gap or an overlap cannot be typed. The first band starts at 0,00; removing a band hands
 * its range to the band below. The ranges are read back as people say them.
 */
export function BandEditor({
  value,
  onChange,
  readOnly = false,
  serverError,
  handle,
}: BandEditorProps) {
  const t = useT();
  const id = useId();
  const { form, lang, box, changed, edit, blur, forget, err, listErr } = useDraftForm({
    schema: ZBandSet,
    value,
    onChange,
    serverError,
    handle,
  });
  const shown = (n: string) => (lang === 'id' ? n.replace('.', ',') : n);
  const rows = useFieldArray({ control: form.control, name: 'bands' });
  const current = form.watch();
  const band = (i: number) => form.getValues(`bands.${i}`);
  const setBand = (i: number, next: TBandSet['bands'][number], field: BandPath) =>
    edit(`bands.${i}`, next, field);
  // An empty letter or alias list is no letter or alias at all: the key goes.
  const setLetter = (i: number, text: string) => {
    const { letter: _old, ...rest } = band(i);
    setBand(i, text.trim() === '' ? rest : { ...rest, letter: text.trim() }, `bands.${i}.letter`);
  };
  const setAliases = (i: number, text: string) => {
    const { aliases: _old, ...rest } = band(i);
    setBand(
      i,
      text.trim() === '' ? rest : { ...rest, aliases: text.split(',').map((a) => a.trimStart()) },
      `bands.${i}.aliases`,
    );
  };

  const valid = useMemo(() => ZBandSet.safeParse(current).success, [current]);
  const ranges = valid ? readableRanges(current) : null;
  const total = rows.fields.length;

  return (
    <div className="adm-bands" ref={box}>
      {!readOnly && (
        <div className="adm-presets">
          <span className="sk-muted">{t('adm.bands.presets')}</span>
          {BAND_PRESETS.map((p) => (
            <Button
              key={p.id}
              variant="secondary"
              size="sm"
              onClick={() => {
                rows.replace(structuredClone(p.bandSet).bands);
                forget();
                changed();
              }}
            >
              {p.name[lang]}
            </Button>
          ))}
        </div>
      )}
      <FieldError>{listErr('bands')}</FieldError>
      <TableScroll label={t('adm.bands.caption')}>
        <table className="adm-band-table sk-table--stack">
          <caption className="sk-visually-hidden">{t('adm.bands.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adm.bands.label')}</th>
              <th scope="col">{t('adm.bands.letter')}</th>
              <th scope="col">{t('adm.bands.aliases')}</th>
              <th scope="col">{t('adm.bands.from')}</th>
              <th scope="col">{t('adm.bands.range')}</th>
              {!readOnly && (
                <th scope="col">
                  <span className="sk-visually-hidden">{t('adm.common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((field, i) => {
              const band = current.bands[i] ?? { from: '', label: '' };
              const labelErr = err(`bands.${i}.label`);
              const fromErr = err(`bands.${i}.from`);
              const letterErr = err(`bands.${i}.letter`);
              const aliasErr = err(`bands.${i}.aliases`);
              const range = ranges?.[i];
              return (
                <tr key={field.id}>
                  <td>
                    <input
                      className="sk-input sk-input--sm adm-band-label"
                      aria-label={t('adm.bands.labelOf', { n: i + 1 })}
                      value={band.label}
                      readOnly={readOnly}
                      aria-invalid={labelErr ? true : undefined}
                      aria-describedby={labelErr ? `${id}-${i}-label` : undefined}
                      onBlur={blur(`bands.${i}.label`)}
                      onChange={(e) =>
                        setBand(i, { ...band, label: e.target.value }, `bands.${i}.label`)
                      }
                    />
                    <FieldError id={`${id}-${i}-label`}>{labelErr}</FieldError>
                  </td>
                  <td>
                    <input
                      className="sk-input sk-input--sm adm-band-letter"
                      aria-label={t('adm.bands.letterOf', { label: band.label || String(i + 1) })}
                      value={band.letter ?? ''}
                      maxLength={2}
                      readOnly={readOnly}
                      aria-invalid={letterErr ? true : undefined}
                      aria-describedby={letterErr ? `${id}-${i}-letter` : undefined}
                      onBlur={blur(`bands.${i}.letter`)}
                      onChange={(e) => setLetter(i, e.target.value)}
                    />
                    <FieldError id={`${id}-${i}-letter`}>{letterErr}</FieldError>
                  </td>
                  <td>
                    <input
                      className="sk-input sk-input--sm adm-band-aliases"
                      aria-label={t('adm.bands.aliasesOf', { label: band.label || String(i + 1) })}
                      placeholder={t('adm.bands.aliasesHint')}
                      value={(band.aliases ?? []).join(', ')}
                      readOnly={readOnly}
                      aria-invalid={aliasErr ? true : undefined}
                      aria-describedby={aliasErr ? `${id}-${i}-aliases` : undefined}
                      onBlur={blur(`bands.${i}.aliases`)}
                      onChange={(e) => setAliases(i, e.target.value)}
                    />
                    <FieldError id={`${id}-${i}-aliases`}>{aliasErr}</FieldError>
                  </td>
                  <td>
                    {i === 0 ? (
                      <span className="adm-fixed-bound" title={t('adm.bands.firstFixed')}>
                        {formatDecimal('0.00', lang)}
                      </span>
                    ) : (
                      <>
                        <input
                          className="sk-input sk-input--sm adm-bound"
                          inputMode="decimal"
                          aria-label={t('adm.bands.fromOf', { label: band.label || String(i + 1) })}
                          value={shown(band.from)}
                          readOnly={readOnly}
                          aria-invalid={fromErr ? true : undefined}
                          aria-describedby={fromErr ? `${id}-${i}-from` : undefined}
                          onBlur={blur(`bands.${i}.from`)}
                          onChange={(e) =>
                            setBand(
                              i,
                              { ...band, from: e.target.value.replace(',', '.') },
                              `bands.${i}.from`,
                            )
                          }
                        />
                        <FieldError id={`${id}-${i}-from`}>{fromErr}</FieldError>
                      </>
                    )}
                  </td>
                  <td className="adm-range">
                    {range ? (
                      `${formatDecimal(range.from, lang)} – ${formatDecimal(range.to, lang)}`
                    ) : (
                      <span className="sk-muted">–</span>
                    )}
                  </td>
                  {!readOnly && (
                    <td>
                      {i > 0 && (
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={t('adm.bands.removeOf', {
                            label: band.label || String(i + 1),
                          })}
                          title={t('adm.bands.removeHint')}
                          onClick={() => {
                            rows.remove(i);
                            form.clearErrors();
                            changed();
                          }}
                        >
                          ✕
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {!readOnly && (
        <div>
          <Button
            variant="secondary"
            size="sm"
            disabled={total >= 20}
            onClick={() => {
              rows.append({ from: nextBound(form.getValues()), label: '' }, { shouldFocus: false });
              changed();
            }}
          >
            {t('adm.bands.add')}
          </Button>
        </div>
      )}
      <section className="adm-readout" aria-label={t('adm.bands.readout')}>
        <h3 className="adm-readout__title">{t('adm.bands.readout')}</h3>
        {ranges ? (
          <>
            <div className="adm-bandbar" aria-hidden="true">
              {ranges.map((r, i) => (
                <span
                  key={`${r.label}-${r.from}`}
                  style={{
                    flexGrow: Number(r.to) - Number(r.from) + 0.01,
                    background: bandColor(i, total),
                  }}
                />
              ))}
            </div>
            <ul className="adm-readout__list" data-testid="band-readout">
              {ranges.map((r, i) => (
                <li key={`${r.label}-${r.from}`}>
                  <BandBadge label={r.label} index={i} total={total} />{' '}
                  <span>
                    {r.label}: {formatDecimal(r.from, lang)} - {formatDecimal(r.to, lang)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="sk-muted">{t('adm.bands.fixFirst')}</p>
        )}
      </section>
    </div>
  );
}
