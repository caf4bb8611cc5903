// An agency's storage: used of its quota, as a bar and in words.
import { Group, Paper, Progress, Text } from '@mantine/core';
import { useStorageUsage } from '../../api/media';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { formatBytes } from '../../lib/media';

export function StorageBar({ agencyId, agencyLabel }: { agencyId: string; agencyLabel: string }) {
  const { t, lang } = useI18n();
  const usage = useStorageUsage(agencyId);
  const u = usage.data;
  if (usage.error) return <ErrorAlert error={usage.error} />;
  const percent = u && u.quotaBytes > 0 ? Math.min(100, (u.usedBytes / u.quotaBytes) * 100) : 0;
  const label = t('media.storage', { agency: agencyLabel });
  return (
    <Paper withBorder p="sm" data-testid="storage-bar">
      <Group justify="space-between" gap="xs" mb={6}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm">
          {u ? t('media.storageUsed', { used: formatBytes(lang, u.usedBytes), quota: formatBytes(lang, u.quotaBytes), files: u.files }) : '…'}
        </Text>
      </Group>
      <Progress value={percent} color={percent >= 90 ? 'red.8' : percent >= 75 ? 'orange.8' : 'ttdn'} size="md" aria-label={label} />
    </Paper>
  );
}
