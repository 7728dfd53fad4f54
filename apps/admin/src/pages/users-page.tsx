import { type RouterOutputs, useTRPC } from '@siklus/client';
import { PASSWORD_MIN, ROLES, type TRole, ZUserCreateInput } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  type DataTableColumn,
  Select,
  TextField,
  useCurrentUser,
  useLang,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { ActiveBadge, ListPage, useListPage } from '../components/list-page';
import { SchoolPicker } from '../components/school-picker';
import { issuesOf, messageFor, NO_ISSUES, serverIssue } from '../lib/issues';

type User = RouterOutputs['users']['list']['items'][number];
type Panel = { kind: 'create' } | { kind: 'role'; user: User } | { kind: 'password'; user: User };

/**
 * The district's accounts: create with a role and a scope (a school for principals), change
 * a role, deactivate, reset a password. Role changes and deactivation end the user's
 * sessions on the server.
 */
export function UsersPage() {
  const t = useT();
  const me = useCurrentUser();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useListPage<'' | TRole, Panel>('');
  const roles = useRoleOptions();
  const users = useQuery({
    ...trpc.users.list.queryOptions({ ...list.page, role: list.filter || undefined }),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: (u) => {
        list.setNotice(
          u.active
            ? t('adm.users.reactivated', { name: u.fullName })
            : t('adm.users.deactivated', { name: u.fullName }),
        );
        return queryClient.invalidateQueries(trpc.users.pathFilter());
      },
    }),
  );
  const { reset } = setActive;
  const listOpen = list.open;
  const open = useCallback(
    (p: Panel) => {
      reset();
      listOpen(p);
    },
    [reset, listOpen],
  );
  const columns = useMemo<DataTableColumn<User>[]>(
    () => [
      { accessorKey: 'fullName', header: t('adm.users.fullName'), enableSorting: false },
      { accessorKey: 'username', header: t('adm.users.username'), enableSorting: false },
      {
        accessorKey: 'role',
        header: t('adm.users.role'),
        enableSorting: false,
        cell: ({ row }) => t(`role.${row.original.role}`),
      },
      {
        accessorKey: 'schoolName',
        header: t('adm.users.school'),
        enableSorting: false,
        cell: ({ getValue }) => getValue() ?? '–',
      },
      {
        accessorKey: 'active',
        header: t('adm.users.active'),
        enableSorting: false,
        cell: ({ getValue }) => <ActiveBadge active={getValue()} />,
      },
      {
        id: 'actions',
        header: t('adm.common.actions'),
        enableSorting: false,
        cell: ({ row }) => {
          const u = row.original;
          const self = u.id === me.id;
          return (
            <div className="adm-row-actions">
              <Button
                size="sm"
                variant="secondary"
                aria-label={t('adm.users.changeRoleOf', { name: u.fullName })}
                onClick={() => open({ kind: 'role', user: u })}
              >
                {t('adm.users.changeRole')}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                aria-label={t('adm.users.resetPasswordOf', { name: u.fullName })}
                onClick={() => open({ kind: 'password', user: u })}
              >
                {t('adm.users.resetPassword')}
              </Button>
              {!self && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={
                    u.active
                      ? t('adm.users.deactivateOne', { name: u.fullName })
                      : t('adm.users.reactivateOne', { name: u.fullName })
                  }
                  loading={setActive.isPending && setActive.variables?.userId === u.id}
                  onClick={() => setActive.mutate({ userId: u.id, active: !u.active })}
                >
                  {u.active ? t('adm.common.deactivate') : t('adm.common.reactivate')}
                </Button>
              )}
            </div>
          );
        },
      },
    ],
    [t, me.id, setActive, open],
  );
  const done = (message: string) => {
    list.done(message);
    void queryClient.invalidateQueries(trpc.users.pathFilter());
  };
  const panel = list.panel;
  return (
    <ListPage
      state={list}
      title={t('adm.section.users')}
      description={t('adm.section.users.body')}
      actions={<Button onClick={() => open({ kind: 'create' })}>{t('adm.users.add')}</Button>}
      actionError={setActive.error}
      panel={
        <>
          {panel?.kind === 'create' && (
            <CreateUserForm
              onCancel={list.close}
              onDone={(u) => done(t('adm.users.created', { name: u.fullName }))}
            />
          )}
          {panel?.kind === 'role' && (
            <RoleForm
              key={panel.user.id}
              user={panel.user}
              onCancel={list.close}
              onDone={(u) => done(t('adm.users.roleChanged', { name: u.fullName }))}
            />
          )}
          {panel?.kind === 'password' && (
            <PasswordForm
              key={panel.user.id}
              user={panel.user}
              onCancel={list.close}
              onDone={() => done(t('adm.users.passwordReset', { name: panel.user.fullName }))}
            />
          )}
        </>
      }
      caption={t('adm.users.caption')}
      searchLabel={t('adm.users.search')}
      filter={{
        label: t('adm.users.roleFilter'),
        options: [{ value: '', label: t('adm.users.allRoles') }, ...roles],
      }}
      query={users}
      columns={columns}
      getRowId={(u) => u.id}
    />
  );
}

