import type { RouterOutputs } from '@siklus/client';
import {
  type TBandSet,
  type TRubricDefinition,
  type TSuccessCriteria,
  ZBandSet,
} from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  ConfirmDialog,
  type DraftFormHandle,
  ErrorState,
  integerIn,
  LoadingState,
  msg,
  PageHeader,
  RubricSheet,
  serverIssue,
  TextArea,
  TextField,
  type TMessage,
  UnsavedChangesGuard,
  useFormat,
  useLang,
  useMessageText,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, type Ref, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate, useParams } from 'react-router';
import { BandEditor } from '../bands/band-editor';
import { BandImpact } from '../bands/band-impact';
import { CriteriaComposer } from '../criteria/criteria-composer';
import { RubricEditor } from '../rubrics/rubric-editor';
import { VersionStatus } from './config-list-page';
import { type ConfigKindId, downloadJson, fileNameFor, KINDS } from './kinds';
import { useConfigApi } from './use-config-api';

type Version = RouterOutputs['config']['rubrics']['get'];

/** `/rubrics/new` and `/rubrics/:versionId` (and the same for bands and criteria). */
export function ConfigVersionRoute({ kind }: { kind: ConfigKindId }) {
  const { versionId } = useParams();
  const { api } = useConfigApi(kind);
  const isNew = !versionId || versionId === 'new';
  const version = useQuery({
    ...api.get.queryOptions({ versionId: versionId ?? '' }),
    enabled: !isNew,
  });
  if (isNew) return <ConfigVersionPage key="new" kind={kind} version={null} />;
  if (version.isPending) return <LoadingState />;
  if (version.isError) {
    return <ErrorState error={version.error} onRetry={() => void version.refetch()} />;
  }
  return <ConfigVersionPage key={version.data.id} kind={kind} version={version.data} />;
}

