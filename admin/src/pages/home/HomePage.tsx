// A home page per role: admins see counts and shortcuts, IOC security recent failed sign-ins and
// the audit check, everyone else their agency and account.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconBuildingPlus, IconFileText, IconLock, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAuditEvents } from '../../api/reports';
import { useAgencies, useAgency } from '../../api/agencies';
import { useUsers } from '../../api/users';
import { useMe } from '../../auth/session';
import { RoleBadge } from '../../components/Badges';
import { TableScroll } from '../../components/TableScroll';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey, type TFunction } from '../../i18n';
import { agencyName, agencyTypeLabel } from '../../lib/labels';
import { AuditVerify } from '../AuditPage';
import { ContentShortcuts } from '../content/ContentShortcuts';
import { CasesHomeCard } from '../cases/CaseFiguresPage';

export function HomePage() {
  const { t } = useI18n();
  const { user, role } = useMe();
  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.displayName })} />
      {(role === 'contributor' || role === 'appraiser') && <ContentShortcuts />}
      {role !== 'reader' && <CasesHomeCard />}
      {role === 'admin' ? <AdminHome /> : role === 'security' ? <SecurityHome /> : <MemberHome />}
    </>
  );
}

function Stat({ label, value, to, testId }: { label: string; value: number | undefined; to: string; testId: string }) {
  return (
    <Card withBorder padding="lg" component={Link} to={to} data-testid={testId}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {value ?? '…'}
      </Text>
    </Card>
  );
}

function AdminHome() {
  const { t } = useI18n();
  const agencies = useAgencies({});
  const users = useUsers({});
  const locked = useUsers({ locked: true });
  const disabled = useUsers({ disabled: true });
  const error = agencies.error ?? users.error ?? locked.error ?? disabled.error;
  return (
    <Stack gap="xl">
      <ErrorAlert error={error} />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('home.agencies')} value={agencies.data?.total} to="/agencies" testId="stat-agencies" />
        <Stat label={t('home.users')} value={users.data?.total} to="/users" testId="stat-users" />
        <Stat label={t('home.locked')} value={locked.data?.total} to="/users?locked=true" testId="stat-locked" />
        <Stat label={t('home.disabled')} value={disabled.data?.total} to="/users?disabled=true" testId="stat-disabled" />
      </SimpleGrid>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('home.shortcuts')}
        </Title>
        <Group>
          <Button component={Link} to="/agencies/new" leftSection={<IconBuildingPlus size={18} aria-hidden />}>
            {t('home.newAgency')}
          </Button>
          <Button component={Link} to="/users/new" leftSection={<IconUserPlus size={18} aria-hidden />}>
            {t('home.newUser')}
          </Button>
          <Button component={Link} to="/users?locked=true" variant="default" leftSection={<IconLock size={18} aria-hidden />}>
            {t('home.viewLocked')}
          </Button>
          <Button component={Link} to="/audit" variant="default" leftSection={<IconFileText size={18} aria-hidden />}>
            {t('home.viewAudit')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

function SecurityHome() {
  const { t, formatDateTime } = useI18n();
  const failed = useAuditEvents({ action: 'auth.sign_in', outcome: 'failure', limit: 20 });
  return (
    <Stack gap="xl">
      <AuditVerify />
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('home.failedSignIns')}
          </Title>
          <Anchor component={Link} to="/audit?action=auth.&outcome=failure">
            {t('home.viewAudit')}
          </Anchor>
        </Group>
        <ErrorAlert error={failed.error} />
        {failed.isPending ? (
          <Loading />
        ) : failed.data && failed.data.items.length === 0 ? (
          <Text>{t('home.noFailedSignIns')}</Text>
        ) : (
          <TableScroll minWidth={560} label={t('home.failedSignIns')}>
            <Table striped withTableBorder data-testid="failed-sign-ins">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actorCol')}</Table.Th>
                  <Table.Th scope="col">{t('audit.ip')}</Table.Th>
                  <Table.Th scope="col">{t('audit.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {failed.data?.items.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td className="nowrap">{formatDateTime(e.occurredAt)}</Table.Td>
                    <Table.Td>{e.actorLabel}</Table.Td>
                    <Table.Td>{e.ip ?? '—'}</Table.Td>
                    <Table.Td>
                      {typeof e.data.reason === 'string' ? (
                        <Badge color="red" variant="light">
                          {reasonLabel(t, e.data.reason)}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </Stack>
  );
}

const REASONS = ['wrong_password', 'unknown_account', 'locked', 'slowed', 'ip_blocked', 'disabled'];
const reasonLabel = (t: TFunction, reason: string) => (REASONS.includes(reason) ? t(`audit.reason.${reason}` as MessageKey) : reason);

function MemberHome() {
  const { t, lang, formatDateTime } = useI18n();
  const { user } = useMe();
  const agency = useAgency(user.agencyId);
  const a = agency.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder padding="lg" data-testid="home-agency">
        <Title order={2} size="h4" mb="sm">
          {t('home.yourAgency')}
        </Title>
        <ErrorAlert error={agency.error} />
        {a ? (
          <Stack gap={6}>
            <Text fw={700} size="lg" data-testid="home-agency-name">
              {agencyName(a, lang)}
            </Text>
            <Group gap={6}>
              <Badge variant="light">{agencyTypeLabel(t, a.type)}</Badge>
              {a.isOperator && (
                <Badge color="grape" variant="light">
                  {t('agencies.operator')}
                </Badge>
              )}
            </Group>
            {(lang === 'en' ? a.descriptionEn || a.descriptionVi : a.descriptionVi) && (
              <Text size="sm">{lang === 'en' ? a.descriptionEn || a.descriptionVi : a.descriptionVi}</Text>
            )}
            <Contact label={t('agencies.email')} value={a.contact.email} />
            <Contact label={t('agencies.phone')} value={a.contact.phone} />
            <Contact label={t('agencies.address')} value={a.contact.address} />
            <Contact label={t('agencies.website')} value={a.contact.website} />
            <Anchor component={Link} to="/users" size="sm" mt="xs">
              {t('nav.agencyUsers')}
            </Anchor>
          </Stack>
        ) : (
          !agency.error && <Loading />
        )}
      </Card>
      <Card withBorder padding="lg" data-testid="home-account">
        <Title order={2} size="h4" mb="sm">
          {t('home.yourAccount')}
        </Title>
        <Stack gap={6}>
          <Text fw={700} size="lg">
            {user.displayName}
          </Text>
          <Group gap={6}>
            <RoleBadge role={user.role} />
            <Badge color={user.mfaEnabled ? 'green' : 'orange'} variant="light">
              {user.mfaEnabled ? t('home.mfaOn') : t('home.mfaOff')}
            </Badge>
          </Group>
          <Contact label={t('users.username')} value={user.username} />
          <Contact label={t('users.email')} value={user.email} />
          <Contact label={t('home.lastLogin')} value={formatDateTime(user.lastLoginAt)} />
          <Group gap="sm" mt="xs">
            <Anchor component={Link} to="/profile" size="sm">
              {t('nav.profile')}
            </Anchor>
            <Anchor component={Link} to="/sessions" size="sm">
              {t('nav.sessions')}
            </Anchor>
            <Anchor component={Link} to="/tokens" size="sm">
              {t('nav.tokens')}
            </Anchor>
          </Group>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

function Contact({ label, value }: { label: string; value: string | undefined | null }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}
