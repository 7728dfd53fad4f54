import { type TBandSet, ZBandSet } from '@siklus/domain';
import { Card, ErrorState, LoadingState, TableScroll, useFormat, useLang, useT } from '@siklus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useConfigApi } from '../config/use-config-api';

/**
 * Before publishing: publishing moves every study on this band set (any version) to the
 * version being edited and reclassifies their observations (docs/decisions/008), so this
 * shows what the draft bands would change for those studies, per school
 * (`config.bandSets.preview`, computed in SQL), and any success criteria that would block
 * the publish. `versionId` is null for a band set not saved yet: no study can use it.
 */
export function BandImpact({ versionId, bands }: { versionId: string | null; bands: TBandSet }) {
  const t = useT();
  const f = useFormat();
  const { lang } = useLang();
  const { trpc } = useConfigApi('bandSets');
  const deferred = useDeferredValue(bands);
  const valid = ZBandSet.safeParse(deferred).success;
  const preview = useQuery({
    ...trpc.config.bandSets.preview.queryOptions({
      versionId: versionId ?? '',
      bands: deferred.bands,
    }),
    enabled: valid && versionId !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const changed = (preview.data?.schools ?? []).filter(
    (s) => s.observationsChanged + s.cycleMeansChanged > 0,
  );
  return (
    <Card
      title={t('adm.impact.title')}
      description={t('adm.impact.description')}
      className="adm-impact"
      aria-label={t('adm.impact.title')}
    >
      {versionId === null ? (
        <p className="sk-muted">{t('adm.impact.unused')}</p>
      ) : !valid ? (
        <p className="sk-muted">{t('adm.bands.fixFirst')}</p>
      ) : preview.isPending ? (
        <LoadingState inline />
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <div className="sk-stack">
          {preview.data.criteriaMisfits.map((m) => (
            <div
              key={m.criteriaVersionId}
              className="sk-alert sk-alert--error"
              role="alert"
              data-testid="impact-misfit"
            >
              <p className="sk-alert__message">
                {t('adm.impact.misfit', {
                  name: m.name,
                  version: m.version,
                  studies: f.integer(m.studies),
                  message: m.messages[lang],
                })}
              </p>
            </div>
          ))}
          <div className="adm-impact__totals">
            <div className="sk-stat">
              <div className="sk-stat__label">{t('adm.impact.observations')}</div>
              <div className="sk-stat__value" data-testid="impact-observations">
                {f.integer(preview.data.totals.observationsChanged)}
              </div>
              <div className="sk-stat__hint">
                {t('adm.impact.ofTotal', { total: f.integer(preview.data.totals.observations) })}
              </div>
            </div>
            <div className="sk-stat">
              <div className="sk-stat__label">{t('adm.impact.means')}</div>
              <div className="sk-stat__value" data-testid="impact-means">
                {f.integer(preview.data.totals.cycleMeansChanged)}
              </div>
              <div className="sk-stat__hint">
                {t('adm.impact.ofTotal', { total: f.integer(preview.data.totals.cycles) })}
              </div>
            </div>
            <div className="sk-stat">
              <div className="sk-stat__label">{t('adm.impact.schools')}</div>
              <div className="sk-stat__value">{f.integer(changed.length)}</div>
              <div className="sk-stat__hint">
                {t('adm.impact.ofTotal', { total: f.integer(preview.data.schools.length) })}
              </div>
            </div>
          </div>
          {preview.data.totals.studies === 0 ? (
            <p className="sk-muted">{t('adm.impact.unused')}</p>
          ) : changed.length === 0 ? (
            <p className="sk-muted">{t('adm.impact.none')}</p>
          ) : (
            <div className="sk-table-wrap">
              <TableScroll label={t('adm.impact.caption')} style={{ maxHeight: '50vh' }}>
                <table className="sk-table sk-table--dense sk-table--stack">
                  <caption className="sk-visually-hidden">{t('adm.impact.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('sup.schools.name')}</th>
                      <th scope="col" className="adm-num">
                        {t('adm.impact.studiesShort')}
                      </th>
                      <th scope="col" className="adm-num">
                        {t('adm.impact.observationsShort')}
                      </th>
                      <th scope="col" className="adm-num">
                        {t('adm.impact.meansShort')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {changed.map((s) => (
                      <tr key={s.schoolId}>
                        <td>
                          <span className="adm-impact-school">{s.schoolName}</span>
                          <div className="sk-muted adm-item-desc">
                            {s.npsn} · {s.subdistrict}
                          </div>
                        </td>
                        <td className="adm-num">{f.integer(s.studies)}</td>
                        <td className="adm-num">
                          {t('adm.impact.xOfY', {
                            x: f.integer(s.observationsChanged),
                            y: f.integer(s.observations),
                          })}
                        </td>
                        <td className="adm-num">
                          {t('adm.impact.xOfY', {
                            x: f.integer(s.cycleMeansChanged),
                            y: f.integer(s.cycles),
                          })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
