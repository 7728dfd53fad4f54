import { type RouterOutputs, useTRPC } from '@siklus/client';
import { describeNotification, notificationTarget } from '@siklus/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../components/button';
import { Card, PageHeader } from '../components/card';
import { cx } from '../components/cx';
import { EmptyState, QueryState } from '../components/states';
import { useLocalized, useT } from '../i18n/i18n';
import { useFormat } from '../i18n/use-format';

type Item = RouterOutputs['notifications']['list'][number];
/** Which app the page is in: a notification of the other app links there by URL. */
export type AppKind = 'supervision' | 'admin';

/** How often the bell asks for its number (a fresh page load asks at once). */
const BELL_POLL_MS = 60_000;

/** The bell in the header: unread count, a link to the list. */
export function NotificationBell() {
  const t = useT();
  const trpc = useTRPC();
  const count = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: BELL_POLL_MS,
  });
  const unread = count.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className={cx('sk-bell', unread > 0 && 'sk-bell--unread')}
      aria-label={unread > 0 ? t('notif.bellUnread', { count: unread }) : t('notif.bell')}
      title={t('notif.bell')}
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none">
        <path
          d="M6 9a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9Zm4.3 10a1.8 1.8 0 0 0 3.4 0"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {unread > 0 && (
        <span className="sk-bell__count" data-testid="bell-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

/** The list: newest first, what each is about, mark read / all read, a link to its cycle. */
export function NotificationsPage({ app }: { app: AppKind }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 100, unreadOnly }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() }),
    ]);
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(
    trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }),
  );
  return (
    <div className="sk-stack">
      <PageHeader
        title={t('notif.title')}
        description={t('notif.description')}
        actions={
          <Button variant="secondary" onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('notif.markAllRead')}
          </Button>
        }
      />
      <label className="sk-check">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.target.checked)}
        />{' '}
        {t('notif.unreadOnly')}
      </label>
      <Card flush>
        <QueryState query={list}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState title={t('notif.empty')} />
            ) : (
              <ul className="sk-notif-list">
                {items.map((n) => (
                  <NotificationRow
                    key={n.id}
                    item={n}
                    app={app}
                    onRead={() => markRead.mutate({ notificationIds: [n.id] })}
                  />
                ))}
              </ul>
            )
          }
        </QueryState>
      </Card>
    </div>
  );
}

function NotificationRow({ item, app, onRead }: { item: Item; app: AppKind; onRead: () => void }) {
  const t = useT();
  const localized = useLocalized();
  const f = useFormat();
  const target = notificationTarget(item);
  const text = localized(describeNotification(item));
  const unread = item.readAt === null;
  // Opening it reads it.
  const open = () => {
    if (unread) onRead();
  };
  const link = !target ? (
    text
  ) : target.app === app ? (
    <Link to={target.path} onClick={open}>
      {text}
    </Link>
  ) : (
    <a href={`${target.app === 'admin' ? '/admin' : ''}${target.path}`} onClick={open}>
      {text}
    </a>
  );
  return (
    <li className={cx('sk-notif', unread && 'sk-notif--unread')}>
      <div className="sk-notif__body">
        <p className="sk-notif__text">
          {unread && <span className="sk-visually-hidden">{t('notif.unread')}: </span>}
          {link}
        </p>
        {item.comment && (
          <p className="sk-notif__comment">{t('notif.comment', { comment: item.comment })}</p>
        )}
        <p className="sk-notif__time">{f.dateTime(item.createdAt)}</p>
      </div>
      {unread && (
        <Button variant="ghost" size="sm" onClick={onRead}>
          {t('notif.markRead')}
        </Button>
      )}
    </li>
  );
}
