import type { TBandSet } from '@siklus/domain';
import { Button, Card, useFormat, useT } from '@siklus/ui';
import { Band } from '../pages/results/figures';
import { useOnline } from './online';
import type { NotesValues, OutboxEntry, SheetSnapshot } from './outbox';
import { sendOutbox, settleConflict } from './session';

/**
 * The cycle's changes still on this device: each waiting sheet "belum terkirim" with the
 * figures computed here, and each conflict with the principal's version and the server's
 * side by side, to keep one of them (decision 024).
 */
export function OutboxPanel({ entries, bandSet }: { entries: OutboxEntry[]; bandSet: TBandSet }) {
  const t = useT();
  const online = useOnline();
  if (entries.length === 0) return null;
  return (
    <Card
      title={t('offline.outbox.title')}
      description={t('offline.outbox.description')}
      data-testid="outbox"
      actions={
        online && (
          <Button size="sm" variant="secondary" onClick={() => void sendOutbox()}>
            {t('offline.outbox.send')}
          </Button>
        )
      }
    >
      <ul className="sk-stack offline-outbox">
        {entries.map((e) => (
          <li key={e.changeId} data-testid="outbox-entry">
            {e.state === 'conflict' ? (
              <Conflict entry={e} bandSet={bandSet} />
            ) : (
              <p>
                <strong>{e.kind === 'observation' ? e.label : t('offline.outbox.notes')}</strong>{' '}
                {e.kind === 'observation' && <SheetFigures sheet={e.figures} bandSet={bandSet} />}{' '}
                <span className="offline-pending">{t('offline.outbox.pending')}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function SheetFigures({
  sheet,
  bandSet,
}: {
  sheet: { percentage: string; band: string };
  bandSet: TBandSet;
}) {
  const f = useFormat();
  return (
    <>
      <span data-testid="outbox-percentage">{f.decimal(sheet.percentage)}</span>{' '}
      <Band bands={bandSet.bands} label={sheet.band} />
    </>
  );
}

function SheetSide({ sheet, bandSet }: { sheet: SheetSnapshot | null; bandSet: TBandSet }) {
  const t = useT();
  const f = useFormat();
  if (!sheet) return <p className="sk-muted">{t('offline.conflict.none')}</p>;
  return (
    <>
      <p>
        <SheetFigures sheet={sheet} bandSet={bandSet} />
      </p>
      {sheet.scores && Object.keys(sheet.scores).length > 0 && (
        <p className="sk-muted">
          {Object.entries(sheet.scores)
            .map(([k, s]) => `${k}: ${s === 'na' ? '–' : s}`)
            .join(', ')}
        </p>
      )}
      {sheet.observedOn && <p>{f.date(sheet.observedOn)}</p>}
      {sheet.notes && <p className="pts-stage__notes">{sheet.notes}</p>}
    </>
  );
}

function NotesSide({ values }: { values: NotesValues | undefined }) {
  return (
    <dl className="sk-dl">
      {Object.entries(values ?? {}).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v ?? '–'}</dd>
        </div>
      ))}
    </dl>
  );
}

function Conflict({ entry, bandSet }: { entry: OutboxEntry; bandSet: TBandSet }) {
  const t = useT();
  const f = useFormat();
  const online = useOnline();
  const name = entry.kind === 'observation' ? entry.label : t('offline.outbox.notes');
  return (
    <section
      className="sk-alert sk-alert--error offline-conflict"
      aria-label={t('offline.conflict.title', { name })}
      data-testid="outbox-conflict"
    >
      <p className="sk-alert__message">
        <strong>{t('offline.conflict.title', { name })}</strong>
      </p>
      {entry.problem && <p className="sk-alert__message">{entry.problem[f.lang]}</p>}
      <div className="offline-conflict__sides">
        <div data-testid="conflict-mine">
          <h3>{t('offline.conflict.mine')}</h3>
          {entry.kind === 'observation' ? (
            <SheetSide
              sheet={{
                ...entry.figures,
                scores: entry.input.kind === 'indicators' ? entry.input.scores : null,
                observedOn: entry.input.observedOn ?? null,
                notes: entry.input.notes ?? null,
              }}
              bandSet={bandSet}
            />
          ) : (
            <NotesSide values={entry.input as NotesValues} />
          )}
        </div>
        <div data-testid="conflict-theirs">
          <h3>{t('offline.conflict.theirs')}</h3>
          {entry.kind === 'observation' ? (
            <SheetSide sheet={entry.theirs ?? null} bandSet={bandSet} />
          ) : (
            <NotesSide values={entry.theirs} />
          )}
        </div>
      </div>
      <div className="sk-row">
        <Button disabled={!online} onClick={() => void settleConflict(entry.changeId, 'mine')}>
          {t('offline.conflict.keepMine')}
        </Button>
        <Button variant="secondary" onClick={() => void settleConflict(entry.changeId, 'theirs')}>
          {t('offline.conflict.keepTheirs')}
        </Button>
      </div>
    </section>
  );
}
