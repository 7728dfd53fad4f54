import type { RouterOutputs } from '@siklus/client';
import type { TBandSet } from '@siklus/domain';
import { Button, useFormat, useT } from '@siklus/ui';
import { Band } from './shared';

type Cycle = RouterOutputs['cycles']['get'];

/**
 * The cycle's table in the shape of the paper's Tables 1-3: No, Nama guru, Persentase,
 * Kategori, and the mean with its band as the last row; then which active teachers of the
 * roster have no observation yet.
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
  const f = useFormat();
  const bandSet = { bands: cycle.bandSet.bands } as TBandSet;
  const observed = cycle.observations.length;
  const missing = cycle.unobservedTeachers;
  return (
    <>
      <div className="sk-table-scroll">
        <table className="sk-table pts-cycle-table">
          <caption className="sk-visually-hidden">{t('pts.table.caption', { label })}</caption>
          <thead>
            <tr>
              <th scope="col" className="sk-num">
                {t('pts.table.no')}
              </th>
              <th scope="col">{t('pts.table.teacher')}</th>
              <th scope="col" className="sk-num">
                {t('pts.table.percentage')}
              </th>
              <th scope="col">{t('pts.table.band')}</th>
              {onEdit && (
                <th scope="col">
                  <span className="sk-visually-hidden">{t('pts.table.edit')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {cycle.observations.length === 0 ? (
              <tr>
                <td colSpan={onEdit ? 5 : 4} className="sk-table__empty">
                  {t('pts.table.empty')}
                </td>
              </tr>
            ) : (
              cycle.observations.map((o, i) => (
                <tr key={o.id}>
                  <td className="sk-num">{i + 1}</td>
                  <th scope="row">{o.teacherName}</th>
                  <td className="sk-num">{f.decimal(o.percentage)}</td>
                  <td>
                    <Band bandSet={bandSet} label={o.band} />
                  </td>
                  {onEdit && (
                    <td>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('pts.table.editOf', { name: o.teacherName })}
                        onClick={() => onEdit(o.teacherId)}
                      >
                        {t('pts.table.edit')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))
            )}
          </tbody>
          {observed > 0 && (
            <tfoot>
              <tr>
                <td />
                <th scope="row">{t('pts.table.mean')}</th>
                <td className="sk-num" data-testid="cycle-mean">
                  {f.decimal(cycle.summary.mean)}
                </td>
                <td>
                  <Band bandSet={bandSet} label={cycle.summary.meanBand} />
                </td>
                {onEdit && <td />}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
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
