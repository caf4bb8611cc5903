// Agencies: search, filter by type, include archived; admins add and edit.
import { Anchor, Badge, Button, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAgencies } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { TableScroll } from '../../components/TableScroll';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { agencyName, agencyTypeLabel, agencyTypeOptions, type AgencyType } from '../../lib/labels';
import { useUrlFilters } from '../../lib/urlFilters';

export function AgenciesPage() {
  const { t, lang } = useI18n();
  const { isAdmin } = useMe();
  const filters = useUrlFilters(['type', 'includeArchived'], { debounceMs: 250 });
  const list = useAgencies({
    q: filters.get('q') || undefined,
    type: (filters.get('type') || undefined) as AgencyType | undefined,
    includeArchived: filters.flag('includeArchived') || undefined,
  });
  const all = useAgencies({ includeArchived: true });
  const byId = new Map((all.data?.items ?? []).map((a) => [a.id, a]));

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        actions={
          isAdmin && (
            <Button component={Link} to="/agencies/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="new-agency">
              {t('agencies.new')}
            </Button>
          )
        }
      />
      <Group align="flex-end" mb="md" gap="md">
        <TextInput
          label={t('common.search')}
          placeholder={t('agencies.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          maxLength={200}
          type="search"
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('agencies.type')}
          data={[{ value: '', label: t('common.all') }, ...agencyTypeOptions(t)]}
          value={filters.get('type')}
          onChange={(v) => filters.set('type', v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
        />
        <Switch
          label={t('agencies.includeArchived')}
          checked={filters.flag('includeArchived')}
          onChange={(e) => filters.set('includeArchived', e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.items.length === 0 ? (
        <Text>{t('common.empty')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs" role="status">
            {t('common.total', { count: list.data?.total ?? 0 })}
          </Text>
          <TableScroll minWidth={720} label={t('agencies.title')}>
            <Table striped highlightOnHover withTableBorder data-testid="agencies-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('agencies.name')}</Table.Th>
                  <Table.Th scope="col">{t('agencies.slugCol')}</Table.Th>
                  <Table.Th scope="col">{t('agencies.type')}</Table.Th>
                  <Table.Th scope="col">{t('agencies.parent')}</Table.Th>
                  <Table.Th scope="col">{t('users.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((a) => {
                  const parent = a.parentId ? byId.get(a.parentId) : undefined;
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/agencies/${a.id}`} fw={600}>
                          {agencyName(a, lang)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {a.slug}
                        </Text>
                      </Table.Td>
                      <Table.Td>{agencyTypeLabel(t, a.type)}</Table.Td>
                      <Table.Td>{parent ? agencyName(parent, lang) : '—'}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
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
                        </Group>
                      </Table.Td>
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
