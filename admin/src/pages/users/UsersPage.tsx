// Accounts: all of them for DIC/IOC staff, the agency's for others. Filters live in the URL
// (the home page links to ?locked=true); locked accounts show a badge and, for admins, Unlock.
import { Anchor, Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconLockOpen, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { User } from '../../api/client';
import { useAgencies, useAgency } from '../../api/agencies';
import { useUsers, type UserQuery, userRequests, useUserMutation } from '../../api/users';
import { useMe } from '../../auth/session';
import { RoleBadge, UserStatusBadges } from '../../components/Badges';
import { TableScroll } from '../../components/TableScroll';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { agencyName, roleOptions, type RoleName } from '../../lib/labels';
import { useUrlFilters } from '../../lib/urlFilters';

export function UsersPage() {
  const { t, lang, formatDateTime } = useI18n();
  const { isAdmin, seesAllAgencies } = useMe();
  const filters = useUrlFilters(['agencyId', 'role', 'locked', 'disabled'], { debounceMs: 250 });
  const agencyId = filters.get('agencyId');
  const role = filters.get('role');
  const locked = filters.flag('locked');
  const disabled = filters.flag('disabled');

  const query: UserQuery = {
    q: filters.get('q') || undefined,
    agencyId: agencyId || undefined,
    role: (role || undefined) as RoleName | undefined,
    locked: locked || undefined,
    disabled: disabled || undefined,
  };
  const users = useUsers(query);
  const agencies = useAgencies({ includeArchived: true });
  const byId = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));

  return (
    <>
      <PageHeader
        title={seesAllAgencies ? t('users.title') : t('nav.agencyUsers')}
        actions={
          isAdmin && (
            <Button component={Link} to="/users/new" leftSection={<IconUserPlus size={18} aria-hidden />} data-testid="new-user">
              {t('users.new')}
            </Button>
          )
        }
      />
      <Group align="flex-end" mb="md" gap="md">
        <TextInput
          label={t('common.search')}
          placeholder={t('users.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          maxLength={200}
          type="search"
          w={{ base: '100%', sm: 300 }}
        />
        {seesAllAgencies && (
          <Select
            label={t('users.agency')}
            data={[{ value: '', label: t('common.all') }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: agencyName(a, lang) }))]}
            value={agencyId}
            onChange={(v) => filters.set('agencyId', v)}
            searchable
            allowDeselect={false}
            w={{ base: '100%', sm: 280 }}
          />
        )}
        <Select
          label={t('users.role')}
          data={[{ value: '', label: t('common.all') }, ...roleOptions(t)]}
          value={role}
          onChange={(v) => filters.set('role', v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
        />
        <Switch label={t('users.onlyLocked')} checked={locked} onChange={(e) => filters.set('locked', e.currentTarget.checked)} mb={8} />
        <Switch label={t('users.onlyDisabled')} checked={disabled} onChange={(e) => filters.set('disabled', e.currentTarget.checked)} mb={8} />
      </Group>
      <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      {users.isPending ? (
        <Loading />
      ) : users.data && users.data.items.length === 0 ? (
        <Text>{t('common.empty')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs" role="status">
            {t('common.total', { count: users.data?.total ?? 0 })}
          </Text>
          <TableScroll minWidth={900} label={t('users.title')}>
            <Table striped highlightOnHover withTableBorder data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                  <Table.Th scope="col">{t('users.agency')}</Table.Th>
                  <Table.Th scope="col">{t('users.role')}</Table.Th>
                  <Table.Th scope="col">{t('users.status')}</Table.Th>
                  <Table.Th scope="col">{t('users.mfaCol')}</Table.Th>
                  <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data?.items.map((u) => {
                  const a = byId.get(u.agencyId);
                  return (
                    <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/users/${u.id}`} fw={600}>
                          {u.displayName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {u.username}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                          {u.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{a ? agencyName(a, lang) : <AgencyCell id={u.agencyId} />}</Table.Td>
                      <Table.Td>
                        <RoleBadge role={u.role} />
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <UserStatusBadges user={u} />
                          {isAdmin && u.locked && <UnlockButton user={u} />}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={u.mfaEnabled ? 'green' : 'gray'} variant="light">
                          {u.mfaEnabled ? t('common.yes') : t('common.no')}
                        </Badge>
                      </Table.Td>
                      <Table.Td className="nowrap">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('common.never')}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      )}
    </>
  );
}

export function UnlockButton({ user, size = 'xs' }: { user: User; size?: 'xs' | 'sm' }) {
  const { t } = useI18n();
  const unlock = useUserMutation(userRequests.unlock, { success: t('users.unlocked'), notifyErrors: true });
  return (
    <Button
      size={size}
      variant={size === 'sm' ? 'filled' : 'light'}
      color="red"
      leftSection={<IconLockOpen size={14} aria-hidden />}
      loading={unlock.isPending}
      onClick={() => unlock.mutate(user.id)}
      aria-label={`${t('users.unlock')}: ${user.username}`}
    >
      {t('users.unlock')}
    </Button>
  );
}

/**
 * An agency missing from the cached agency list (one just created, while the list is refetched):
 * its own record, usually cached by its page, rather than a dash.
 */
function AgencyCell({ id }: { id: string }) {
  const { lang } = useI18n();
  const agency = useAgency(id);
  return <>{agency.data ? agencyName(agency.data, lang) : agency.isPending ? '…' : '—'}</>;
}
