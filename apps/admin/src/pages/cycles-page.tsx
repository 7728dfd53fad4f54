import { appErrorOf, type RouterOutputs, useTRPC } from '@siklus/client';
import { ZCycleReopenInput, ZStudyReopenInput } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  FormTextArea,
  LoadingState,
  msg,
  PageHeader,
  StatusBadge,
  StudyClosure,
  showApiFieldError,
  TableScroll,
  type TMessage,
  useFormat,
  useLocalized,
  useMessageText,
  useT,
  useZodForm,
  type ZodForm,
} from '@siklus/ui';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SchoolPicker } from '../components/school-picker';

type Study = RouterOutputs['studies']['get'];
type Cycle = Study['cycles'][number];

/**
 * An approved cycle is locked (docs/decisions/005-cycle-workflow.md). When a principal finds
 * a mistake in one, the administrator reopens it with a reason: the cycle goes back to the
 * principal as "returned", the reason shows as the review comment, and the move is audited.
 * The school is chosen by search (up to 2,000 per district) and kept in the URL.
 */
export function CyclesPage() {
  const t = useT();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const schoolId = params.get('schoolId') ?? '';
  const [notice, setNotice] = useState<TMessage | null>(null);
  const say = useMessageText();
  const school = useQuery(trpc.schools.get.queryOptions(schoolId ? { schoolId } : skipToken));
  const studies = useQuery(trpc.studies.list.queryOptions(schoolId ? { schoolId } : skipToken));

  return (
    <>
      <PageHeader title={t('adm.section.cycles')} description={t('adm.cycles.description')} />
      <div className="sk-stack">
        <Card>
          <SchoolPicker
            label={t('adm.cycles.school')}
            placeholder={t('adm.cycles.pickSchool')}
            value={schoolId}
            selected={school.data ? { id: school.data.id, name: school.data.name } : null}
            onChange={(id) => {
              setNotice(null);
              setParams(id ? { schoolId: id } : {});
            }}
          />
        </Card>
        {notice && (
          <div className="sk-alert sk-alert--info adm-notice" role="status">
            <p className="sk-alert__message">{say(notice)}</p>
          </div>
        )}
        {!schoolId ? (
          <EmptyState title={t('adm.cycles.none')}>{t('adm.cycles.noneBody')}</EmptyState>
        ) : studies.isPending ? (
          <LoadingState />
        ) : studies.isError ? (
          <ErrorState error={studies.error} onRetry={() => void studies.refetch()} />
        ) : studies.data.length === 0 ? (
          <EmptyState title={t('adm.cycles.noStudies')} />
        ) : (
          studies.data.map((s) => (
            <StudyCycles
              key={s.id}
              studyId={s.id}
              schoolName={school.data?.name ?? ''}
              onReopened={setNotice}
            />
          ))
        )}
      </div>
    </>
  );
}

