import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  ApiErrorMessage,
  Button,
  Card,
  integerIn,
  msg,
  PageHeader,
  TableScroll,
  TextField,
  type TMessage,
  useFormat,
  useMessageText,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActiveBadge } from '../components/list-page';

type Subdistrict = RouterOutputs['subdistricts']['list'][number];

/**
 * The district's kecamatan list (issue 15): schools pick from it, the supervisor's filter
 * lists it. Add, rename (every school with it follows), deactivate (no longer offered for
 * new or edited schools; the schools that have it keep it). Names are one per district
 * once case is folded: the server refuses a second "cibinong" beside "Cibinong".
 */
export function SubdistrictsPage() {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.subdistricts.list.queryOptions({ includeInactive: true }));
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [notice, setNotice] = useState<TMessage | null>(null);
  const say = useMessageText();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.subdistricts.pathFilter()),
      queryClient.invalidateQueries(trpc.schools.pathFilter()),
    ]);
  const create = useMutation(
    trpc.subdistricts.create.mutationOptions({
      onSuccess: (k) => {
        setName('');
        setNotice(msg('kec.created', { name: k.name }));
        return refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.subdistricts.update.mutationOptions({
      onSuccess: (k, input) => {
        setRenaming(null);
        setNotice(
          input.name !== undefined
            ? msg('kec.renamed', { name: k.name, count: integerIn(k.schoolCount) })
            : k.active
              ? msg('kec.reactivated', { name: k.name })
              : msg('kec.deactivated', { name: k.name }),
        );
        return refresh();
      },
    }),
  );
  const items: Subdistrict[] = list.data ?? [];
  return (
    <div className="sk-stack">
      <PageHeader
        title={t('adm.section.subdistricts')}
        description={t('adm.section.subdistricts.body')}
      />
      {notice && (
        <div className="sk-alert sk-alert--success" role="status">
          <p className="sk-alert__message">{say(notice)}</p>
        </div>
      )}
      <Card className="adm-panel" title={t('kec.add')}>
        <form
          className="sk-row"
          onSubmit={(e) => {
            e.preventDefault();
            setNotice(null);
            create.mutate({ name });
          }}
        >
          <TextField
            label={t('kec.name')}
            hint={t('kec.nameHint')}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('kec.add')}
          </Button>
        </form>
        <ApiErrorMessage error={create.error} />
      </Card>
      <ApiErrorMessage error={update.error} />
      <ApiErrorMessage error={list.error} />
      {list.data && items.length === 0 && <p className="sk-muted">{t('kec.empty')}</p>}
      {items.length > 0 && (
        <div className="sk-table-wrap">
          <TableScroll label={t('kec.caption')}>
            <table className="sk-table sk-table--stack">
              <caption className="sk-visually-hidden">{t('kec.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kec.name')}</th>
                  <th scope="col" className="adm-num">
                    {t('kec.schools')}
                  </th>
                  <th scope="col">{t('kec.status')}</th>
                  <th scope="col">{t('kec.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">
                      {renaming?.id === k.id ? (
                        <form
                          className="sk-row"
                          onSubmit={(e) => {
                            e.preventDefault();
                            setNotice(null);
                            update.mutate({ subdistrictId: k.id, name: renaming.name });
                          }}
                        >
                          <TextField
                            label={t('kec.renameOne', { name: k.name })}
                            hint={t('kec.renameHint')}
                            value={renaming.name}
                            maxLength={100}
                            onChange={(e) => setRenaming({ id: k.id, name: e.target.value })}
                          />
                          <Button
                            type="submit"
                            size="sm"
                            loading={update.isPending}
                            disabled={!renaming.name.trim()}
                          >
                            {t('kec.save')}
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setRenaming(null)}>
                            {t('common.cancel')}
                          </Button>
                        </form>
                      ) : (
                        k.name
                      )}
                    </th>
                    <td className="adm-num">{f.integer(k.schoolCount)}</td>
                    <td>
                      <ActiveBadge active={k.active} />
                    </td>
                    <td>
                      <div className="adm-row-actions">
                        <Button
                          size="sm"
                          variant="secondary"
                          aria-label={t('kec.renameOne', { name: k.name })}
                          onClick={() => setRenaming({ id: k.id, name: k.name })}
                        >
                          {t('kec.rename')}
                        </Button>
                        <Button
                          size="sm"
                          variant={k.active ? 'ghost' : 'secondary'}
                          aria-label={
                            k.active
                              ? t('kec.deactivateOne', { name: k.name })
                              : t('kec.reactivateOne', { name: k.name })
                          }
                          loading={update.isPending && update.variables?.subdistrictId === k.id}
                          onClick={() => {
                            setNotice(null);
                            update.mutate({ subdistrictId: k.id, active: !k.active });
                          }}
                        >
                          {k.active ? t('adm.common.deactivate') : t('adm.common.reactivate')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </div>
  );
}
