// The media library: the agency's storage, the upload area, filters kept in the URL, and the files
// as a grid of cards with "load more" (keyset pages, newest first).
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMediaList, type MediaQuery } from '../../api/media';
import { useAgencies, useAgency } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { mediaKindOptions } from '../../lib/media';
import { canWriteContent } from '../content/ItemsPage';
import { MediaCard } from './MediaCard';
import { StorageBar } from './StorageBar';
import { Uploader } from './Uploader';

const PAGE = 48;

export function MediaLibraryPage() {
  const { t, lang } = useI18n();
  const { user, role, seesAllAgencies } = useMe();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const get = (k: string) => params.get(k) ?? '';
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) setParam('q', debounced || null);
  }, [debounced]);

  const agencyId = (seesAllAgencies && get('agencyId')) || undefined;
  const query: Omit<MediaQuery, 'cursor'> = { kind: (get('kind') || undefined) as MediaQuery['kind'], agencyId, q: get('q') || undefined, limit: PAGE };
  const list = useMediaList(query);
  const agencies = useAgencies({ includeArchived: true }, seesAllAgencies);
  const target = agencyId ?? user.agencyId;
  const targetAgency = useAgency(target);
  const targetLabel = targetAgency.data ? agencyName(targetAgency.data, lang) : '…';
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const all = { value: '', label: t('common.all') };

  return (
    <>
      <PageHeader title={t('media.title')} intro={t('media.intro')} />
      <Stack gap="lg">
        <StorageBar agencyId={target} agencyLabel={targetLabel} />
        {canWriteContent(role) && (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Title order={2} size="h4" mb="sm">
              {t('upload.title')}
            </Title>
            <Uploader agencyId={agencyId} targetLabel={seesAllAgencies ? targetLabel : undefined} linkToFiles />
          </Paper>
        )}
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: seesAllAgencies ? 3 : 2 }}
          role="search"
          aria-label={t('common.filter')}
          maw={seesAllAgencies ? undefined : 720}
        >
          <TextInput
            label={t('common.search')}
            placeholder={t('media.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maxLength={200}
            type="search"
          />
          <Select
            label={t('media.kind')}
            data={[all, ...mediaKindOptions(t)]}
            value={get('kind')}
            onChange={(v) => setParam('kind', v || null)}
            allowDeselect={false}
            data-testid="media-kind-filter"
          />
          {seesAllAgencies && (
            <Select
              label={t('items.agency')}
              data={[all, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: agencyName(a, lang) }))]}
              value={get('agencyId')}
              onChange={(v) => setParam('agencyId', v || null)}
              searchable
              allowDeselect={false}
            />
          )}
        </SimpleGrid>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        {list.isPending ? (
          <Loading />
        ) : rows.length === 0 ? (
          <Text role="status">{get('q') || get('kind') ? t('common.empty') : t('media.empty')}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm" role="status">
              {list.hasNextPage ? t('media.shownMore', { count: rows.length }) : t('media.shown', { count: rows.length })}
            </Text>
            <SimpleGrid
              cols={{ base: 2, xs: 3, md: 4, lg: 5, xl: 6 }}
              spacing="sm"
              data-testid="media-grid"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('media.title')}
            >
              {rows.map((m) => (
                <li key={m.id}>
                  <MediaCard media={m} />
                </li>
              ))}
            </SimpleGrid>
            {list.hasNextPage && (
              <Group justify="center">
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
                  {t('common.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}
