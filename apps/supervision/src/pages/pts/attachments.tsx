import { type RouterOutputs, uploadFile, useTRPC } from '@siklus/client';
import { ATTACHMENT_ACCEPT, formatBytes, STAGES, type TAttachmentTarget } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  ConfirmDialog,
  msg,
  type TMessage,
  useFormat,
  useMessageText,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { attachmentUrls } from '../../export-urls';

/*
 * Evidence files of a cycle (issue 17, decision 020): one list per stage and one per
 * teacher's sheet, all from one `attachments.list` query. The principal adds files while
 * the cycle is a draft or returned (a file picker, and on a phone the camera) and deletes
 * them; everyone else, and every submitted or approved cycle, sees them read-only. The
 * server decides (`editable`); this only mirrors it.
 */

type AttachmentList = RouterOutputs['attachments']['list'];
type Attachment = AttachmentList['attachments'][number];

function matches(a: Attachment, target: TAttachmentTarget) {
  return 'stage' in target ? a.stage === target.stage : a.teacherId === target.teacherId;
}

function useAttachments(cycleId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.attachments.list.queryOptions({ cycleId }));
}

/** The four stages' attachments, in one card below the stage notes. */
export function StageAttachments({ cycleId }: { cycleId: string }) {
  const t = useT();
  const list = useAttachments(cycleId);
  return (
    <Card title={t('evidence.stages.title')} description={t('evidence.stages.description')}>
      {list.data && <LimitsNote list={list.data} />}
      <div className="pts-stages">
        {STAGES.map((stage) => (
          <section key={stage} className="pts-stage" data-testid={`evidence-${stage}`}>
            <h3 className="pts-stage__title">{t(`pts.stage.${stage}`)}</h3>
            <AttachmentItems cycleId={cycleId} target={{ stage }} list={list.data} />
          </section>
        ))}
      </div>
    </Card>
  );
}

/** One teacher's sheet's attachments (rendered inside the observation sheet). */
export function SheetAttachments({
  cycleId,
  teacherId,
  teacherName,
}: {
  cycleId: string;
  teacherId: string;
  teacherName: string;
}) {
  const t = useT();
  const list = useAttachments(cycleId);
  return (
    <section className="evidence-sheet" data-testid="evidence-sheet">
      <h3 className="pts-stage__title">{t('evidence.sheet.title', { name: teacherName })}</h3>
      {list.data?.editable && <LimitsNote list={list.data} />}
      <AttachmentItems cycleId={cycleId} target={{ teacherId }} list={list.data} />
    </section>
  );
}

function LimitsNote({ list }: { list: AttachmentList }) {
  const t = useT();
  const f = useFormat();
  if (!list.editable) {
    return list.locked ? <p className="sk-muted">{t('evidence.locked')}</p> : null;
  }
  return (
    <p className="sk-muted evidence-limits">
      {t('evidence.limits', {
        file: formatBytes(list.usage.fileLimitBytes, f.lang),
        used: formatBytes(list.usage.studyBytes, f.lang),
        study: formatBytes(list.usage.studyLimitBytes, f.lang),
      })}
    </p>
  );
}

