import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  FOLLOW_UP_SUPPORT_LABELS,
  FOLLOW_UP_SUPPORTS,
  FOLLOW_UP_VERDICT_LABELS,
  listIndicators,
  suggestFollowUpIndicators,
  type TFollowUpSupport,
  TIME_ZONE_INFO,
  ZFollowUpCreateInput,
} from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  ConfirmDialog,
  Controller,
  cx,
  EmptyState,
  FieldError,
  FormSelect,
  FormTextArea,
  FormTextField,
  QueryState,
  showApiFieldError,
  TextArea,
  TextField,
  useCurrentUser,
  useFieldError,
  useFormat,
  useLocalized,
  useT,
  useTimeZone,
  useWatch,
  useZodForm,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import '../home/coaching.css';

type Cycle = RouterOutputs['cycles']['get'];
type Plan = RouterOutputs['followUps']['forCycle']['written'][number];

/** The anchor the home's "RTL ... jatuh tempo" links land on. */
export const FOLLOW_UP_ID = 'follow-up';

/**
 * The follow-up plans (RTL) of the teacher whose sheet is open on the cycle page: the plan
 * this cycle checks (written in the cycle before), with each named indicator's score before
 * and after and whether they improved; the plans written from this cycle's sheet; and, for
 * the school's principal, the form to write one (the lowest scores suggested) and the
 * buttons to close one (done, or carried over to the next cycle). Its own component, so
 * the cycle page renders it with one line.
 */
export function FollowUpPanel({
  cycle,
  teacherId,
  teacherName,
}: {
  cycle: Cycle;
  teacherId: string;
  teacherName: string;
}) {
  const t = useT();
  const trpc = useTRPC();
  const me = useCurrentUser();
  const principal = me.role === 'principal';
  const plans = useQuery(trpc.followUps.forCycle.queryOptions({ cycleId: cycle.id }));
  // A saved sheet changes what the plans show (improved or not): read them again whenever
  // the cycle's version moves on.
  const { refetch } = plans;
  const seenVersion = useRef(cycle.version);
  useEffect(() => {
    if (seenVersion.current === cycle.version) return;
    seenVersion.current = cycle.version;
    void refetch();
  }, [cycle.version, refetch]);
  const [writing, setWriting] = useState(false);
  const observation = cycle.observations.find((o) => o.teacherId === teacherId) ?? null;

  return (
    <Card id={FOLLOW_UP_ID} title={t('rtl.title')} description={t('rtl.description')}>
      <QueryState query={plans} inline>
        {(data) => {
          const checking = data.checking.filter((p) => p.teacherId === teacherId);
          const written = data.written.filter((p) => p.teacherId === teacherId);
          return (
            <div className="sk-stack">
              {checking.map((p) => (
                <PlanView key={p.id} plan={p} canClose={principal} />
              ))}
              {written.length > 0 && <h3 className="home-subtitle">{t('rtl.written')}</h3>}
              {written.map((p) => (
                <PlanView key={p.id} plan={p} canClose={principal} />
              ))}
              {checking.length === 0 && written.length === 0 && !writing && (
                <EmptyState title={t('rtl.none', { name: teacherName })} />
              )}
              {principal &&
                (observation === null ? (
                  <p className="sk-muted">{t('rtl.noObservation')}</p>
                ) : writing ? (
                  <FollowUpForm
                    key={teacherId}
                    cycle={cycle}
                    teacherId={teacherId}
                    scores={observation.scores}
                    onDone={() => setWriting(false)}
                  />
                ) : (
                  <div className="sk-row">
                    <Button variant="secondary" onClick={() => setWriting(true)}>
                      {t('rtl.new')}
                    </Button>
                  </div>
                ))}
            </div>
          );
        }}
      </QueryState>
    </Card>
  );
}

