// The bell in the header: unread count, the latest notifications with links into the app, mark
// one read by opening it, or all at once.
import { Indicator, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useNotifications, useReadNotifications, type Notification } from '../api/notifications';
import { useI18n } from '../i18n';
import { notifyError } from '../lib/notify';

/** Notification links are /admin/... paths; the router's base is /admin. */
export const appPath = (link: string) => (link.startsWith('/admin/') ? link.slice('/admin'.length) : link === '/admin' ? '/' : link);

export function NotificationBell() {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const n = useNotifications();
  const read = useReadNotifications();
  const unread = n.data?.unread ?? 0;
  const items = n.data?.items ?? [];

  const open = async (x: Notification) => {
    if (!x.readAt) {
      // opening the link matters more than the read mark
      await read.mutateAsync(x.id).catch(() => undefined);
    }
    if (x.link) navigate(appPath(x.link));
  };
  const readAll = async () => {
    await read.mutateAsync(undefined).catch((e: Error) => notifyError(e.message));
  };
  const label = unread ? t('notif.labelUnread', { count: unread }) : t('notif.label');

  return (
    <Menu position="bottom-end" width={360} withinPortal={false} onOpen={() => void n.refetch()} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton px={8} py={6} style={{ color: 'white', display: 'flex', alignItems: 'center' }} data-testid="notifications" aria-label={label}>
          <Indicator
            label={unread > 99 ? '99+' : unread}
            size={18}
            color="red.9"
            disabled={unread === 0}
            offset={2}
            data-testid="notifications-count"
            data-count={unread}
          >
            <IconBell size={22} aria-hidden />
          </Indicator>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown mah={480} style={{ overflowY: 'auto' }}>
        <Menu.Label>{label}</Menu.Label>
        {items.length === 0 && (
          <Text size="sm" px="sm" py="xs">
            {t('notif.none')}
          </Text>
        )}
        {items.map((x) => {
          const comment = typeof x.data.comment === 'string' ? x.data.comment : '';
          return (
            <Menu.Item key={x.id} onClick={() => void open(x)} data-testid="notification-item" data-unread={x.readAt ? undefined : 'true'}>
              <Stack gap={2}>
                <Text size="sm" fw={x.readAt ? 400 : 700} style={{ whiteSpace: 'normal' }}>
                  {!x.readAt && <VisuallyHidden>{t('notif.unread')}: </VisuallyHidden>}
                  {x.title}
                </Text>
                {comment && (
                  <Text size="xs" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                    {t('notif.comment', { comment })}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatDateTime(x.createdAt)}
                </Text>
              </Stack>
            </Menu.Item>
          );
        })}
        {unread > 0 && (
          <>
            <Menu.Divider />
            <Menu.Item leftSection={<IconChecks size={16} aria-hidden />} onClick={() => void readAll()} data-testid="notifications-read-all">
              {t('notif.readAll')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