function ConfigVersionPage({ kind, version }: { kind: ConfigKindId; version: Version | null }) {
  const spec = KINDS[kind];
  const t = useT();
  const f = useFormat();
  const { lang } = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { trpc, api } = useConfigApi(kind);
  const editable = version === null || version.editable;
  const [name, setName] = useState(version?.name ?? '');
  const [description, setDescription] = useState(version?.description ?? '');
  const [payload, setPayload] = useState<unknown>(() => version?.payload ?? spec.empty());
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<TMessage | null>(null);
  const say = useMessageText();
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [duplicateName, setDuplicateName] = useState<string | null>(null);
  const [bandSetVersionId, setBandSetVersionId] = useState('');
  const items = useQuery(api.list.queryOptions());
  const item = items.data?.find((i) => i.id === version?.itemId);

  const refresh = () => queryClient.invalidateQueries(trpc.config.pathFilter());
  // Leaving on purpose (to the draft just created or copied, or away from a deleted one)
  // drops the unsaved-changes guard first, so it does not ask about what was just handled.
  const leave = (to: string) => {
    flushSync(() => setDirty(false));
    navigate(to);
  };
  const go = (versionId: string) => leave(`${spec.path}/${versionId}`);
  const criteriaExtra =
    kind === 'criteriaSets' && bandSetVersionId ? { bandSetVersionId } : undefined;

  const create = useMutation(
    api.create.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        go(created.versionId);
      },
    }),
  );
  const update = useMutation(api.updateDraft.mutationOptions());
  const publish = useMutation(api.publish.mutationOptions());
  const newVersion = useMutation(
    api.newVersion.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        go(created.versionId);
      },
    }),
  );
  const duplicate = useMutation(
    api.duplicate.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        go(created.versionId);
      },
    }),
  );
  const remove = useMutation(
    api.deleteDraft.mutationOptions({
      onSuccess: async (_result, { versionId }) => {
        // The draft is gone: asking for it again would only be refused (and the server
        // records a refusal for every such ask), so its queries are dropped, not refetched.
        const ofDeleted = (key: readonly unknown[]) => JSON.stringify(key).includes(versionId);
        setConfirmDelete(false);
        leave(spec.path);
        queryClient.removeQueries({ predicate: (q) => ofDeleted(q.queryKey) });
        await queryClient.invalidateQueries({
          ...trpc.config.pathFilter(),
          predicate: (q) => !ofDeleted(q.queryKey),
        });
      },
    }),
  );
  const exported = useMutation({
    mutationFn: (versionId: string) =>
      queryClient.fetchQuery(api.export.queryOptions({ versionId })),
    onSuccess: (doc) => downloadJson(fileNameFor(doc.name, version?.version ?? 1), doc),
  });

  const saveError = create.error ?? update.error ?? publish.error;
  const payloadIssue = serverIssue(saveError, 'payload');
  // The payload is checked by its editor when it is saved, which points at the first problem.
  const valid = name.trim() !== '';
  const busy = create.isPending || update.isPending || publish.isPending;
  const payloadEditor = useRef<DraftFormHandle>(null);
  /** The editors on react-hook-form check their draft themselves and focus its first problem. */
  const payloadChecked = async () => (await payloadEditor.current?.check()) ?? true;

  const edit = (next: unknown) => {
    setPayload(next);
    setDirty(true);
    setNotice(null);
  };

  const save = async (): Promise<boolean> => {
    setNotice(null);
    if (!(await payloadChecked())) return false;
    if (!version) {
      create.mutate({
        name,
        description: description || null,
        payload,
        ...criteriaExtra,
      } as Parameters<typeof create.mutate>[0]);
      return false;
    }
    await update.mutateAsync({
      versionId: version.id,
      name,
      description: description || null,
      payload,
      ...criteriaExtra,
    } as Parameters<typeof update.mutateAsync>[0]);
    setDirty(false);
    await refresh();
    setNotice(msg('adm.config.saved'));
    return true;
  };

  const doPublish = async () => {
    if (!version) return;
    try {
      if (dirty || name !== version.name) await save();
      const published = await publish.mutateAsync({ versionId: version.id });
      setConfirmPublish(false);
      await refresh();
      setNotice(
        published.moved && published.moved.studiesMoved > 0
          ? msg('adm.config.movedNotice', {
              version: version.version,
              studies: integerIn(published.moved.studiesMoved),
              observations: integerIn(published.moved.observationsChanged),
            })
          : msg('adm.config.publishedNotice', { version: version.version }),
      );
    } catch {
      // The error is shown by ApiErrorMessage / next to its field.
    }
  };

  const title = version ? `${version.name} · v${version.version}` : t(spec.newLabel);

  return (
    <>
      <PageHeader
        eyebrow={<Link to={spec.path}>← {t(spec.title)}</Link>}
        title={title}
        description={
          version ? (
            <span className="adm-version-meta">
              <VersionStatus status={version.status} />{' '}
              {version.status === 'published'
                ? t('adm.config.publishedOn', {
                    date: f.date(version.publishedAt),
                  })
                : t('adm.config.draftNote')}
              {' · '}
              {t('adm.config.studies', { count: f.integer(version.inUse) })}
            </span>
          ) : (
            t('adm.config.newNote')
          )
        }
        actions={
          version && (
            <>
              {item && item.versions.length > 1 && (
                <select
                  className="sk-input sk-input--sm adm-version-select"
                  aria-label={t('adm.config.otherVersions')}
                  value={version.id}
                  onChange={(e) => go(e.target.value)}
                >
                  {item.versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      v{v.version} ·{' '}
                      {v.status === 'draft' ? t('adm.config.draft') : t('adm.config.published')}
                    </option>
                  ))}
                </select>
              )}
              <Button
                variant="secondary"
                loading={exported.isPending}
                onClick={() => exported.mutate(version.id)}
              >
                {t('adm.config.export')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => setDuplicateName(`${version.name} (${t('adm.config.copy')})`)}
              >
                {t('adm.config.duplicate')}
              </Button>
              {!version.editable && (
                <Button
                  loading={newVersion.isPending}
                  onClick={() => newVersion.mutate({ versionId: version.id })}
                >
                  {t('adm.config.newVersion')}
                </Button>
              )}
            </>
          )
        }
      />
      {notice && (
        <div className="sk-alert sk-alert--info adm-notice" role="status">
          <p className="sk-alert__message">{say(notice)}</p>
        </div>
      )}
      <ApiErrorMessage
        error={newVersion.error ?? duplicate.error ?? exported.error}
        className="adm-notice"
      />
      {version && !version.editable && (
        <div className="sk-alert sk-alert--info adm-notice">
          <p className="sk-alert__message">{t('adm.config.readOnly')}</p>
        </div>
      )}
      {duplicateName !== null && version && (
        <Card className="adm-panel" title={t('adm.config.duplicateTitle')}>
          <form
            className="sk-form"
            onSubmit={(e) => {
              e.preventDefault();
              duplicate.mutate({ versionId: version.id, name: duplicateName });
            }}
          >
            <TextField
              label={t('adm.config.duplicateName')}
              value={duplicateName}
              onChange={(e) => setDuplicateName(e.target.value)}
              error={
                serverIssue(duplicate.error)?.field === 'name'
                  ? serverIssue(duplicate.error)?.messages[lang]
                  : undefined
              }
            />
            <div className="sk-row">
              <Button type="submit" loading={duplicate.isPending}>
                {t('adm.config.duplicate')}
              </Button>
              <Button variant="ghost" onClick={() => setDuplicateName(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </Card>
      )}
      <Card className="adm-panel" title={t('adm.config.about')}>
        <div className="adm-form-grid">
          <TextField
            label={t('adm.config.name')}
            required
            value={name}
            readOnly={!editable}
            onChange={(e) => {
              setName(e.target.value);
              setDirty(true);
            }}
            error={
              editable && name.trim() === '' && dirty
                ? t('adm.config.nameRequired')
                : serverIssue(saveError)?.field === 'name'
                  ? serverIssue(saveError)?.messages[lang]
                  : undefined
            }
          />
          <TextArea
            label={t('adm.config.description')}
            rows={2}
            value={description}
            readOnly={!editable}
            onChange={(e) => {
              setDescription(e.target.value);
              setDirty(true);
            }}
          />
        </div>
      </Card>

      {kind === 'rubrics' && (
        <RubricBody
          payload={payload as TRubricDefinition}
          editable={editable}
          onChange={edit}
          issue={payloadIssue}
          handle={payloadEditor}
        />
      )}
      {kind === 'bandSets' && (
        <div className="adm-two-col">
          <Card title={t('adm.bands.title')}>
            <BandEditor
              value={payload as TBandSet}
              onChange={edit}
              readOnly={!editable}
              serverError={payloadIssue}
              handle={payloadEditor}
            />
          </Card>
          {editable && <BandImpact versionId={version?.id ?? null} bands={payload as TBandSet} />}
        </div>
      )}
      {kind === 'criteriaSets' && (
        <CriteriaBody
          payload={payload as TSuccessCriteria}
          editable={editable}
          onChange={edit}
          issue={payloadIssue}
          bandSetVersionId={bandSetVersionId}
          onBandSetVersionId={setBandSetVersionId}
          handle={payloadEditor}
        />
      )}

      {version && (
        <ConfirmDialog
          open={confirmDelete}
          title={t('adm.config.deleteDraftTitle', { name: version.name })}
          confirmLabel={t('adm.config.deleteDraftConfirm')}
          cancelLabel={t('common.cancel')}
          confirmVariant="danger"
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ versionId: version.id })}
          onCancel={() => setConfirmDelete(false)}
          footer={<ApiErrorMessage error={remove.error} />}
        >
          <p>{t('adm.config.deleteDraftBody')}</p>
          {dirty && <p>{t('adm.config.deleteDraftUnsaved')}</p>}
        </ConfirmDialog>
      )}
      <UnsavedChangesGuard dirty={dirty && editable} />
      {editable && (
        <div className="adm-savebar">
          <ApiErrorMessage
            error={saveError}
            inlineFields={payloadIssue ? [`payload.${payloadIssue.field}`, 'name'] : ['name']}
          />
          {confirmPublish && version ? (
            <PublishConfirm
              kind={kind}
              versionId={version.id}
              payload={payload}
              busy={busy}
              onCancel={() => setConfirmPublish(false)}
              onConfirm={doPublish}
            />
          ) : (
            <div className="sk-row">
              <Button
                variant="secondary"
                loading={create.isPending || update.isPending}
                disabled={!valid}
                onClick={() => void save().catch(() => {})}
              >
                {version ? t('adm.config.saveDraft') : t('adm.config.createDraft')}
              </Button>
              {version && (
                <Button
                  disabled={!valid}
                  onClick={() =>
                    void payloadChecked().then((ok) => {
                      if (ok) setConfirmPublish(true);
                    })
                  }
                >
                  {t('adm.config.publish')}
                </Button>
              )}
              {version && (
                <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
                  {t('adm.config.deleteDraft')}
                </Button>
              )}
              {!valid && <span className="sk-muted">{t('adm.config.fixToSave')}</span>}
              {valid && dirty && version && (
                <span className="sk-muted">{t('adm.config.unsaved')}</span>
              )}
            </div>
          )}
        </div>
      )}
    </>
  );
}