function AttachmentItems({
  cycleId,
  target,
  list,
}: {
  cycleId: string;
  target: TAttachmentTarget;
  list: AttachmentList | undefined;
}) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<Attachment | null>(null);
  const [notice, setNotice] = useState<TMessage | null>(null);
  const say = useMessageText();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.attachments.list.queryKey({ cycleId }) });
  const remove = useMutation(
    trpc.attachments.delete.mutationOptions({
      onSuccess: async (done) => {
        setConfirm(null);
        setNotice(msg('evidence.deleted', { name: done.fileName }));
        await refresh();
      },
    }),
  );
  if (!list) return null;
  const items = list.attachments.filter((a) => matches(a, target));
  return (
    <div className="evidence">
      {items.length === 0 ? (
        <p className="sk-muted">{t('evidence.empty')}</p>
      ) : (
        <ul className="evidence__list">
          {items.map((a) => (
            <li key={a.id} className="evidence__item">
              {a.hasThumbnail ? (
                <img
                  className="evidence__thumb"
                  src={attachmentUrls.thumbnail(a.id)}
                  alt={t('evidence.thumbAlt', { name: a.fileName })}
                  loading="lazy"
                />
              ) : (
                <span className="evidence__thumb evidence__thumb--doc" aria-hidden="true">
                  {t(`evidence.kind.${a.kind}`)}
                </span>
              )}
              <div className="evidence__body">
                <a href={attachmentUrls.original(a.id)} download className="evidence__name">
                  {a.fileName}
                </a>
                <span className="sk-muted evidence__meta">
                  {t('evidence.meta', {
                    size: formatBytes(a.sizeBytes, f.lang),
                    by: a.uploadedBy ?? '–',
                    at: f.dateTime(a.createdAt),
                  })}
                </span>
              </div>
              {list.editable && (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    remove.reset();
                    setConfirm(a);
                  }}
                >
                  {t('evidence.delete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <p className="sk-muted" role="status">
          {say(notice)}
        </p>
      )}
      {list.editable && (
        <Uploader
          cycleId={cycleId}
          target={target}
          onUploaded={async (name) => {
            setNotice(msg('evidence.uploaded', { name }));
            await refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={t('evidence.deleteTitle', { name: confirm?.fileName ?? '' })}
        confirmLabel={t('evidence.delete')}
        cancelLabel={t('common.cancel')}
        confirmVariant="danger"
        onConfirm={() => confirm && remove.mutate({ attachmentId: confirm.id })}
        onCancel={() => setConfirm(null)}
        busy={remove.isPending}
        footer={<ApiErrorMessage error={remove.error} />}
      >
        <p>{t('evidence.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

/** A file picker and, for phones, a camera button; progress while sending. */
function Uploader({
  cycleId,
  target,
  onUploaded,
}: {
  cycleId: string;
  target: TAttachmentTarget;
  onUploaded: (fileName: string) => Promise<void>;
}) {
  const t = useT();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const send = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    setProgress({ name: file.name, percent: 0 });
    try {
      const row = await uploadFile(attachmentUrls.upload(cycleId, target), file, file.name, (p) =>
        setProgress({ name: file.name, percent: Math.round(p * 100) }),
      );
      const kept =
        typeof row === 'object' &&
        row !== null &&
        'fileName' in row &&
        typeof row.fileName === 'string'
          ? row.fileName
          : file.name;
      await onUploaded(kept);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="evidence__upload">
      <div className="sk-row">
        <input
          ref={fileRef}
          id={`${inputId}-file`}
          type="file"
          accept={ATTACHMENT_ACCEPT}
          className="evidence__input"
          aria-label={t('evidence.upload')}
          onChange={(e) => void send(e.currentTarget)}
          disabled={progress !== null}
        />
        <input
          ref={cameraRef}
          id={`${inputId}-camera`}
          type="file"
          accept="image/*"
          capture="environment"
          className="evidence__input"
          aria-label={t('evidence.camera')}
          onChange={(e) => void send(e.currentTarget)}
          disabled={progress !== null}
        />
        <Button
          variant="secondary"
          size="sm"
          onClick={() => fileRef.current?.click()}
          disabled={progress !== null}
        >
          {t('evidence.upload')}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => cameraRef.current?.click()}
          disabled={progress !== null}
        >
          {t('evidence.camera')}
        </Button>
      </div>
      {progress && (
        <div role="status" className="evidence__progress">
          <progress max={100} value={progress.percent} />
          <span className="sk-muted">
            {t('evidence.uploading', { name: progress.name, percent: progress.percent })}
          </span>
        </div>
      )}
      <ApiErrorMessage error={error} />
    </div>
  );
}
