// Badges of a language version: its workflow state, "online" when a published revision is live,
// and the scheduled publication time.
import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { IconClock, IconWorld } from '@tabler/icons-react';
import { useI18n } from '../i18n';
import { languageName, stateColor, stateLabel } from '../lib/content';

export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return (
    <Badge color={stateColor(state)} variant={state === 'published' ? 'filled' : 'light'} data-testid="state-badge" data-state={state}>
      {stateLabel(t, state)}
    </Badge>
  );
}

export function VersionBadges({ state, online, scheduledAt }: { state: string; online: boolean; scheduledAt?: string | null }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      <StateBadge state={state} />
      {online && state !== 'published' && (
        <Badge color="green" variant="outline" leftSection={<IconWorld size={12} aria-hidden />}>
          {t('items.online')}
        </Badge>
      )}
      {scheduledAt && (
        <Badge color="indigo" variant="light" leftSection={<IconClock size={12} aria-hidden />}>
          {t('items.scheduledAt', { time: formatDateTime(scheduledAt) })}
        </Badge>
      )}
    </Group>
  );
}

export function LanguageBadge({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <Badge color="gray" variant="outline" title={languageName(t, code)}>
      <span aria-hidden>{code.toUpperCase()}</span>
      <VisuallyHidden>{languageName(t, code)}</VisuallyHidden>
    </Badge>
  );
}
