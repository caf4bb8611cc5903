// Clarification cases (issue 7): the DIC's and IOC's board of every case, an agency's own cases with
// its inbox first ("what we owe and by when"). Filters live in the URL; countdowns are Huế calendar
// days from the due dates the API gives.
import { Anchor, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAgencies } from '../../api/agencies';
import { useCasePages, type CaseQuery, type CaseSummary } from '../../api/cases';
import { useMeta } from '../../api/meta';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { useUrlFilters } from '../../lib/urlFilters';
import { CaseStatusBadge, DeadlineBadge, SeverityBadge } from './CaseBadges';
import { statusOptions } from './types';

const PAGE = 50;

export const canOpenCase = (role: string) => role === 'appraiser' || role === 'admin' || role === 'contributor';

export function CasesPage() {
  const { t, lang } = useI18n();
  const { role, user, seesAllAgencies } = useMe();
  const responseDays = useMeta().data?.caseResponseDays ?? 7;
  const filters = useUrlFilters(['status', 'agencyId', 'overdue', 'view']);
  const isPhone = useMediaQuery('(max-width: 48em)');
  // An agency lands on its inbox (what it owes); the DIC and IOC on the whole board.
  const view = seesAllAgencies ? 'all' : filters.get('view') || 'owed';

  const query: CaseQuery = {
    status: filters.get('status') || undefined,
    agencyId: seesAllAgencies ? filters.get('agencyId') || undefined : view === 'owed' ? user.agencyId : undefined,
    pending: !seesAllAgencies && view === 'owed' ? true : undefined,
    overdue: filters.flag('overdue') || undefined,
    q: filters.get('q') || undefined,
    limit: PAGE,
  };
  const list = useCasePages(query);
  const agencies = useAgencies({ includeArchived: true });
  const byId = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));
  const name = (id: string) => {
    const a = byId.get(id);
    return a ? agencyName(a, lang) : '…';
  };
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  // In the inbox, the most urgent first: the agency's own due date.
  const mine = (c: CaseSummary) => c.agencies.find((a) => a.agencyId === user.agencyId);
  const shown = !seesAllAgencies && view === 'owed' ? [...rows].sort((a, b) => (mine(a)?.dueDate ?? '9').localeCompare(mine(b)?.dueDate ?? '9')) : rows;
  const all = { value: '', label: t('common.all') };
  const filtered = ['status', 'agencyId', 'overdue', 'q'].some((k) => filters.params.get(k));

  const agenciesCell = (c: CaseSummary) =>
    c.agencies.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('cases.noAgencies')}
      </Text>
    ) : (
      <Stack gap={4}>
        {c.agencies.map((a) => (
          <Group key={a.agencyId} gap={6} wrap="wrap" data-testid="case-agency">
            <Text size="sm" fw={a.agencyId === user.agencyId ? 700 : undefined}>
              {name(a.agencyId)}
            </Text>
            <DeadlineBadge d={a} />
          </Group>
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        intro={seesAllAgencies ? t('cases.introAll', { days: responseDays }) : t('cases.introAgency')}
        actions={
          <>
            <Button component={Link} to="/cases/figures" variant="default" leftSection={<IconChartBar size={18} aria-hidden />}>
              {t('cases.figures')}
            </Button>
            {canOpenCase(role) && (
              <Button component={Link} to="/cases/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="new-case">
                {t('cases.new')}
              </Button>
            )}
          </>
        }
      />
      {!seesAllAgencies && (
        <SegmentedControl
          mb="md"
          // stacked on a phone: the two labels do not fit side by side at 390 px
          orientation={isPhone ? 'vertical' : 'horizontal'}
          fullWidth={isPhone}
          value={view}
          onChange={(v) => filters.set('view', v === 'owed' ? null : v)}
          data={[
            { value: 'owed', label: t('cases.viewOwed') },
            { value: 'mine', label: t('cases.viewAll') },
          ]}
          aria-label={t('cases.view')}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: seesAllAgencies ? 4 : 3 }} mb="sm" role="search" aria-label={t('common.filter')}>
        <TextInput
          label={t('common.search')}
          placeholder={t('cases.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          maxLength={300}
          type="search"
        />
        <Select
          label={t('cases.statusLabel')}
          data={[all, ...statusOptions(t)]}
          value={filters.get('status')}
          onChange={(v) => filters.set('status', v)}
          allowDeselect={false}
        />
        {seesAllAgencies && (
          <Select
            label={t('cases.agency')}
            data={[all, ...(agencies.data?.items ?? []).filter((a) => !a.archivedAt).map((a) => ({ value: a.id, label: agencyName(a, lang) }))]}
            value={filters.get('agencyId')}
            onChange={(v) => filters.set('agencyId', v)}
            searchable
            allowDeselect={false}
          />
        )}
        <Checkbox
          mt={{ base: 0, xs: 30 }}
          label={t('cases.overdueOnly')}
          checked={filters.flag('overdue')}
          onChange={(e) => filters.set('overdue', e.currentTarget.checked)}
          data-testid="overdue-only"
        />
      </SimpleGrid>
      {filtered && (
        <Group mb="sm">
          <Button variant="subtle" size="compact-sm" onClick={() => filters.clear(['view'])}>
            {t('items.clearFilters')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : shown.length === 0 ? (
        <Text role="status">{!seesAllAgencies && view === 'owed' && !filtered ? t('cases.nothingOwed') : t('common.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" role="status">
            {t('cases.shown', { count: shown.length, total })}
          </Text>
          {!seesAllAgencies && view === 'owed' ? (
            <Stack gap="sm" data-testid="cases-owed">
              {shown.map((c) => {
                const m = mine(c);
                return (
                  <Paper key={c.id} withBorder p="md" data-testid="case-row">
                    <Group justify="space-between" align="flex-start" gap="sm">
                      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {c.reference}
                        </Text>
                        <Anchor component={Link} to={`/cases/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {c.title}
                        </Anchor>
                        <Group gap={6}>
                          <CaseStatusBadge status={c.status} />
                          <SeverityBadge severity={c.severity} />
                        </Group>
                      </Stack>
                      {m && (
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" fw={500}>
                            {t('cases.youOwe')}
                          </Text>
                          <DeadlineBadge d={m} />
                        </Stack>
                      )}
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          ) : isPhone ? (
            <Stack gap="sm" data-testid="cases-table">
              {shown.map((c) => (
                <Paper key={c.id} withBorder p="sm" data-testid="case-row" data-overdue={c.overdueCount > 0 || undefined}>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {c.reference}
                  </Text>
                  <Anchor component={Link} to={`/cases/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {c.title}
                  </Anchor>
                  <Group gap={6} my={6}>
                    <CaseStatusBadge status={c.status} />
                    <SeverityBadge severity={c.severity} />
                  </Group>
                  {agenciesCell(c)}
                </Paper>
              ))}
            </Stack>
          ) : (
            <TableScroll minWidth={900} label={t('cases.title')}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="cases-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cases.reference')}</Table.Th>
                    <Table.Th>{t('cases.caseTitle')}</Table.Th>
                    <Table.Th>{t('cases.statusLabel')}</Table.Th>
                    <Table.Th>{t('cases.severityLabel')}</Table.Th>
                    <Table.Th>{t('cases.agenciesDeadlines')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((c) => (
                    <Table.Tr key={c.id} data-testid="case-row" data-overdue={c.overdueCount > 0 || undefined}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" ff="monospace">
                          {c.reference}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ maxWidth: 340 }}>
                        <Anchor component={Link} to={`/cases/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {c.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <CaseStatusBadge status={c.status} />
                      </Table.Td>
                      <Table.Td>
                        <SeverityBadge severity={c.severity} />
                      </Table.Td>
                      <Table.Td>{agenciesCell(c)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
