import { useTRPC } from '@siklus/client';
import {
  ApiErrorMessage,
  BandBadge,
  Button,
  Card,
  ErrorState,
  LoadingState,
  PageHeader,
  type RubricScores,
  RubricSheet,
  TableScroll,
  TextField,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CoObservationView } from './types';

/**
 * One co-observed lesson. The server returns only the caller's own sheet until both are
 * saved, so this page cannot show what it is not given; once both are saved, both sheets
 * and their agreement are shown read-only.
 */
export function CoObservationPage() {
  const { coObservationId = '' } = useParams();
  const t = useT();
  const local = useLocalized();
  const trpc = useTRPC();
  const pair = useQuery(trpc.coObservation.get.queryOptions({ coObservationId }));

  if (pair.isPending) return <LoadingState />;
  if (pair.isError) return <ErrorState error={pair.error} onRetry={() => void pair.refetch()} />;
  const p = pair.data;
  return (
    <>
      <p>
        <Link to="/co-observations">{t('coobs.pair.back')}</Link>
      </p>
      <PageHeader
        title={t('coobs.pair.title', { teacher: p.teacherName })}
        description={t('coobs.pair.meta', {
          school: p.schoolName,
          cycle: local(p.cycleLabel),
          study: p.studyTitle,
        })}
      />
      {p.locked ? <Complete pair={p} /> : <InProgress pair={p} key={p.id} />}
    </>
  );
}

function InProgress({ pair }: { pair: CoObservationView }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const own = pair.mySide ? pair.sheets[pair.mySide] : null;
  const otherSaved = pair.mySide === 'first' ? pair.saved.second : pair.saved.first;
  const [scores, setScores] = useState<RubricScores>(
    own?.input.kind === 'indicators' ? own.input.scores : {},
  );
  const [percentage, setPercentage] = useState(
    own?.input.kind === 'summary' ? own.input.percentage : '',
  );
  const save = useMutation(
    trpc.coObservation.save.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.coObservation.get.queryKey({ coObservationId: pair.id }),
        }),
    }),
  );
  if (!pair.mySide) {
    return (
      <Card>
        <p>{t('coobs.pair.notObserver')}</p>
      </Card>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      pair.definition.mode === 'indicators'
        ? { coObservationId: pair.id, kind: 'indicators', scores }
        : { coObservationId: pair.id, kind: 'summary', percentage },
    );
  };
  return (
    <>
      <div className="sk-alert sk-alert--info" role="status">
        <p className="sk-alert__message">{t('coobs.pair.otherHidden')}</p>
        <p className="sk-alert__meta">
          {otherSaved ? t('coobs.pair.otherSaved') : t('coobs.pair.otherNotSaved')}
        </p>
      </div>
      <Card title={t('coobs.pair.mySheet')}>
        <form onSubmit={submit} className="sk-form">
          {pair.definition.mode === 'indicators' ? (
            <RubricSheet
              definition={pair.definition}
              bandSet={pair.bandSet}
              scores={scores}
              onChange={setScores}
              allowNa
            />
          ) : (
            <TextField
              label={t('coobs.pair.mySheet')}
              value={percentage}
              onChange={(e) => setPercentage(e.target.value)}
              inputMode="decimal"
            />
          )}
          <ApiErrorMessage error={save.error} />
          {save.isSuccess && (
            <p role="status" className="sk-muted">
              {t('coobs.pair.saved')}
            </p>
          )}
          <Button type="submit" disabled={save.isPending}>
            {t('coobs.pair.save')}
          </Button>
        </form>
      </Card>
    </>
  );
}

function Complete({ pair }: { pair: CoObservationView }) {
  const t = useT();
  const f = useFormat();
  const a = pair.agreement;
  const bandIndex = (label: string) => pair.bandSet.bands.findIndex((b) => b.label === label);
  const total = pair.bandSet.bands.length;
  return (
    <>
      <div className="sk-alert sk-alert--info" role="status">
        <p className="sk-alert__message">{t('coobs.pair.locked')}</p>
      </div>
      {a && (
        <Card title={t('coobs.pair.agreement')}>
          <dl className="sk-dl">
            <dt>{t('coobs.pair.compared')}</dt>
            <dd>{f.integer(a.compared)}</dd>
            <dt>{t('coobs.pair.exact')}</dt>
            <dd>{f.percent(a.exactShare)}</dd>
            <dt>{t('coobs.pair.adjacent')}</dt>
            <dd>{f.percent(a.adjacentShare)}</dd>
            <dt>{t('coobs.pair.difference')}</dt>
            <dd>
              {f.percent(a.firstPercentage)} − {f.percent(a.secondPercentage)} ={' '}
              {f.decimal(a.difference)}
            </dd>
            <dt>{t('coobs.pair.bands')}</dt>
            <dd>
              <BandBadge label={a.firstBand} index={bandIndex(a.firstBand)} total={total} /> ·{' '}
              <BandBadge label={a.secondBand} index={bandIndex(a.secondBand)} total={total} />
            </dd>
          </dl>
          {a.indicators.length > 0 && (
            <TableScroll label={t('coobs.pair.agreement')}>
              <table className="sk-table sk-table--stack">
                <caption>{t('coobs.pair.agreement')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coobs.pair.indicator')}</th>
                    <th scope="col">{pair.firstObserver.name}</th>
                    <th scope="col">{pair.secondObserver.name}</th>
                    <th scope="col">{t('coobs.pair.exact')}</th>
                    <th scope="col">{t('coobs.pair.adjacent')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.indicators.map((i) => (
                    <tr key={i.key}>
                      <th scope="row">{i.key}</th>
                      <td>{i.first ?? '–'}</td>
                      <td>{i.second ?? '–'}</td>
                      <td>
                        {i.exact === null ? '–' : t(i.exact ? 'coobs.pair.yes' : 'coobs.pair.no')}
                      </td>
                      <td>
                        {i.adjacent === null
                          ? '–'
                          : t(i.adjacent ? 'coobs.pair.yes' : 'coobs.pair.no')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </Card>
      )}
    </>
  );
}