function useRoleOptions() {
  const t = useT();
  return ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

function CreateUserForm({
  onCancel,
  onDone,
}: {
  onCancel: () => void;
  onDone: (u: { fullName: string }) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const roles = useRoleOptions();
  const [v, setV] = useState({
    username: '',
    fullName: '',
    email: '',
    role: 'principal' as TRole,
    schoolId: '',
    password: '',
  });
  const [tried, setTried] = useState(false);
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: onDone }));
  const input = {
    username: v.username,
    fullName: v.fullName,
    email: v.email.trim() ? v.email.trim() : null,
    role: v.role,
    schoolId: v.role === 'principal' ? v.schoolId || null : null,
    password: v.password,
  };
  const issues = tried ? issuesOf(ZUserCreateInput, input) : NO_ISSUES;
  const err = (field: string) => messageFor(issues, serverIssue(create.error), lang, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (issuesOf(ZUserCreateInput, input).size === 0) create.mutate(input);
  };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((s) => ({ ...s, [k]: e.target.value }));
  return (
    <Card className="adm-panel" title={t('adm.users.add')}>
      <form className="sk-form" onSubmit={submit} noValidate>
        <div className="adm-form-grid">
          <TextField
            label={t('adm.users.fullName')}
            required
            value={v.fullName}
            onChange={set('fullName')}
            error={err('fullName')}
          />
          <TextField
            label={t('adm.users.username')}
            required
            autoComplete="off"
            value={v.username}
            onChange={set('username')}
            error={err('username')}
          />
          <TextField
            label={t('adm.users.email')}
            type="email"
            value={v.email}
            onChange={set('email')}
            error={err('email')}
          />
          <Select
            label={t('adm.users.role')}
            required
            options={roles}
            value={v.role}
            onChange={set('role')}
            error={err('role')}
          />
          {v.role === 'principal' && (
            <SchoolPicker
              label={t('adm.users.school')}
              placeholder={t('adm.users.pickSchool')}
              required
              value={v.schoolId}
              onChange={(schoolId) => setV((s) => ({ ...s, schoolId }))}
              error={err('schoolId')}
            />
          )}
          <TextField
            label={t('adm.users.initialPassword')}
            hint={t('adm.users.passwordHint', { min: PASSWORD_MIN })}
            required
            type="text"
            autoComplete="new-password"
            value={v.password}
            onChange={set('password')}
            error={err('password')}
          />
        </div>
        <ApiErrorMessage
          error={create.error}
          inlineFields={['username', 'fullName', 'email', 'role', 'schoolId', 'password']}
        />
        <div className="sk-row">
          <Button type="submit" loading={create.isPending}>
            {t('adm.users.add')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function RoleForm({
  user,
  onCancel,
  onDone,
}: {
  user: User;
  onCancel: () => void;
  onDone: (u: { fullName: string }) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const roles = useRoleOptions();
  const [role, setRole] = useState<TRole>(user.role);
  const [schoolId, setSchoolId] = useState(user.schoolId ?? '');
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: onDone }));
  const missingSchool = role === 'principal' && !schoolId;
  const [tried, setTried] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missingSchool) return;
    update.mutate({
      userId: user.id,
      role,
      schoolId: role === 'principal' ? schoolId : null,
    });
  };
  const schoolError =
    tried && missingSchool
      ? t('adm.users.schoolRequired')
      : messageFor(NO_ISSUES, serverIssue(update.error), lang, 'schoolId');
  return (
    <Card
      className="adm-panel"
      title={t('adm.users.changeRoleOf', { name: user.fullName })}
      description={t('adm.users.roleChangeNote')}
    >
      <form className="sk-form" onSubmit={submit} noValidate>
        <div className="adm-form-grid">
          <Select
            label={t('adm.users.role')}
            options={roles}
            value={role}
            onChange={(e) => setRole(e.target.value as TRole)}
          />
          {role === 'principal' && (
            <SchoolPicker
              label={t('adm.users.school')}
              placeholder={t('adm.users.pickSchool')}
              required
              value={schoolId}
              selected={
                user.schoolId && user.schoolName
                  ? { id: user.schoolId, name: user.schoolName }
                  : null
              }
              onChange={setSchoolId}
              error={schoolError}
            />
          )}
        </div>
        <ApiErrorMessage error={update.error} inlineFields={['schoolId']} />
        <div className="sk-row">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** A readable random password: the admin tells it to the user, who changes it later. */
function suggestPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function PasswordForm({
  user,
  onCancel,
  onDone,
}: {
  user: User;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const trpc = useTRPC();
  const [password, setPassword] = useState(suggestPassword);
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: onDone }));
  const tooShort = password.length < PASSWORD_MIN;
  return (
    <Card
      className="adm-panel"
      title={t('adm.users.resetPasswordOf', { name: user.fullName })}
      description={t('adm.users.resetNote')}
    >
      <form
        className="sk-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!tooShort) reset.mutate({ userId: user.id, newPassword: password });
        }}
      >
        <div className="adm-form-grid">
          <TextField
            label={t('adm.users.newPassword')}
            hint={t('adm.users.passwordHint', { min: PASSWORD_MIN })}
            type="text"
            autoComplete="new-password"
            className="adm-mono"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={
              tooShort
                ? t('adm.users.passwordHint', { min: PASSWORD_MIN })
                : messageFor(NO_ISSUES, serverIssue(reset.error), lang, 'newPassword')
            }
          />
        </div>
        <ApiErrorMessage error={reset.error} inlineFields={['newPassword']} />
        <div className="sk-row">
          <Button type="submit" loading={reset.isPending} disabled={tooShort}>
            {t('adm.users.resetPassword')}
          </Button>
          <Button variant="ghost" onClick={() => setPassword(suggestPassword())}>
            {t('adm.users.suggest')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
