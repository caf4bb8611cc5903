// Picking files of the library for an item: a dialog with search and a kind filter, the files as
// cards with checkboxes, "load more", and the chosen files added in the order they were ticked.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useMediaList, type Media, type MediaKind } from '../../api/media';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { mediaKindOptions } from '../../lib/media';
import { MediaCard } from './MediaCard';

interface Props {
  opened: boolean;
  onClose: () => void;
  onPick: (files: Media[]) => void;
  /** Only this kind (album photos, the document's file). */
  kind?: MediaKind;
  multiple?: boolean;
  /** Already attached: shown, not selectable. */
  exclude?: readonly string[];
  agencyId?: string;
  title: string;
}

export function MediaPicker({ opened, onClose, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={rest.title} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {/* Mounted only while open: every opening starts with a fresh list and nothing ticked. */}
      {opened && <PickerBody onClose={onClose} {...rest} />}
    </Modal>
  );
}

function PickerBody({ onClose, onPick, kind, multiple = true, exclude = [], agencyId }: Omit<Props, 'opened' | 'title'>) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [kindFilter, setKindFilter] = useState<string>(kind ?? '');
  const [picked, setPicked] = useState<Media[]>([]);
  const list = useMediaList({ kind: (kindFilter || undefined) as MediaKind | undefined, q: debounced || undefined, agencyId, limit: 24 });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const excluded = new Set(exclude);
  const toggle = (m: Media, on: boolean) =>
    setPicked((cur) => (on ? (multiple ? [...cur.filter((x) => x.id !== m.id), m] : [m]) : cur.filter((x) => x.id !== m.id)));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: kind ? 1 : 2 }} role="search" aria-label={t('common.filter')}>
        <TextInput
          label={t('common.search')}
          placeholder={t('media.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
          type="search"
          data-autofocus
          data-testid="picker-search"
        />
        {!kind && (
          <Select
            label={t('media.kind')}
            data={[{ value: '', label: t('common.all') }, ...mediaKindOptions(t)]}
            value={kindFilter}
            onChange={(v) => setKindFilter(v ?? '')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
        )}
      </SimpleGrid>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Text role="status">{t('common.empty')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 2, xs: 3, sm: 4 }}
          spacing="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('media.picker.files')}
          data-testid="picker-grid"
        >
          {rows.map((m) => (
            <li key={m.id}>
              <MediaCard
                media={m}
                selected={excluded.has(m.id) || picked.some((x) => x.id === m.id)}
                disabled={excluded.has(m.id)}
                disabledNote={t('media.picker.attached')}
                onToggle={(on) => toggle(m, on)}
              />
            </li>
          ))}
        </SimpleGrid>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      <Group justify="space-between" gap="sm" className="save-bar" py="xs" bg="var(--mantine-color-body)">
        <Text size="sm" role="status">
          {t('media.picker.selected', { count: picked.length })}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={picked.length === 0}
            onClick={() => {
              onPick(picked);
              onClose();
            }}
            data-testid="picker-add"
          >
            {multiple ? t('media.picker.add', { count: picked.length }) : t('media.picker.choose')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
