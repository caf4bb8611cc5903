// One file of the library as a card: thumbnail, name (a link to its page, or a checkbox when
// picking files for an item), kind, size and visibility.
import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { visibilityLabel } from '../../lib/content';
import { formatBytes, mediaKindLabel, VISIBILITY_BADGE } from '../../lib/media';
import { MediaThumb } from './MediaThumb';

interface Props {
  media: Media;
  /** Picking mode: a checkbox instead of the link. */
  selected?: boolean;
  onToggle?: (checked: boolean) => void;
  /** Already attached, or not the kind the slot takes. */
  disabled?: boolean;
  disabledNote?: string;
}

export function MediaCard({ media: m, selected, onToggle, disabled, disabledNote }: Props) {
  const { t, lang } = useI18n();
  const picking = onToggle !== undefined;
  return (
    <Paper
      withBorder
      p="xs"
      data-testid="media-card"
      data-name={m.fileName}
      bg={selected ? 'ttdn.0' : undefined}
      style={selected ? { borderColor: 'var(--mantine-color-ttdn-7)' } : undefined}
    >
      <Stack gap={6}>
        <MediaThumb media={m} />
        {picking ? (
          <Checkbox
            checked={!!selected}
            disabled={disabled}
            onChange={(e) => onToggle(e.currentTarget.checked)}
            label={
              <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                {m.fileName}
              </Text>
            }
            description={disabled ? disabledNote : undefined}
          />
        ) : (
          <Anchor component={Link} to={`/media/${m.id}`} size="sm" fw={600} style={{ wordBreak: 'break-word' }} lineClamp={2}>
            {m.fileName}
          </Anchor>
        )}
        <Group gap={6} justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            {mediaKindLabel(t, m.kind)} · {formatBytes(lang, m.size)}
          </Text>
          <Badge size="sm" variant="light" color={VISIBILITY_BADGE[m.visibility] ?? 'gray'}>
            {visibilityLabel(t, m.visibility)}
          </Badge>
        </Group>
      </Stack>
    </Paper>
  );
}
