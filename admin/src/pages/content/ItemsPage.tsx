// Items: the language versions the person may work on, newest change first, with filters kept in
// the URL (bookmarkable) and saved under a name on this browser ("saved views"); keyset
// pagination with "load more".
import { ActionIcon, Anchor, Button, Collapse, Group, Menu, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBookmark, IconBookmarkPlus, IconChevronDown, IconFilter, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAgencies } from '../../api/agencies';
import { useItemPages, type ItemQuery } from '../../api/content';
import { useTopics } from '../../api/topics';
import { useMe } from '../../auth/session';
import { LanguageBadge, VersionBadges } from '../../components/ContentBadges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { useContentLanguageOptions, kindLabel, kindOptions, stateOptions, topicName } from '../../lib/content';
import { agencyName } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { useUrlFilters } from '../../lib/urlFilters';

const PAGE = 50;
const FILTERS = ['kind', 'state', 'language', 'agencyId', 'topicId'] as const;
const VIEWS_KEY = 'ttdn.admin.itemViews';

interface SavedView {
  name: string;
  search: string;
}

function readViews(): SavedView[] {
  try {
    const v = JSON.parse(localStorage.getItem(VIEWS_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is SavedView => typeof x?.name === 'string' && typeof x?.search === 'string') : [];
  } catch {
    return [];
  }
}

function writeViews(views: SavedView[]) {
  try {
    localStorage.setItem(VIEWS_KEY, JSON.stringify(views));
  } catch {
    /* private mode: views last for this page only */
  }
}

export const canWriteContent = (role: string) => role === 'contributor' || role === 'appraiser';

export function ItemsPage() {
  const { t, lang, formatDateTime } = useI18n();
  const { role, seesAllAgencies } = useMe();
  const filters = useUrlFilters(FILTERS);
  const { get } = filters;
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [filtersOpen, setFiltersOpen] = useState(false);

  const query: ItemQuery = {
    kind: (get('kind') || undefined) as ItemQuery['kind'],
    state: (get('state') || undefined) as ItemQuery['state'],
    language: get('language') || undefined,
    agencyId: (seesAllAgencies && get('agencyId')) || undefined,
    topicId: get('topicId') || undefined,
    q: get('q') || undefined,
    limit: PAGE,
  };
  const items = useItemPages(query);
  const agencies = useAgencies({ includeArchived: true });
  const agencyById = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));
  const topics = useTopics();
  const languages = useContentLanguageOptions(get('language') ? [get('language')] : []);
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  const all = { value: '', label: t('common.all') };
  const filtered = filters.active;
  const activeFilters = filters.count;
  const selects = (
    <>
      <Select label={t('items.kind')} data={[all, ...kindOptions(t)]} value={get('kind')} onChange={(v) => filters.set('kind', v)} allowDeselect={false} />
      <Select label={t('items.state')} data={[all, ...stateOptions(t)]} value={get('state')} onChange={(v) => filters.set('state', v)} allowDeselect={false} />
      <Select
        label={t('items.language')}
        data={[all, ...languages]}
        value={get('language')}
        onChange={(v) => filters.set('language', v)}
        allowDeselect={false}
      />
      {seesAllAgencies && (
        <Select
          label={t('items.agency')}
          data={[all, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: agencyName(a, lang) }))]}
          value={get('agencyId')}
          onChange={(v) => filters.set('agencyId', v)}
          searchable
          allowDeselect={false}
        />
      )}
      <Select
        label={t('items.topic')}
        data={[all, ...(topics.data?.items ?? []).map((x) => ({ value: x.id, label: topicName(x, lang) }))]}
        value={get('topicId')}
        onChange={(v) => filters.set('topicId', v)}
        searchable
        allowDeselect={false}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('items.title')}
        intro={t('items.intro')}
        actions={
          <>
            <SavedViews />
            {canWriteContent(role) && (
              <Button component={Link} to="/items/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="new-item">
                {t('items.new')}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: seesAllAgencies ? 6 : 5 }} mb="md" role="search" aria-label={t('common.filter')}>
        <TextInput
          label={t('common.search')}
          placeholder={t('items.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          maxLength={200}
          type="search"
        />
        {isPhone ? (
          <Stack gap="sm">
            <Button
              variant="default"
              leftSection={<IconFilter size={16} aria-hidden />}
              rightSection={<IconChevronDown size={14} aria-hidden style={{ transform: filtersOpen ? 'rotate(180deg)' : undefined }} />}
              onClick={() => setFiltersOpen((o) => !o)}
              aria-expanded={filtersOpen}
              aria-controls="item-filters"
              justify="space-between"
            >
              {activeFilters ? t('items.filtersN', { count: activeFilters }) : t('items.filters')}
            </Button>
            <Collapse expanded={filtersOpen} id="item-filters">
              <Stack gap="sm">{selects}</Stack>
            </Collapse>
          </Stack>
        ) : (
          selects
        )}
      </SimpleGrid>
      {filtered && (
        <Group mb="sm">
          <Button variant="subtle" size="compact-sm" onClick={() => filters.clear()}>
            {t('items.clearFilters')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      {items.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Text role="status">{t('common.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" role="status">
            {items.hasNextPage ? t('items.shownMore', { count: rows.length }) : t('items.shown', { count: rows.length })}
          </Text>
          {isPhone ? (
            <Stack gap="sm" data-testid="items-table">
              {rows.map((r) => {
                const a = agencyById.get(r.agencyId);
                return (
                  <Paper key={r.id} withBorder p="sm" data-testid={`item-row-${r.id}`}>
                    <Anchor component={Link} to={`/items/${r.id}`} fw={600}>
                      {r.title || t('items.untitled')}
                    </Anchor>
                    <Group gap={6} mt={4}>
                      <LanguageBadge code={r.language} />
                      <Text size="xs">
                        {kindLabel(t, r.kind)} · {r.isSource ? t('items.source') : t('items.translation')}
                      </Text>
                    </Group>
                    <Group mt={6}>
                      <VersionBadges state={r.state} online={r.online} scheduledAt={r.state === 'approved' ? r.scheduledAt : null} />
                    </Group>
                    <Text size="xs" c="dimmed" mt={4}>
                      {a ? agencyName(a, lang) : '—'} · {formatDateTime(r.updatedAt)}
                    </Text>
                  </Paper>
                );
              })}
            </Stack>
          ) : (
            <TableScroll minWidth={920} label={t('items.title')}>
              <Table striped highlightOnHover withTableBorder data-testid="items-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('field.title')}</Table.Th>
                    <Table.Th scope="col" className="nowrap">
                      {t('items.language')}
                    </Table.Th>
                    <Table.Th scope="col">{t('items.kind')}</Table.Th>
                    <Table.Th scope="col">{t('items.state')}</Table.Th>
                    <Table.Th scope="col">{t('items.agency')}</Table.Th>
                    <Table.Th scope="col">{t('items.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => {
                    const a = agencyById.get(r.agencyId);
                    return (
                      <Table.Tr key={r.id} data-testid={`item-row-${r.id}`}>
                        <Table.Td miw={260}>
                          <Anchor component={Link} to={`/items/${r.id}`} fw={600}>
                            {r.title || t('items.untitled')}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {r.isSource ? t('items.source') : t('items.translation')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <LanguageBadge code={r.language} />
                        </Table.Td>
                        <Table.Td className="nowrap">{kindLabel(t, r.kind)}</Table.Td>
                        <Table.Td>
                          <VersionBadges state={r.state} online={r.online} scheduledAt={r.state === 'approved' ? r.scheduledAt : null} />
                        </Table.Td>
                        <Table.Td miw={160}>{a ? agencyName(a, lang) : '—'}</Table.Td>
                        <Table.Td miw={110}>{formatDateTime(r.updatedAt)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          {items.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void items.fetchNextPage()} loading={items.isFetchingNextPage} data-testid="load-more">
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}

/** Named filter sets on this browser: pick one from the menu, save the current one, delete. */
function SavedViews() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [views, setViews] = useState<SavedView[]>(readViews);
  const [saving, saveModal] = useDisclosure(false);
  const [managing, manageModal] = useDisclosure(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = new URLSearchParams([...params].filter(([k]) => k === 'q' || (FILTERS as readonly string[]).includes(k))).toString();

  const update = (next: SavedView[]) => {
    setViews(next);
    writeViews(next);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setError(t('common.required'));
    if (n.length > 60) return setError(t('common.tooLong', { max: 60 }));
    update([...views.filter((v) => v.name !== n), { name: n, search: current }].sort((a, b) => a.name.localeCompare(b.name)));
    notifySuccess(t('views.saved', { name: n }));
    setName('');
    setError(null);
    saveModal.close();
  };

  return (
    <>
      <Menu position="bottom-end" width={260} withinPortal={false} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={18} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            data-testid="saved-views"
          >
            {t('views.title')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {views.length === 0 ? (
            <Menu.Item disabled>{t('views.none')}</Menu.Item>
          ) : (
            views.map((v) => (
              <Menu.Item
                key={v.name}
                onClick={() => setParams(new URLSearchParams(v.search))}
                aria-current={v.search === current ? 'true' : undefined}
                fw={v.search === current ? 700 : undefined}
              >
                {v.name}
              </Menu.Item>
            ))
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmarkPlus size={16} aria-hidden />} onClick={saveModal.open}>
            {t('views.saveCurrent')}
          </Menu.Item>
          {views.length > 0 && (
            <Menu.Item leftSection={<IconTrash size={16} aria-hidden />} onClick={manageModal.open}>
              {t('views.manage')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={saveModal.close} title={t('views.saveCurrent')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={save} noValidate>
          <Stack>
            <Text size="sm">{current ? t('views.saveIntro') : t('views.saveAll')}</Text>
            <TextInput
              label={t('views.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error}
              required
              maxLength={60}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={saveModal.close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={managing} onClose={manageModal.close} title={t('views.manage')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="xs">
          {views.length === 0 && <Text>{t('views.none')}</Text>}
          {views.map((v) => (
            <Group key={v.name} justify="space-between" wrap="nowrap">
              <Text truncate="end">{v.name}</Text>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => update(views.filter((x) => x.name !== v.name))}
                aria-label={t('views.delete', { name: v.name })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