function PublishConfirm({
  kind,
  versionId,
  payload,
  busy,
  onCancel,
  onConfirm,
}: {
  kind: ConfigKindId;
  versionId: string;
  payload: unknown;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  let body: ReactNode = t('adm.config.publishBody');
  if (kind === 'bandSets') {
    body = (
      <>
        {t('adm.config.publishBody')}{' '}
        <BandImpactSummary versionId={versionId} bands={payload as TBandSet} />
      </>
    );
  }
  return (
    <div
      className="sk-alert sk-alert--info adm-confirm"
      role="alertdialog"
      aria-label={t('adm.config.publishTitle')}
    >
      <p className="sk-alert__message">{t('adm.config.publishTitle')}</p>
      <p>{body}</p>
      <div className="sk-row">
        <Button loading={busy} onClick={onConfirm}>
          {t('adm.config.publishConfirm')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

function BandImpactSummary({ versionId, bands }: { versionId: string; bands: TBandSet }) {
  const t = useT();
  const f = useFormat();
  const { trpc } = useConfigApi('bandSets');
  const valid = ZBandSet.safeParse(bands).success;
  const preview = useQuery({
    ...trpc.config.bandSets.preview.queryOptions({ versionId, bands: bands.bands }),
    enabled: valid,
  });
  if (!preview.data) return null;
  const { totals, schools } = preview.data;
  if (totals.studies === 0) return <>{t('adm.impact.unused')}</>;
  return (
    <>
      {t('adm.impact.summary', {
        studies: f.integer(totals.studies),
        observations: f.integer(totals.observationsChanged),
        means: f.integer(totals.cycleMeansChanged),
        schools: f.integer(
          schools.filter((s) => s.observationsChanged + s.cycleMeansChanged > 0).length,
        ),
      })}
    </>
  );
}

function RubricBody({
  payload,
  editable,
  onChange,
  issue,
  handle,
}: {
  payload: TRubricDefinition;
  editable: boolean;
  onChange: (next: unknown) => void;
  issue: ReturnType<typeof serverIssue>;
  handle: Ref<DraftFormHandle>;
}) {
  const t = useT();
  const { trpc } = useConfigApi('bandSets');
  // The preview classifies with the district's first published band set, as a principal's study would.
  const bandSets = useQuery(trpc.config.bandSets.list.queryOptions());
  const firstPublished = bandSets.data
    ?.flatMap((b) => b.versions)
    .find((v) => v.status === 'published');
  const bandSet = useQuery({
    ...trpc.config.bandSets.get.queryOptions({ versionId: firstPublished?.id ?? '' }),
    enabled: !!firstPublished,
  });
  // The config API returns payloads untyped (one router for every kind); parse rather than assume.
  const bands = ZBandSet.safeParse(bandSet.data?.payload).data;
  if (payload.mode === 'summary') {
    return (
      <Card title={t('adm.rubric.preview')}>
        <RubricSheet definition={payload} scores={{}} readOnly />
      </Card>
    );
  }
  return (
    <RubricEditor
      value={payload}
      onChange={onChange}
      readOnly={!editable}
      serverError={issue}
      bandSet={bands}
      handle={handle}
    />
  );
}

function CriteriaBody({
  payload,
  editable,
  onChange,
  issue,
  bandSetVersionId,
  onBandSetVersionId,
  handle,
}: {
  payload: TSuccessCriteria;
  editable: boolean;
  onChange: (next: unknown) => void;
  issue: ReturnType<typeof serverIssue>;
  bandSetVersionId: string;
  onBandSetVersionId: (id: string) => void;
  handle: Ref<DraftFormHandle>;
}) {
  const t = useT();
  const { trpc } = useConfigApi('bandSets');
  const bandSets = useQuery(trpc.config.bandSets.list.queryOptions());
  const published = useMemo(
    () =>
      (bandSets.data ?? []).flatMap((b) =>
        b.versions
          .filter((v) => v.status === 'published')
          .map((v) => ({ id: v.id, label: `${b.name} · v${v.version}` })),
      ),
    [bandSets.data],
  );
  const chosen = bandSetVersionId || published[0]?.id || '';
  useEffect(() => {
    if (!bandSetVersionId && published[0]) onBandSetVersionId(published[0].id);
  }, [bandSetVersionId, published, onBandSetVersionId]);
  const bandSet = useQuery({
    ...trpc.config.bandSets.get.queryOptions({ versionId: chosen }),
    enabled: !!chosen,
  });
  const labels = (ZBandSet.safeParse(bandSet.data?.payload).data?.bands ?? []).map((b) => b.label);
  return (
    <Card title={t('adm.criteria.title')} description={t('adm.criteria.description')}>
      <div className="sk-stack">
        <div className="adm-form-grid">
          <div className="sk-field">
            <label className="sk-field__label" htmlFor="criteria-band-set">
              {t('adm.criteria.bandSet')}
            </label>
            <select
              id="criteria-band-set"
              className="sk-input sk-select"
              value={chosen}
              onChange={(e) => onBandSetVersionId(e.target.value)}
            >
              {published.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <CriteriaComposer
          value={payload}
          onChange={onChange}
          bandLabels={labels}
          readOnly={!editable}
          serverError={issue}
          handle={handle}
        />
      </div>
    </Card>
  );
}
