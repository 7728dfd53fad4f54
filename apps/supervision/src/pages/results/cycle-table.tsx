import type { RouterOutputs } from '@siklus/client';
import {
  Button,
  EmptyRow,
  formatDecimal,
  type Lang,
  TableScroll,
  translate,
  useLang,
  useT,
} from '@siklus/ui';
import { Band, NumTh } from './figures';

type Cycle = RouterOutputs['cycles']['get'];

/** One observed teacher as a cycle's table lists it. */
export interface ObservationRow {
  teacherId: string;
  name: string;
  className?: string | null;
  percentage: string;
  band: string | null;
}

/**
 * A cycle's table in the shape of the paper's Tables 1-3: No, Nama Guru, Persentase,
 * Kategori, and the mean with its band as the last row. The cycle page, the review panel and
 * the printable chapter all draw this one. `bands` colors the band as a badge (plain text,
 * as on paper, without it); `lang` fixes the language of a document (the chapter is
 * Indonesian whatever the UI's language); `onEdit` adds a button per row.
 */
export function ObservationTable({
  rows,
  mean,
  meanBand,
  caption,
  captionClassName = 'sk-visually-hidden',
  bands,
  lang,
  onEdit,
  className = 'sk-table pts-cycle-table sk-table--stack',
}: {
  rows: readonly ObservationRow[];
  mean: string | null;
  meanBand: string | null;
  caption: string;
  captionClassName?: string;
  bands?: readonly { label: string }[];
  lang?: Lang;
  onEdit?: (teacherId: string) => void;
  className?: string;
}) {
  const ui = useLang().lang;
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(lang ?? ui, key, params);
  const dec = (v: string | null) => formatDecimal(v, lang ?? ui);
  const band = (label: string | null) =>
    bands ? <Band bands={bands} label={label} /> : (label ?? '–');
  return (
    <TableScroll label={caption}>
      <table className={className}>
        <caption className={captionClassName}>{caption}</caption>
        <thead>
          <tr>
            <NumTh>{tr('pts.table.no')}</NumTh>
            <th scope="col">{tr('pts.table.teacher')}</th>
            <NumTh>{tr('pts.table.percentage')}</NumTh>
            <th scope="col">{tr('pts.table.band')}</th>
            {onEdit && (
              <th scope="col">
                <span className="sk-visually-hidden">{tr('pts.table.edit')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow columns={onEdit ? 5 : 4}>{tr('pts.table.empty')}</EmptyRow>
          ) : (
            rows.map((o, i) => (
              <tr key={o.teacherId}>
                <td className="sk-num">{i + 1}</td>
                <th scope="row">
                  <span>{o.name}</span>
                  {o.className && <span className="sk-district-note"> · {o.className}</span>}
                </th>
                <td className="sk-num">{dec(o.percentage)}</td>
                <td>{band(o.band)}</td>
                {onEdit && (
                  <td>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={tr('pts.table.editOf', { name: o.name })}
                      onClick={() => onEdit(o.teacherId)}
                    >
                      {tr('pts.table.edit')}
                    </Button>
                  </td>
                )}
              </tr>
            ))
          )}
        </tbody>
        {rows.length > 0 && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {tr('pts.table.mean')}
              </th>
              <td className="sk-num" data-testid="cycle-mean">
                {dec(mean)}
              </td>
              <td>{band(meanBand)}</td>
              {onEdit && <td />}
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}

/**
 * `cycles.get` as its table, then which active teachers of the roster have no observation
 * yet (offered to edit on an editable cycle).
 */
export function CycleTable({
  cycle,
  label,
  onEdit,
}: {
  cycle: Cycle;
  label: string;
  /** Offered on an editable cycle: opens the teacher's sheet. */
  onEdit?: (teacherId: string) => void;
}) {
  const t = useT();
  const observed = cycle.observations.length;
  const missing = cycle.unobservedTeachers;
  return (
    <>
      <ObservationTable
        rows={cycle.observations.map((o) => ({ ...o, name: o.teacherName }))}
        mean={cycle.summary.mean}
        meanBand={cycle.summary.meanBand}
        caption={t('pts.table.caption', { label })}
        bands={cycle.bandSet.bands}
        onEdit={onEdit}
      />
      <div className="pts-completeness" data-testid="completeness">
        {missing.length === 0 ? (
          observed > 0 && <p>{t('pts.table.complete', { n: observed })}</p>
        ) : (
          <>
            <p>{t('pts.table.incomplete', { observed, missing: missing.length })}</p>
            <ul className="pts-missing">
              {missing.map((m) =>
                onEdit ? (
                  <li key={m.id}>
                    <button type="button" className="pts-link-button" onClick={() => onEdit(m.id)}>
                      {m.name}
                    </button>
                  </li>
                ) : (
                  <li key={m.id}>{m.name}</li>
                ),
              )}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
