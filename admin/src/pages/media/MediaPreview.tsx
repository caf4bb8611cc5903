// The file itself: an image at 1024 px (with the focal-point marker when it can be edited), a
// video player on the original, or links to open and download a document.
import { Anchor, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import { useRef } from 'react';
import { variantUpTo, type Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { mediaKindIcon } from '../../lib/media';
import { FocalImage, type FocalPoint } from './FocalPointPicker';

/** Originals a browser can show as they are (while the variants are being made). */
const SHOWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']);

export function MediaPreview({ media: m, alt, focal, onFocal }: { media: Media; alt: string; focal?: FocalPoint; onFocal?: (p: FocalPoint) => void }) {
  const { t } = useI18n();
  // The last preview shown stays while new variants are made (a new focal point).
  const last = useRef<{ id: string; src: string } | null>(null);
  const downloadUrl = m.originalUrl ? `${m.originalUrl}?download=true` : null;
  const links = m.originalUrl && (
    <Group gap="sm">
      <Anchor href={m.originalUrl} target="_blank" rel="noopener" size="sm">
        <IconExternalLink size={14} aria-hidden /> {t('media.openOriginal')}
      </Anchor>
      <Anchor href={downloadUrl!} size="sm" download>
        <IconDownload size={14} aria-hidden /> {t('media.downloadOriginal')}
      </Anchor>
    </Group>
  );

  if (m.kind === 'video') {
    return (
      <Stack gap="xs" data-testid="media-preview">
        {m.originalUrl ? (
          <video controls preload="metadata" src={m.originalUrl} className="media-preview" aria-label={m.fileName} style={{ width: '100%' }} />
        ) : (
          <Text>{t('media.noOriginal')}</Text>
        )}
        {links}
      </Stack>
    );
  }
  if (m.kind === 'document') {
    const Icon = mediaKindIcon('document');
    return (
      <Paper withBorder p="md" data-testid="media-preview">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Icon size={48} stroke={1.4} aria-hidden color="var(--mantine-color-gray-7)" />
          <Stack gap={6}>
            <Text fw={600} style={{ wordBreak: 'break-word' }}>
              {m.fileName}
            </Text>
            {m.originalUrl && (
              <Group gap="xs">
                <Button
                  component="a"
                  href={m.originalUrl}
                  target="_blank"
                  rel="noopener"
                  size="xs"
                  variant="light"
                  leftSection={<IconExternalLink size={16} aria-hidden />}
                >
                  {t('media.openDocument')}
                </Button>
                <Button component="a" href={downloadUrl!} download size="xs" variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                  {t('media.downloadOriginal')}
                </Button>
              </Group>
            )}
          </Stack>
        </Group>
      </Paper>
    );
  }

  const ready = m.variantsStatus === 'ready' ? variantUpTo(m, 1024)?.url : undefined;
  if (ready) last.current = { id: m.id, src: ready };
  const src = ready ?? (last.current?.id === m.id ? last.current.src : undefined) ?? (m.originalUrl && SHOWABLE.has(m.mime) ? m.originalUrl : undefined);
  return (
    <Stack gap="xs" data-testid="media-preview">
      {src ? (
        focal ? (
          <FocalImage src={src} alt={alt} value={focal} onChange={onFocal} />
        ) : (
          <img src={src} alt={alt} className="media-preview" />
        )
      ) : (
        <Center h={200} bg="gray.1">
          <Loader aria-label={t('media.thumbComing')} role="img" />
        </Center>
      )}
      {links}
    </Stack>
  );
}
