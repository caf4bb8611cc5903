// The upload area: drop files on it or choose them with the button (the keyboard way); each file
// gets a progress bar, pause/resume, and the server's refusal if it is refused.
import { ActionIcon, Anchor, Box, Button, FileButton, Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconRefresh, IconUpload, IconX } from '@tabler/icons-react';
import { useState, type DragEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { ACCEPT, formatBytes } from '../../lib/media';
import { useUploads, type UploadEntry } from './uploads';

interface Props {
  /** Where the files go (defaults to the person's agency). */
  agencyId?: string;
  /** Shown under the button: which agency's library receives the files. */
  targetLabel?: string;
  accept?: keyof typeof ACCEPT;
  multiple?: boolean;
  onUploaded?: (m: Media) => void;
  /** A smaller area (inside a form or a dialog). */
  compact?: boolean;
  /** Links to the finished files' pages (the library screen). */
  linkToFiles?: boolean;
}

export function Uploader({ agencyId, targetLabel, accept = 'any', multiple = true, onUploaded, compact, linkToFiles }: Props) {
  const { t } = useI18n();
  const { entries, add, pause, resume, remove, clearFinished } = useUploads({ agencyId, onUploaded });
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const list = Array.from(e.dataTransfer.files);
    add(multiple ? list : list.slice(0, 1));
  };
  const finished = entries.filter((e) => e.status === 'done').length;

  return (
    <Stack gap="sm" data-testid="uploader">
      <Box
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        p={compact ? 'sm' : 'lg'}
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={onDrop}
      >
        <Group gap="sm" justify={compact ? 'flex-start' : 'center'} wrap="wrap">
          <IconUpload size={compact ? 22 : 30} aria-hidden color="var(--mantine-color-ttdn-7)" />
          <Text size="sm">{multiple ? t('upload.dropHere') : t('upload.dropOne')}</Text>
          <FileButton onChange={(f: File | File[] | null) => add(f ? (Array.isArray(f) ? f : [f]) : null)} accept={ACCEPT[accept]} multiple={multiple}>
            {(props) => (
              <Button {...props} variant="light" size={compact ? 'xs' : 'sm'} data-testid="choose-files">
                {multiple ? t('upload.choose') : t('upload.chooseOne')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed" mt={6} ta={compact ? undefined : 'center'}>
          {t(`upload.types.${accept}`)} {t('upload.resumable')}
        </Text>
        {targetLabel && (
          <Text size="xs" mt={4} ta={compact ? undefined : 'center'}>
            {t('upload.target', { agency: targetLabel })}
          </Text>
        )}
      </Box>
      {entries.length > 0 && (
        <Stack gap={6} component="ul" aria-label={t('upload.list')} p={0} m={0} style={{ listStyle: 'none' }} data-testid="upload-list">
          {entries.map((e) => (
            <UploadRow
              key={e.key}
              entry={e}
              onPause={() => pause(e.key)}
              onResume={() => resume(e.key)}
              onRemove={() => remove(e.key)}
              linkToFile={linkToFiles}
            />
          ))}
          {finished > 1 && (
            <Group justify="flex-end" component="li">
              <Button variant="subtle" size="compact-sm" onClick={clearFinished}>
                {t('upload.clearFinished')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function UploadRow({
  entry: e,
  onPause,
  onResume,
  onRemove,
  linkToFile,
}: {
  entry: UploadEntry;
  onPause: () => void;
  onResume: () => void;
  onRemove: () => void;
  linkToFile?: boolean;
}) {
  const { t, lang } = useI18n();
  const percent = e.size ? Math.min(100, Math.round((e.sent / e.size) * 100)) : e.status === 'done' ? 100 : 0;
  const checking = e.status === 'uploading' && e.size > 0 && e.sent >= e.size;
  const status =
    e.status === 'done'
      ? e.media?.duplicate
        ? t('upload.duplicate')
        : t('upload.done')
      : e.status === 'error'
        ? e.offline
          ? t('upload.offline')
          : t('upload.refused')
        : e.status === 'paused'
          ? t('upload.paused')
          : e.status === 'queued'
            ? t('upload.queued')
            : checking
              ? t('upload.checking')
              : t('upload.uploading');
  const color = e.status === 'error' ? 'red' : e.status === 'done' ? 'green' : e.status === 'paused' ? 'gray' : 'ttdn';
  const action = (label: string, icon: ReactNode, onClick: () => void, testId: string) => (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="gray" onClick={onClick} aria-label={`${label}: ${e.name}`} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Paper withBorder p="xs" component="li" data-testid="upload-row" data-status={e.status} data-name={e.name}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="nowrap">
            {e.status === 'done' && e.media && linkToFile ? (
              <Anchor component={Link} to={`/media/${e.media.id}`} size="sm" fw={600} truncate="end">
                {e.name}
              </Anchor>
            ) : (
              <Text size="sm" fw={600} truncate="end">
                {e.name}
              </Text>
            )}
            <Text size="xs" c="dimmed" className="nowrap">
              {formatBytes(lang, e.size)}
            </Text>
          </Group>
          <Progress
            value={percent}
            color={color}
            size="sm"
            mt={4}
            aria-label={t('upload.progressOf', { name: e.name })}
            striped={checking}
            animated={checking}
          />
          <Group gap={6} mt={2} wrap="nowrap" align="flex-start">
            <Text size="xs" c={e.status === 'error' ? 'red.9' : undefined} aria-live="polite" data-testid="upload-status" style={{ flex: 1 }}>
              {status}
              {e.error ? `: ${e.error}` : ''}
            </Text>
            {e.status !== 'done' && e.status !== 'error' && (
              <Text size="xs" c="dimmed" aria-hidden>
                {percent}%
              </Text>
            )}
          </Group>
        </Box>
        <Group gap={2} wrap="nowrap">
          {e.status === 'uploading' && !checking && action(t('upload.pause'), <IconPlayerPause size={18} aria-hidden />, onPause, 'upload-pause')}
          {e.status === 'paused' && action(t('upload.resume'), <IconPlayerPlay size={18} aria-hidden />, onResume, 'upload-resume')}
          {e.status === 'error' && e.retryable && action(t('upload.retry'), <IconRefresh size={18} aria-hidden />, onResume, 'upload-retry')}
          {!checking &&
            action(
              e.status === 'done' || e.status === 'error' ? t('upload.hide') : t('upload.cancel'),
              <IconX size={18} aria-hidden />,
              onRemove,
              'upload-remove',
            )}
        </Group>
      </Group>
    </Paper>
  );
}
