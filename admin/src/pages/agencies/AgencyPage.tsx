// One agency: details (editable by admins), archive/restore, its file storage (quota set by
// admins), and its accounts.
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, type Agency } from '../../api/client';
import { agencyRequests, useAgency, useAgencyMutation } from '../../api/agencies';
import { useUsers } from '../../api/users';
import { useMe } from '../../auth/session';
import { RoleBadge, UserStatusBadges } from '../../components/Badges';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TableScroll } from '../../components/TableScroll';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey } from '../../i18n';
import { agencyName, agencyTypeLabel } from '../../lib/labels';
import { NotFoundPage } from '../NotFoundPage';
import { AgencyForm, agencyToValues } from './AgencyForm';
import { AgencyStorage } from './AgencyStorage';

export function AgencyPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { isAdmin } = useMe();
  const agency = useAgency(id);
  const restore = useAgencyMutation(agencyRequests.restore, { success: t('agencies.restoredDone') });
  const archive = useAgencyMutation(agencyRequests.archive, { success: t('agencies.archivedDone') });
  const update = useAgencyMutation(agencyRequests.update, { success: t('common.saved') });
  const [stale, setStale] = useState(false);
  const [formKey, setFormKey] = useState(0);

  if (agency.isPending) return <Loading />;
  if (agency.error instanceof ApiError && agency.error.status === 404) return <NotFoundPage />;
  if (!agency.data) return <ErrorAlert error={agency.error} onRetry={() => void agency.refetch()} />;
  const a = agency.data;

  return (
    <>
      <PageHeader
        title={agencyName(a, lang)}
        badges={
          <>
            {a.isOperator && (
              <Badge color="grape" variant="light">
                {t('agencies.operator')}
              </Badge>
            )}
            {a.archivedAt && (
              <Badge color="gray" variant="filled">
                {t('agencies.archived')}
              </Badge>
            )}
          </>
        }
        actions={
          isAdmin &&
          (a.archivedAt ? (
            <ConfirmButton variant="default" message={t('agencies.restore')} onConfirm={() => restore.mutateAsync(a.id)}>
              {t('agencies.restore')}
            </ConfirmButton>
          ) : (
            <ConfirmButton
              variant="default"
              danger
              message={t('agencies.archiveConfirm', { name: agencyName(a, lang) })}
              onConfirm={() => archive.mutateAsync(a.id)}
            >
              {t('agencies.archive')}
            </ConfirmButton>
          ))
        }
      />
      <Stack gap="xl">
        {isAdmin ? (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={960}>
            <Title order={2} size="h3" mb="md">
              {t('agencies.edit')}
            </Title>
            {stale && (
              <Alert color="orange" variant="light" mb="md" role="alert" ref={(el) => el?.scrollIntoView({ block: 'nearest' })} style={{ scrollMarginTop: 72 }}>
                {t('agencies.stale')}
              </Alert>
            )}
            <AgencyForm
              key={`${a.version}-${formKey}`}
              initial={agencyToValues(a)}
              selfId={a.id}
              submitLabel={t('common.save')}
              onSubmit={async (body) => {
                try {
                  await update.mutateAsync({ id: a.id, ...body, version: a.version ?? 1 });
                  setStale(false);
                } catch (e) {
                  if (e instanceof ApiError && e.code === 'stale_revision') {
                    setStale(true);
                    await agency.refetch();
                    setFormKey((k) => k + 1);
                    return;
                  }
                  throw e;
                }
              }}
            />
          </Paper>
        ) : (
          <AgencyDetails agency={a} />
        )}
        <AgencyStorage agencyId={a.id} agencyLabel={agencyName(a, lang)} />
        <AgencyUsers agency={a} />
      </Stack>
    </>
  );
}

function AgencyDetails({ agency: a }: { agency: Agency }) {
  const { t, lang } = useI18n();
  const row = (label: string, value: string | undefined | null) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
  return (
    <Paper withBorder p="lg" maw={960}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {row(t('agencies.nameVi'), a.nameVi)}
        {row(t('agencies.nameEn'), a.nameEn)}
        {row(t('agencies.slug'), a.slug)}
        {row(t('agencies.type'), agencyTypeLabel(t, a.type))}
        {row(t('agencies.functions'), (a.functions ?? []).map((f) => t(`agencyFunction.${f}` as MessageKey)).join(', '))}
        {row(t('agencies.email'), a.contact.email)}
        {row(t('agencies.phone'), a.contact.phone)}
        {row(t('agencies.address'), a.contact.address)}
        {row(t('agencies.website'), a.contact.website)}
      </SimpleGrid>
      {(lang === 'en' ? a.descriptionEn || a.descriptionVi : a.descriptionVi) && (
        <Text size="sm" mt="md">
          {lang === 'en' ? a.descriptionEn || a.descriptionVi : a.descriptionVi}
        </Text>
      )}
    </Paper>
  );
}

function AgencyUsers({ agency }: { agency: Agency }) {
  const { t } = useI18n();
  const { isAdmin } = useMe();
  const users = useUsers({ agencyId: agency.id });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('agencies.users')}
        </Title>
        {isAdmin && !agency.archivedAt && (
          <Button
            component={Link}
            to={`/users/new?agencyId=${agency.id}`}
            variant="light"
            leftSection={<IconUserPlus size={18} aria-hidden />}
            data-testid="agency-add-user"
          >
            {t('agencies.addUser')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={users.error} />
      {users.isPending ? (
        <Loading />
      ) : users.data && users.data.items.length === 0 ? (
        <Text>{t('common.empty')}</Text>
      ) : (
        <TableScroll minWidth={600} label={t('agencies.users')}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.role')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/users/${u.id}`}>
                      {u.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>
                    <RoleBadge role={u.role} />
                  </Table.Td>
                  <Table.Td>
                    <UserStatusBadges user={u} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
