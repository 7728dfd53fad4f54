import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  PASSWORD_MIN,
  ROLES,
  type TRole,
  ZUserCreateInput,
  ZUserResetPasswordInput,
  ZUserUpdateInput,
} from '@siklus/domain';
import {
  Button,
  type DataTableColumn,
  FormSelect,
  FormTextField,
  msg,
  NipField,
  showApiFieldError,
  type TMessage,
  useCurrentUser,
  useT,
  useWatch,
  useZodForm,
} from '@siklus/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ActiveBadge, ListPage, useListPage } from '../components/list-page';
import { PanelForm, type PanelFormProps } from '../components/panel-form';
import { ActiveToggle, actionsColumn } from '../components/row-actions';
import { SchoolField } from '../components/school-picker';

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
  const { roles } = useRoleFields();
  const users = useQuery({
    ...trpc.users.list.queryOptions({ ...list.page, role: list.filter || undefined }),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: (u) => {
        list.setNotice(
          u.active
            ? msg('adm.users.reactivated', { name: u.fullName })
            : msg('adm.users.deactivated', { name: u.fullName }),
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
      actionsColumn(t('adm.common.actions'), (u) => {
        const self = u.id === me.id;
        return (
          <>
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
              <ActiveToggle
                scope="adm.users"
                active={u.active}
                name={u.fullName}
                variant="ghost"
                loading={setActive.isPending && setActive.variables?.userId === u.id}
                onToggle={() => setActive.mutate({ userId: u.id, active: !u.active })}
              />
            )}
          </>
        );
      }),
    ],
    [t, me.id, setActive, open],
  );
  const done = (message: TMessage) => {
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
              onDone={(u) => done(msg('adm.users.created', { name: u.fullName }))}
            />
          )}
          {panel?.kind === 'role' && (
            <RoleForm
              key={panel.user.id}
              user={panel.user}
              onCancel={list.close}
              onDone={(u) => done(msg('adm.users.roleChanged', { name: u.fullName }))}
            />
          )}
          {panel?.kind === 'password' && (
            <PasswordForm
              key={panel.user.id}
              user={panel.user}
              onCancel={list.close}
              onDone={() => done(msg('adm.users.passwordReset', { name: panel.user.fullName }))}
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

/** The roles to pick from, and what the school field a principal needs says. */
function useRoleFields() {
  const t = useT();
  return {
    roles: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
    principalSchool: {
      label: t('adm.users.school'),
      placeholder: t('adm.users.pickSchool'),
      required: true,
    },
  };
}

type NewUser = {
  username: string;
  fullName: string;
  email: string;
  role: TRole;
  schoolId: string;
  password: string;
};
const NEW_USER: NewUser = {
  username: '',
  fullName: '',
  email: '',
  role: 'principal',
  schoolId: '',
  password: '',
};
const USER_FIELDS = ['username', 'fullName', 'email', 'role', 'schoolId', 'password'] as const;

function CreateUserForm({ onCancel, onDone }: PanelFormProps<{ fullName: string }>) {
  const t = useT();
  const trpc = useTRPC();
  const { roles, principalSchool } = useRoleFields();
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: onDone }));
  const form = useZodForm({
    schema: ZUserCreateInput,
    defaultValues: NEW_USER,
    toInput: (v: NewUser) => ({
      username: v.username,
      fullName: v.fullName,
      email: v.email.trim() ? v.email.trim() : null,
      role: v.role,
      schoolId: v.role === 'principal' ? v.schoolId || null : null,
      password: v.password,
    }),
  });
  const role = useWatch({ control: form.control, name: 'role' });
  const submit = form.handleSubmit((input) =>
    create.mutate(input, { onError: (error) => showApiFieldError(form, error, USER_FIELDS) }),
  );
  return (
    <PanelForm
      title={t('adm.users.add')}
      onSubmit={submit}
      error={create.error}
      inlineFields={USER_FIELDS}
      submitLabel={t('adm.users.add')}
      pending={create.isPending}
      onCancel={onCancel}
    >
      <FormTextField form={form} name="fullName" label={t('adm.users.fullName')} required />
      <FormTextField
        form={form}
        name="username"
        label={t('adm.users.username')}
        required
        autoComplete="off"
      />
      <FormTextField form={form} name="email" label={t('adm.users.email')} type="email" />
      <FormSelect form={form} name="role" label={t('adm.users.role')} required options={roles} />
      {role === 'principal' && <SchoolField form={form} name="schoolId" {...principalSchool} />}
      <FormTextField
        form={form}
        name="password"
        label={t('adm.users.initialPassword')}
        hint={t('adm.users.passwordHint', { min: PASSWORD_MIN })}
        required
        type="text"
        autoComplete="new-password"
      />
    </PanelForm>
  );
}

