// Small status badges used in tables and detail pages.
import { Badge, Group } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { User } from '../api/client';
import { useI18n, type MessageKey } from '../i18n';

export function RoleBadge({ role }: { role: string }) {
  const { t } = useI18n();
  const color = role === 'admin' ? 'grape' : role === 'security' ? 'red' : role === 'appraiser' ? 'indigo' : role === 'contributor' ? 'teal' : 'gray';
  return (
    <Badge color={color} variant="light">
      {t(`role.${role}` as MessageKey)}
    </Badge>
  );
}

export function UserStatusBadges({ user }: { user: User }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Group gap={4}>
      {user.locked && (
        <Badge color="red" variant="filled" leftSection={<IconLock size={12} aria-hidden />} data-testid="badge-locked">
          {user.lockedUntil ? t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) }) : t('users.locked')}
        </Badge>
      )}
      {user.disabled && (
        <Badge color="dark" variant="filled">
          {t('users.disabled')}
        </Badge>
      )}
      {!user.locked && !user.disabled && (
        <Badge color="green" variant="light">
          {t('users.active')}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="orange" variant="light">
          {t('users.mustChange')}
        </Badge>
      )}
    </Group>
  );
}
