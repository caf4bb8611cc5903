// What the server read from the file: type, size, dimensions, pages, duration, the values embedded
// in it (EXIF/IPTC/XMP, GPS), who uploaded it, and its SHA-256 (copyable, to verify a download).
import { ActionIcon, Code, CopyButton, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { formatBytes, formatDuration, mediaKindLabel } from '../../lib/media';

export function MediaFacts({ media: m }: { media: Media }) {
  const { t, lang, formatDateTime } = useI18n();
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div data-testid={testId}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </div>
  );
  const e = m.embedded ?? {};
  const embedded: Array<[string, string | undefined]> = [
    [t('media.exif.author'), e.author],
    [t('media.exif.dateTaken'), e.dateTaken],
    [t('media.exif.caption'), e.caption],
    [t('media.exif.copyright'), e.copyright],
    [t('media.exif.place'), e.place],
    [t('media.exif.gps'), m.gps ? `${m.gps.latitude.toFixed(5)}, ${m.gps.longitude.toFixed(5)}` : undefined],
  ];
  const found = embedded.filter(([, v]) => v);
  return (
    <Stack gap="md" data-testid="media-facts">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {row(t('media.fact.type'), `${mediaKindLabel(t, m.kind)} · ${m.mime}`)}
        {row(t('media.fact.size'), `${formatBytes(lang, m.size)} (${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(m.size)} B)`)}
        {m.width && m.height ? row(t('media.fact.dimensions'), `${m.width} × ${m.height} px`) : null}
        {m.pageCount ? row(t('media.fact.pages'), String(m.pageCount)) : null}
        {m.durationSeconds ? row(t('media.fact.duration'), formatDuration(m.durationSeconds)) : null}
        {m.video?.codec ? row(t('media.fact.codec'), m.video.codec) : null}
        {row(
          t('media.fact.uploaded'),
          m.createdByLabel ? t('media.fact.uploadedBy', { time: formatDateTime(m.createdAt), name: m.createdByLabel }) : formatDateTime(m.createdAt),
        )}
      </SimpleGrid>
      <div>
        <Text size="xs" fw={600} c="dimmed">
          {t('media.fact.embedded')}
        </Text>
        {found.length === 0 ? (
          <Text size="sm">{t('media.fact.embeddedNone')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={4} data-testid="media-exif">
            {found.map(([label, value]) => row(label, value))}
          </SimpleGrid>
        )}
      </div>
      <div>
        <Text size="xs" fw={600} c="dimmed">
          {t('media.fact.sha256')}
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code data-testid="media-sha256" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
            {m.sha256}
          </Code>
          <CopyButton value={m.sha256} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                <ActionIcon variant="subtle" onClick={copy} aria-label={`${t('common.copy')}: ${t('media.fact.sha256')}`}>
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed" mt={2}>
          {t('media.fact.sha256Help')}
        </Text>
      </div>
    </Stack>
  );
}
