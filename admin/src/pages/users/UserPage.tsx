// One account: its state, edits and security actions (admin), read-only for others.
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, type User } from '../../api/client';
import { useAgency } from '../../api/agencies';
import { useUser, userActionRequests, userRequests, useUserActionMutation, useUserMutation } from '../../api/users';
import { useMe } from '../../auth/session';
import { RoleBadge, UserStatusBadges } from '../../components/Badges';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SecretOnce } from '../../components/SecretOnce';
import { useI18n } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { NotFoundPage } from '../NotFoundPage';
import { UnlockButton } from './UsersPage';
import { UserForm } from './UserForm';

export function UserPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const user = useUser(id);
  const save = useUserMutation(userRequests.update, { success: t('common.saved') });
  const [stale, setStale] = useState(false);

  if (user.isPending) return <Loading />;
  if (user.error instanceof ApiError && user.error.status === 404) return <NotFoundPage />;
  if (!user.data) return <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />;
  const u = user.data;

  return (
    <>
      <PageHeader
        title={u.displayName}
        badges={
          <>
            <RoleBadge role={u.role} />
            <UserStatusBadges user={u} />
          </>
        }
        actions={
          me.readsAudit ? (
            <Button
              component={Link}
              to={`/audit?targetId=${encodeURIComponent(u.id)}`}
              variant="default"
              leftSection={<IconHistory size={18} aria-hidden />}
              data-testid="user-audit-link"
            >
              {t('user.auditLink')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="xl" maw={960}>
        <Facts user={u} />
        {me.isAdmin ? (
          <>
            <SecurityActions user={u} isSelf={u.id === me.user.id} />
            <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
              <Title order={2} size="h3" mb="md">
                {t('users.edit')}
              </Title>
              {stale && (
                <Alert
                  color="orange"
                  variant="light"
                  mb="md"
                  role="alert"
                  ref={(el) => el?.scrollIntoView({ block: 'nearest' })}
                  style={{ scrollMarginTop: 72 }}
                >
                  {t('agencies.stale')}
                </Alert>
              )}
              <UserForm
                key={u.version}
                initial={{
                  agencyId: u.agencyId,
                  email: u.email,
                  username: u.username,
                  displayName: u.displayName,
                  role: u.role,
                  locale: u.locale,
                  password: '',
                }}
                submitLabel={t('common.save')}
                onSubmit={async (body) => {
                  try {
                    await save.mutateAsync({ id: u.id, ...body, version: u.version });
                    setStale(false);
                  } catch (e) {
                    if (e instanceof ApiError && e.code === 'stale_revision') {
                      setStale(true);
                      await user.refetch();
                      return;
                    }
                    throw e;
                  }
                }}
              />
            </Paper>
          </>
        ) : (
          <Text size="sm">{t('users.readOnly')}</Text>
        )}
      </Stack>
    </>
  );
}

function Facts({ user: u }: { user: User }) {
  const { t, lang, formatDateTime } = useI18n();
  const agency = useAgency(u.agencyId);
  const fact = (label: string, value: ReactNode) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {fact(t('users.username'), u.username)}
        {fact(t('users.email'), u.email)}
        {fact(
          t('users.agency'),
          agency.data ? (
            <Anchor component={Link} to={`/agencies/${u.agencyId}`} size="sm">
              {agencyName(agency.data, lang)}
            </Anchor>
          ) : (
            '…'
          ),
        )}
        {fact(
          t('users.mfa'),
          <Badge color={u.mfaEnabled ? 'green' : 'gray'} variant="light">
            {u.mfaEnabled ? t('common.yes') : t('common.no')}
          </Badge>,
        )}
        {fact(t('users.failedLogins'), u.failedLogins)}
        {fact(t('users.lastLogin'), u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('common.never'))}
        {fact(t('users.createdAt'), formatDateTime(u.createdAt))}
        {fact(t('users.locale'), u.locale === 'en' ? 'English' : 'Tiếng Việt')}
      </SimpleGrid>
    </Paper>
  );
}

function SecurityActions({ user: u, isSelf }: { user: User; isSelf: boolean }) {
  const { t, formatDateTime } = useI18n();
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const enable = useUserMutation(userRequests.enable, { success: t('users.enabledDone') });
  const disable = useUserMutation(userRequests.disable, { success: t('users.disabledDone') });
  const resetPassword = useUserActionMutation(userActionRequests.resetPassword, { onSuccess: (r) => setNewPassword(r.password) });
  const resetMfa = useUserActionMutation(userActionRequests.resetMfa, { success: t('users.mfaResetDone') });
  const revokeSessions = useUserActionMutation(userActionRequests.revokeSessions, { success: (r) => t('users.sessionsRevoked', { count: r.revoked }) });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h3" mb="md">
        {t('users.security')}
      </Title>
      {u.locked && (
        <Alert color="red" variant="light" mb="md" title={u.lockedUntil ? t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) }) : t('users.locked')}>
          <UnlockButton user={u} size="sm" />
        </Alert>
      )}
      <Group gap="sm">
        {u.disabled ? (
          <ConfirmButton variant="default" message={t('users.enable')} onConfirm={() => enable.mutateAsync(u.id)}>
            {t('users.enable')}
          </ConfirmButton>
        ) : (
          !isSelf && (
            <ConfirmButton variant="default" danger message={t('users.confirmDisable', { username: u.username })} onConfirm={() => disable.mutateAsync(u.id)}>
              {t('users.disable')}
            </ConfirmButton>
          )
        )}
        {!isSelf && (
          <ConfirmButton
            variant="default"
            message={t('users.confirmResetPassword', { username: u.username })}
            onConfirm={() => resetPassword.mutateAsync(u.id)}
          >
            {t('users.resetPassword')}
          </ConfirmButton>
        )}
        {u.mfaEnabled && !isSelf && (
          <ConfirmButton variant="default" message={t('users.confirmResetMfa', { username: u.username })} onConfirm={() => resetMfa.mutateAsync(u.id)}>
            {t('users.resetMfa')}
          </ConfirmButton>
        )}
        {!isSelf && (
          <ConfirmButton variant="default" message={t('users.confirmRevoke', { username: u.username })} onConfirm={() => revokeSessions.mutateAsync(u.id)}>
            {t('users.revokeSessions')}
          </ConfirmButton>
        )}
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={newPassword !== null}
        onClose={() => setNewPassword(null)}
        title={t('users.resetPassword')}
        size="lg"
        closeOnClickOutside={false}
      >
        {newPassword && (
          <SecretOnce
            intro={t('users.newPassword', { username: u.username })}
            secrets={[{ label: t('users.initialPassword'), value: newPassword, testId: 'reset-password' }]}
            onDone={() => setNewPassword(null)}
          />
        )}
      </Modal>
    </Paper>
  );
}