function StudyCycles({
  studyId,
  schoolName,
  onReopened,
}: {
  studyId: string;
  schoolName: string;
  onReopened: (message: TMessage) => void;
}) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const trpc = useTRPC();
  const study = useQuery(trpc.studies.get.queryOptions({ studyId }));
  const [reopening, setReopening] = useState<Cycle | null>(null);
  const [reopeningStudy, setReopeningStudy] = useState(false);

  if (study.isPending) return <LoadingState inline />;
  if (study.isError) return <ErrorState error={study.error} onRetry={() => void study.refetch()} />;
  const s = study.data;
  const caption = t('adm.cycles.caption', { title: s.title });
  return (
    <Card title={s.title} description={s.schoolYear} flush>
      <TableScroll label={caption}>
        <table className="sk-table sk-table--dense sk-table--stack">
          <caption className="sk-visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adm.cycles.cycle')}</th>
              <th scope="col">{t('adm.cycles.status')}</th>
              <th scope="col" className="sk-num">
                {t('adm.cycles.n')}
              </th>
              <th scope="col" className="sk-num">
                {t('adm.cycles.mean')}
              </th>
              <th scope="col">
                <span className="sk-visually-hidden">{t('adm.cycles.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.cycles.map((c) => (
              <tr key={c.id}>
                <th scope="row">{local(c.label)}</th>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td className="sk-num">{c.n}</td>
                <td className="sk-num">{c.mean === null ? '–' : f.decimal(c.mean)}</td>
                <td>
                  {c.allowedActions.includes('reopen') && (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t('adm.cycles.reopenOne', { cycle: local(c.label) })}
                      onClick={() => setReopening(c)}
                    >
                      {t('adm.cycles.reopen')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <StudyClosure
        study={s}
        actions={
          s.closed ? (
            <Button size="sm" variant="secondary" onClick={() => setReopeningStudy(true)}>
              {t('closing.reopen.button')}
            </Button>
          ) : undefined
        }
      />
      {reopeningStudy && (
        <ReopenStudyDialog
          study={s}
          onClose={() => setReopeningStudy(false)}
          onDone={(message) => {
            setReopeningStudy(false);
            onReopened(message);
          }}
        />
      )}
      {reopening && (
        <ReopenDialog
          study={s}
          cycle={reopening}
          schoolName={schoolName}
          onClose={() => setReopening(null)}
          onDone={(message) => {
            setReopening(null);
            onReopened(message);
          }}
        />
      )}
    </Card>
  );
}

function ReopenDialog({
  study,
  cycle,
  schoolName,
  onClose,
  onDone,
}: {
  study: Study;
  cycle: Cycle;
  schoolName: string;
  onClose: () => void;
  onDone: (message: TMessage) => void;
}) {
  const t = useT();
  const local = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const label = local(cycle.label);
  const form = useZodForm({
    schema: ZCycleReopenInput,
    defaultValues: { reason: '' },
    toInput: (v: { reason: string }) => ({
      cycleId: cycle.id,
      version: cycle.version,
      reason: v.reason,
    }),
  });
  const refresh = () =>
    queryClient.invalidateQueries(trpc.studies.get.queryFilter({ studyId: study.id }));
  const reopen = useMutation(
    trpc.review.reopen.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(
          msg('adm.cycles.reopened', { cycle: cycle.label, school: schoolName || study.title }),
        );
      },
      // Someone moved the cycle meanwhile: the table behind the dialog shows its new state.
      onError: (error) => {
        if (appErrorOf(error)?.code === 'CONFLICT') void refresh();
      },
    }),
  );
  const conflict = appErrorOf(reopen.error)?.code === 'CONFLICT';
  return (
    <ReasonDialog
      form={form}
      mutation={reopen}
      title={t('adm.cycles.reopenTitle', { cycle: label })}
      confirmLabel={t('adm.cycles.reopenConfirm')}
      onClose={onClose}
      footer={
        conflict ? (
          <div className="sk-alert sk-alert--error" role="alert">
            <p className="sk-alert__message">{t('adm.cycles.conflict')}</p>
          </div>
        ) : undefined
      }
      body={t('adm.cycles.reopenBody', { title: study.title })}
      reasonLabel={t('adm.cycles.reason')}
      reasonHint={t('adm.cycles.reasonHint')}
    />
  );
}

/** An admin reopens a closed study with a reason, kept in the study's history. */
function ReopenStudyDialog({
  study,
  onClose,
  onDone,
}: {
  study: Study;
  onClose: () => void;
  onDone: (message: TMessage) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm({
    schema: ZStudyReopenInput,
    defaultValues: { reason: '' },
    toInput: (v: { reason: string }) => ({ studyId: study.id, reason: v.reason }),
  });
  const reopen = useMutation(
    trpc.studies.reopen.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.studies.get.queryFilter({ studyId: study.id }));
        onDone(msg('closing.reopen.done', { title: study.title }));
      },
    }),
  );
  return (
    <ReasonDialog
      form={form}
      mutation={reopen}
      title={t('closing.reopen.title', { title: study.title })}
      confirmLabel={t('closing.reopen.confirm')}
      onClose={onClose}
      body={t('closing.reopen.body')}
      reasonLabel={t('closing.reopen.reason')}
    />
  );
}

/**
 * An admin's reopening (of a cycle or of a closed study): a danger confirmation that asks
 * for the reason kept in the history; the API's refusal of the reason shows under it.
 */
function ReasonDialog<TInput>({
  form,
  mutation,
  title,
  confirmLabel,
  onClose,
  footer,
  body,
  reasonLabel,
  reasonHint,
}: {
  form: ZodForm<{ reason: string }, TInput>;
  mutation: {
    isPending: boolean;
    error: unknown;
    mutate: (input: TInput, options: { onError: (error: unknown) => void }) => void;
  };
  title: string;
  confirmLabel: string;
  onClose: () => void;
  /** In place of the API's refusal (a conflict explained). */
  footer?: ReactNode;
  body: string;
  reasonLabel: string;
  reasonHint?: string;
}) {
  const t = useT();
  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={t('common.cancel')}
      confirmVariant="danger"
      busy={mutation.isPending}
      onCancel={onClose}
      onConfirm={form.handleSubmit((input) =>
        mutation.mutate(input, {
          onError: (error) => showApiFieldError(form, error, ['reason']),
        }),
      )}
      footer={footer ?? <ApiErrorMessage error={mutation.error} inlineFields={['reason']} />}
    >
      <p>{body}</p>
      <FormTextArea form={form} name="reason" label={reasonLabel} hint={reasonHint} rows={3} />
    </ConfirmDialog>
  );
}