function RoleForm({
  user,
  onCancel,
  onDone,
}: PanelFormProps<{ fullName: string }> & { user: User }) {
  const t = useT();
  const trpc = useTRPC();
  const { roles, principalSchool } = useRoleFields();
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: onDone }));
  const form = useZodForm({
    schema: ZUserUpdateInput,
    defaultValues: { role: user.role, schoolId: user.schoolId ?? '', nip: user.nip ?? '' },
    toInput: (v: { role: TRole; schoolId: string; nip: string }) => ({
      userId: user.id,
      role: v.role,
      schoolId: v.role === 'principal' ? v.schoolId || null : null,
      nip: v.nip,
    }),
  });
  const role = useWatch({ control: form.control, name: 'role' });
  const submit = form.handleSubmit((input) =>
    update.mutate(input, {
      onError: (error) => showApiFieldError(form, error, ['schoolId', 'nip']),
    }),
  );
  return (
    <PanelForm
      title={t('adm.users.changeRoleOf', { name: user.fullName })}
      description={t('adm.users.roleChangeNote')}
      onSubmit={submit}
      error={update.error}
      inlineFields={['schoolId', 'nip']}
      submitLabel={t('common.save')}
      pending={update.isPending}
      onCancel={onCancel}
    >
      <FormSelect form={form} name="role" label={t('adm.users.role')} options={roles} />
      {role === 'principal' && (
        <SchoolField
          form={form}
          name="schoolId"
          {...principalSchool}
          selected={
            user.schoolId && user.schoolName ? { id: user.schoolId, name: user.schoolName } : null
          }
        />
      )}
      <NipField form={form} name="nip" />
    </PanelForm>
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

function PasswordForm({ user, onCancel, onDone }: PanelFormProps<unknown> & { user: User }) {
  const t = useT();
  const trpc = useTRPC();
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: onDone }));
  const [initialPassword] = useState(suggestPassword);
  const form = useZodForm({
    schema: ZUserResetPasswordInput,
    defaultValues: { newPassword: initialPassword },
    toInput: (v: { newPassword: string }) => ({ userId: user.id, newPassword: v.newPassword }),
  });
  const submit = form.handleSubmit((input) =>
    reset.mutate(input, { onError: (error) => showApiFieldError(form, error, ['newPassword']) }),
  );
  return (
    <PanelForm
      title={t('adm.users.resetPasswordOf', { name: user.fullName })}
      description={t('adm.users.resetNote')}
      onSubmit={submit}
      error={reset.error}
      inlineFields={['newPassword']}
      submitLabel={t('adm.users.resetPassword')}
      pending={reset.isPending}
      onCancel={onCancel}
      extraActions={
        <Button
          variant="ghost"
          onClick={() => form.setValue('newPassword', suggestPassword(), { shouldValidate: true })}
        >
          {t('adm.users.suggest')}
        </Button>
      }
    >
      <FormTextField
        form={form}
        name="newPassword"
        label={t('adm.users.newPassword')}
        hint={t('adm.users.passwordHint', { min: PASSWORD_MIN })}
        type="text"
        autoComplete="new-password"
        className="adm-mono"
      />
    </PanelForm>
  );
}