function PlanView({ plan, canClose }: { plan: Plan; canClose: boolean }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const [closing, setClosing] = useState<'done' | 'carried' | null>(null);
  const p = plan.progress;
  const cycle = localized(plan.cycleLabel);
  const checkCycle = plan.checkCycleLabel ? localized(plan.checkCycleLabel) : null;
  return (
    <article
      className={cx('rtl-plan', plan.dueState === 'overdue' && 'rtl-plan--overdue')}
      aria-label={t('rtl.checking', { cycle })}
      data-testid="follow-up-plan"
    >
      <div className="rtl-plan__head">
        <strong>{t('rtl.checking', { cycle })}</strong>
        <span className="sk-badge">{localized(plan.statusLabel)}</span>
        <span className={cx(plan.dueState && `rtl-due--${plan.dueState}`)}>
          {t('rtl.dueOnDate', { date: f.date(plan.dueOn) })}
          {plan.dueState === 'overdue' && ` · ${t('rtl.overdue')}`}
          {plan.dueState === 'due-soon' && ` · ${t('rtl.dueSoon')}`}
        </span>
        <span className="sk-muted">
          {t('rtl.support')}: {localized(plan.supportLabel)}
          {plan.supportTeacherName && ` (${plan.supportTeacherName})`}
        </span>
      </div>
      {plan.carriedFromId && <p className="sk-muted">{t('rtl.carriedFrom')}</p>}
      <p className="rtl-plan__actions">{plan.actions}</p>
      {p.indicators.length > 0 && (
        <div className="sk-table-wrap">
          <table className="sk-table">
            <thead>
              <tr>
                <th scope="col">{t('rtl.indicator')}</th>
                <th scope="col">{t('rtl.before', { cycle })}</th>
                {checkCycle && <th scope="col">{t('rtl.after', { cycle: checkCycle })}</th>}
                {checkCycle && <th scope="col">{t('rtl.change')}</th>}
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((i) => (
                <tr key={i.key}>
                  <th scope="row">
                    {i.key} {i.text}
                  </th>
                  <td>{i.before ?? '–'}</td>
                  {checkCycle && <td>{i.after ?? '–'}</td>}
                  {checkCycle && (
                    <td className={cx(i.change && `rtl-change--${i.change}`)}>
                      {i.change ? t(`rtl.change.${i.change}`) : '–'}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p data-testid="follow-up-result">
        {p.after !== null && p.before !== null && p.points !== null
          ? t('rtl.result', {
              before: f.decimal(p.before),
              after: f.decimal(p.after),
              points: f.decimal(p.points),
            })
          : p.before !== null
            ? t('rtl.resultBefore', { before: f.decimal(p.before) })
            : null}{' '}
        <strong>{localized(FOLLOW_UP_VERDICT_LABELS[p.verdict])}</strong>
      </p>
      <p className="sk-muted">
        {plan.status === 'open'
          ? plan.createdByName && t('rtl.by', { name: plan.createdByName })
          : t('rtl.closed', {
              status: localized(plan.statusLabel),
              name: plan.closedByName ?? '–',
              date: f.dateTime(plan.closedAt),
            })}
      </p>
      {plan.closingNote && <p className="rtl-plan__actions">{plan.closingNote}</p>}
      {canClose && plan.status === 'open' && (
        <div className="sk-row">
          <Button variant="secondary" size="sm" onClick={() => setClosing('done')}>
            {t('rtl.close.done')}
          </Button>
          {plan.checkCycleId && (
            <Button variant="ghost" size="sm" onClick={() => setClosing('carried')}>
              {t('rtl.close.carry')}
            </Button>
          )}
        </div>
      )}
      {closing && <ClosePlan plan={plan} outcome={closing} onDone={() => setClosing(null)} />}
    </article>
  );
}

/** The question before a plan closes: a note, and a new due date when it is carried over. */
function ClosePlan({
  plan,
  outcome,
  onDone,
}: {
  plan: Plan;
  outcome: 'done' | 'carried';
  onDone: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [dueOn, setDueOn] = useState('');
  const close = useMutation(
    trpc.followUps.close.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.followUps.forCycle.pathFilter());
        await queryClient.invalidateQueries(trpc.home.get.pathFilter());
        onDone();
      },
    }),
  );
  const confirm = () =>
    close.mutate(
      outcome === 'done'
        ? { followUpId: plan.id, outcome, note: note.trim() || null }
        : { followUpId: plan.id, outcome, note: note.trim() || null, dueOn },
    );
  return (
    <ConfirmDialog
      open
      title={t(outcome === 'done' ? 'rtl.close.doneTitle' : 'rtl.close.carryTitle', {
        name: plan.teacherName,
      })}
      confirmLabel={t('rtl.close.confirm')}
      cancelLabel={t('common.cancel')}
      onConfirm={confirm}
      onCancel={onDone}
      busy={close.isPending}
      footer={<ApiErrorMessage error={close.error} />}
    >
      {outcome === 'carried' && <p>{t('rtl.close.carryBody')}</p>}
      <TextArea
        label={t('rtl.close.note')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {outcome === 'carried' && (
        <TextField
          type="date"
          label={t('rtl.close.newDue')}
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          required
        />
      )}
    </ConfirmDialog>
  );
}

interface FormValues {
  indicatorKeys: string[];
  actions: string;
  support: TFollowUpSupport;
  supportTeacherId: string;
  dueOn: string;
}

const PLAN_FIELDS = ['indicatorKeys', 'actions', 'support', 'supportTeacherId', 'dueOn'] as const;

/** A new plan from the teacher's sheet in this cycle; the lowest scores come pre-picked. */
function FollowUpForm({
  cycle,
  teacherId,
  scores,
  onDone,
}: {
  cycle: Cycle;
  teacherId: string;
  scores: Record<string, number | 'na'> | null;
  onDone: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const localized = useLocalized();
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  const teachers = useQuery(
    trpc.teachers.list.queryOptions({ schoolId: cycle.schoolId, includeInactive: true }),
  );
  const create = useMutation(
    trpc.followUps.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.followUps.forCycle.pathFilter());
        await queryClient.invalidateQueries(trpc.home.get.pathFilter());
        onDone();
      },
    }),
  );
  const indicators = cycle.rubric.mode === 'indicators' ? listIndicators(cycle.rubric) : [];
  const suggested = new Set(suggestFollowUpIndicators(cycle.rubric, scores));
  const form = useZodForm({
    schema: ZFollowUpCreateInput,
    defaultValues: {
      // In the rubric's order, as ticking one keeps them.
      indicatorKeys: indicators.map((i) => i.key).filter((k) => suggested.has(k)),
      actions: '',
      support: 'principal',
      supportTeacherId: '',
      dueOn: '',
    },
    toInput: (v: FormValues) => ({
      cycleId: cycle.id,
      teacherId,
      indicatorKeys: v.indicatorKeys,
      actions: v.actions,
      support: v.support,
      supportTeacherId: v.support === 'peer' ? v.supportTeacherId || null : null,
      dueOn: v.dueOn,
    }),
  });
  const support = useWatch({ control: form.control, name: 'support' });
  const indicatorError = useFieldError(form, 'indicatorKeys');
  const submit = form.handleSubmit((input) =>
    create.mutate(input, { onError: (error) => showApiFieldError(form, error, PLAN_FIELDS) }),
  );
  const peers = (teachers.data ?? []).filter((x) => x.active && x.id !== teacherId);

  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('rtl.new')}>
      {indicators.length > 0 ? (
        <Controller
          control={form.control}
          name="indicatorKeys"
          render={({ field }) => (
            <fieldset className="rtl-indicators" aria-describedby="rtl-indicators-hint">
              <legend>{t('rtl.indicators')}</legend>
              <p id="rtl-indicators-hint" className="sk-muted">
                {t('rtl.indicatorsHint')}
              </p>
              {indicators.map((i) => {
                const score = scores?.[i.key];
                const checked = field.value.includes(i.key);
                return (
                  <label key={i.key} className="rtl-indicator">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() =>
                        field.onChange(
                          checked
                            ? field.value.filter((k) => k !== i.key)
                            : indicators
                                .map((x) => x.key)
                                .filter((k) => k === i.key || field.value.includes(k)),
                        )
                      }
                    />
                    <span>
                      {i.key} {i.text}{' '}
                      <span className="sk-muted">
                        (
                        {score === undefined || score === 'na'
                          ? t('rtl.scoreNa')
                          : t('rtl.score', { score, max: i.scale.max })}
                        {suggested.has(i.key) && `, ${t('rtl.suggested')}`})
                      </span>
                    </span>
                  </label>
                );
              })}
              <FieldError>{indicatorError}</FieldError>
            </fieldset>
          )}
        />
      ) : (
        <p className="sk-muted">{t('rtl.summaryRubric')}</p>
      )}
      <FormTextArea
        form={form}
        name="actions"
        label={t('rtl.actions')}
        hint={t('rtl.actionsHint')}
        rows={3}
        required
      />
      <div className="pts-form-grid">
        <FormSelect
          form={form}
          name="support"
          label={t('rtl.support')}
          required
          options={FOLLOW_UP_SUPPORTS.map((s) => ({
            value: s,
            label: localized(FOLLOW_UP_SUPPORT_LABELS[s]),
          }))}
        />
        {support === 'peer' && (
          <FormSelect
            form={form}
            name="supportTeacherId"
            label={t('rtl.peer')}
            placeholder={t('rtl.peerPick')}
            required
            options={peers.map((x) => ({ value: x.id, label: x.name }))}
          />
        )}
        <FormTextField
          form={form}
          name="dueOn"
          type="date"
          label={t('rtl.dueOn')}
          hint={zone ? t('rtl.dueOnHint', { zone: TIME_ZONE_INFO[zone].abbreviation }) : undefined}
          required
        />
      </div>
      <ApiErrorMessage error={create.error} inlineFields={PLAN_FIELDS} />
      <div className="sk-row">
        <Button type="submit" loading={create.isPending}>
          {t('rtl.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
