import type { RouterOutputs } from '@siklus/client';
import {
  ApiErrorMessage,
  Button,
  Card,
  type DataTableColumn,
  PageHeader,
  QueryTable,
  useFormat,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type ConfigKindId, KINDS } from './kinds';
import { useConfigApi } from './use-config-api';

type Item = RouterOutputs['config']['rubrics']['list'][number];

/** Every rubric (or band set, or criteria set) with its versions and how many studies use them. */
export function ConfigListPage({ kind }: { kind: ConfigKindId }) {
  const spec = KINDS[kind];
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { trpc, api } = useConfigApi(kind);
  const items = useQuery(api.list.queryOptions());
  const fileRef = useRef<HTMLInputElement>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const importDoc = useMutation(
    api.import.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.config.pathFilter());
        navigate(`${spec.path}/${created.versionId}`);
      },
    }),
  );

  const columns = useMemo<DataTableColumn<Item>[]>(
    () => [
      {
        accessorKey: 'name',
        header: t('adm.config.name'),
        cell: ({ row }) => {
          const latest = row.original.versions[0];
          return (
            <div>
              {latest ? (
                <Link className="adm-item-link" to={`${spec.path}/${latest.id}`}>
                  {row.original.name}
                </Link>
              ) : (
                row.original.name
              )}
              {row.original.description && (
                <div className="sk-muted adm-item-desc">{row.original.description}</div>
              )}
            </div>
          );
        },
      },
      {
        id: 'versions',
        header: t('adm.config.versions'),
        enableSorting: false,
        cell: ({ row }) => (
          <ul className="adm-versions">
            {row.original.versions.map((v) => (
              <li key={v.id}>
                <Link to={`${spec.path}/${v.id}`} className="adm-version-chip">
                  <span>v{v.version}</span>
                  <VersionStatus status={v.status} />
                  {v.inUse > 0 && (
                    <span className="adm-version-chip__use">
                      {t('adm.config.inUseShort', { count: f.integer(v.inUse) })}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        ),
      },
      {
        accessorKey: 'inUse',
        header: t('adm.config.inUse'),
        cell: ({ getValue }) => t('adm.config.studies', { count: f.integer(getValue()) }),
        meta: { numeric: true },
      },
      {
        id: 'created',
        accessorFn: (i) => String(i.createdAt),
        header: t('adm.config.created'),
        cell: ({ row }) => <span className="sk-nowrap">{f.date(row.original.createdAt)}</span>,
      },
    ],
    [t, f, spec.path],
  );

  return (
    <>
      <PageHeader
        title={t(spec.title)}
        description={t(spec.body)}
        actions={
          <>
            <input
              ref={fileRef}
              type="file"
              accept=".json,application/json"
              className="sk-visually-hidden"
              aria-label={t('adm.config.importFile')}
              tabIndex={-1}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                setImportProblem(null);
                importDoc.reset();
                try {
                  const document = JSON.parse(await file.text());
                  importDoc.mutate({ document });
                } catch {
                  setImportProblem(t('adm.config.notJson', { file: file.name }));
                }
              }}
            />
            <Button
              variant="secondary"
              loading={importDoc.isPending}
              onClick={() => fileRef.current?.click()}
            >
              {t('adm.config.import')}
            </Button>
            <Button onClick={() => navigate(`${spec.path}/new`)}>{t(spec.newLabel)}</Button>
          </>
        }
      />
      {importProblem && (
        <div className="sk-alert sk-alert--error adm-notice" role="alert">
          <p className="sk-alert__message">{importProblem}</p>
        </div>
      )}
      <ApiErrorMessage error={importDoc.error} className="adm-notice" />
      <Card flush title={t(spec.listCaption)}>
        <QueryTable
          query={items}
          rows={(data) => data}
          columns={columns}
          caption={t(spec.listCaption)}
          getRowId={(i) => i.id}
          initialSorting={[{ id: 'name', desc: false }]}
          pageSize={false}
          whenEmpty={{ title: t('adm.config.none'), body: t('adm.config.noneBody') }}
        />
      </Card>
      <p className="sk-muted adm-footnote">
        {t(kind === 'bandSets' ? 'adm.config.lifecycleBands' : 'adm.config.lifecycle')}
      </p>
    </>
  );
}

export function VersionStatus({ status }: { status: 'draft' | 'published' }) {
  const t = useT();
  return (
    <span className={status === 'draft' ? 'sk-badge sk-badge--status-draft' : 'sk-badge sk-band-3'}>
      {status === 'draft' ? t('adm.config.draft') : t('adm.config.published')}
    </span>
  );
}
