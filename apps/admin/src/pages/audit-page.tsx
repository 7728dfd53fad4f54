import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  Button,
  Card,
  type DataTableColumn,
  PageHeader,
  QueryTable,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaginationState } from '@tanstack/react-table';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { SchoolPicker } from '../components/school-picker';

type Entry = RouterOutputs['audit']['list']['items'][number];

const ACTION = /^[a-z_]+(\.[a-z_]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const EMPTY_FILTERS = { userId: '', schoolId: '', action: '', from: '', to: '' };

/**
 * The audit log, newest first (`audit.list`, paged on the server), filterable by user,
 * school, action (or its prefix, `auth`) and a date range (inclusive days).
 */
export function AuditPage() {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const trpc = useTRPC();
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 50 });
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  // Clearing remounts the two pickers, so their search boxes empty too.
  const [cleared, setCleared] = useState(0);
  const deferred = useDeferredValue(filters.action.trim());
  // Only a well-formed prefix goes to the API; a half-typed one would be a 400 per keystroke.
  const actionFilter = ACTION.test(deferred) ? deferred : undefined;
  const entries = useQuery({
    ...trpc.audit.list.queryOptions({
      userId: filters.userId || undefined,
      schoolId: filters.schoolId || undefined,
      action: actionFilter,
      from: DATE.test(filters.from) ? filters.from : undefined,
      to: DATE.test(filters.to) ? filters.to : undefined,
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const set = (k: keyof typeof EMPTY_FILTERS) => (value: string) => {
    setFilters((s) => ({ ...s, [k]: value }));
    setPagination((p) => ({ ...p, pageIndex: 0 }));
  };
  const filtered = Object.values(filters).some(Boolean);
  // The CSV holds every entry the filters on screen match (the server's route, same names).
  const csvQuery = new URLSearchParams(
    Object.entries({
      userId: filters.userId,
      schoolId: filters.schoolId,
      action: actionFilter ?? '',
      from: DATE.test(filters.from) ? filters.from : '',
      to: DATE.test(filters.to) ? filters.to : '',
    }).filter(([, v]) => v),
  ).toString();
  const csvHref = `/export/audit/audit.csv${csvQuery ? `?${csvQuery}` : ''}`;
  const columns = useMemo<DataTableColumn<Entry>[]>(
    () => [
      {
        accessorKey: 'createdAt',
        header: t('adm.audit.when'),
        enableSorting: false,
        cell: ({ getValue }) => <span className="sk-nowrap">{f.dateTime(getValue())}</span>,
      },
      {
        accessorKey: 'username',
        header: t('adm.audit.user'),
        enableSorting: false,
        cell: ({ getValue }) => getValue() ?? '–',
      },
      {
        accessorKey: 'action',
        header: t('adm.audit.action'),
        enableSorting: false,
        // In words, naming who and what (the API's sentence); the code stays for searching.
        cell: ({ row }) => (
          <div>
            <div>{localized(row.original.summary)}</div>
            <code className="sk-code">{row.original.action}</code>
          </div>
        ),
      },
      {
        id: 'entity',
        header: t('adm.audit.entity'),
        enableSorting: false,
        cell: ({ row }) => row.original.entity ?? '–',
      },
      {
        id: 'school',
        header: t('adm.audit.school'),
        enableSorting: false,
        cell: ({ row }) => row.original.schoolName ?? '–',
      },
      {
        id: 'details',
        header: t('adm.audit.details'),
        enableSorting: false,
        cell: ({ row }) => <AuditDetails entry={row.original} />,
      },
    ],
    [t, f, localized],
  );
  return (
    <>
      <PageHeader title={t('adm.section.audit')} description={t('adm.section.audit.body')} />
      <Card className="adm-panel" title={t('adm.audit.filters')} level={2}>
        <div className="adm-filter-grid">
          <UserFilter key={`user-${cleared}`} value={filters.userId} onChange={set('userId')} />
          <SchoolPicker
            key={`school-${cleared}`}
            label={t('adm.audit.school')}
            placeholder={t('adm.audit.allSchools')}
            value={filters.schoolId}
            onChange={set('schoolId')}
          />
          <div className="sk-field">
            <label className="sk-field__label" htmlFor="audit-action">
              {t('adm.audit.action')}
            </label>
            <input
              id="audit-action"
              type="search"
              className="sk-input"
              aria-label={t('adm.audit.actionFilter')}
              placeholder={t('adm.audit.actionFilter')}
              value={filters.action}
              onChange={(e) => set('action')(e.target.value)}
            />
          </div>
          <div className="sk-field">
            <label className="sk-field__label" htmlFor="audit-from">
              {t('adm.audit.from')}
            </label>
            <input
              id="audit-from"
              type="date"
              className="sk-input"
              value={filters.from}
              onChange={(e) => set('from')(e.target.value)}
            />
          </div>
          <div className="sk-field">
            <label className="sk-field__label" htmlFor="audit-to">
              {t('adm.audit.to')}
            </label>
            <input
              id="audit-to"
              type="date"
              className="sk-input"
              value={filters.to}
              onChange={(e) => set('to')(e.target.value)}
            />
          </div>
        </div>
        <div className="sk-row adm-notice-actions">
          <a className="sk-btn sk-btn--secondary sk-btn--sm" href={csvHref} download>
            {t('adm.audit.exportCsv')}
          </a>
        </div>
        {filtered && (
          <div className="sk-row adm-notice-actions">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setFilters(EMPTY_FILTERS);
                setCleared((n) => n + 1);
                setPagination((p) => ({ ...p, pageIndex: 0 }));
              }}
            >
              {t('adm.audit.clear')}
            </Button>
          </div>
        )}
      </Card>
      <Card flush title={t('adm.audit.caption')}>
        <QueryTable
          query={entries}
          rows={(data) => data.items}
          columns={columns}
          caption={t('adm.audit.caption')}
          getRowId={(e) => String(e.id)}
          total={(data) => data.total}
          pagination={pagination}
          onPaginationChange={setPagination}
          empty={t('adm.audit.empty')}
          pageSizeOptions={[25, 50, 100, 200]}
          maxHeight="65vh"
          dense
        />
      </Card>
    </>
  );
}

function UserFilter({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const users = useQuery({
    ...trpc.users.list.queryOptions({ search: deferred || undefined, limit: 50, offset: 0 }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="sk-field">
      <label className="sk-field__label" htmlFor={id}>
        {t('adm.audit.user')}
      </label>
      <div className="adm-picker">
        <input
          type="search"
          className="sk-input sk-input--sm"
          aria-label={t('adm.picker.search', { label: t('adm.audit.user') })}
          placeholder={t('adm.picker.userPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          id={id}
          className="sk-input sk-select"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('adm.audit.allUsers')}</option>
          {(users.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.fullName} ({u.username})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** What changed: the reason first, then each changed field as "old → new", in words. */
function AuditDetails({ entry }: { entry: Entry }) {
  const t = useT();
  const localized = useLocalized();
  if (!entry.reason && entry.changes.length === 0) return <span className="sk-muted">–</span>;
  return (
    <div className="adm-audit-details">
      {entry.reason && <p>{t('adm.audit.reason', { reason: entry.reason })}</p>}
      {entry.changes.length > 0 && (
        <dl className="adm-audit-diff" data-testid="audit-diff">
          {entry.changes.map((c) => (
            <div key={c.field} className="adm-audit-diff__row">
              <dt>{localized(c.label)}</dt>
              <dd>
                <span className="adm-audit-diff__before">
                  {c.before ? localized(c.before) : '–'}
                </span>
                {' → '}
                <span className="adm-audit-diff__after">{c.after ? localized(c.after) : '–'}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
