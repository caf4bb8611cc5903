// A square thumbnail: the image's square crop once its variants are ready, an icon for videos and
// documents, a spinner while the variants are on their way.
import { Loader, Stack, Text } from '@mantine/core';
import { thumbnailOf, variantsComing, type Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { mediaKindIcon } from '../../lib/media';

export function MediaThumb({ media, alt = '', width }: { media: Media | undefined; alt?: string; width?: number | string }) {
  const { t } = useI18n();
  const Icon = mediaKindIcon(media?.kind ?? 'image');
  const thumb = media ? thumbnailOf(media) : undefined;
  return (
    <div className="media-thumb" style={width !== undefined ? { width } : undefined}>
      {thumb ? (
        <img src={thumb.url} alt={alt} loading="lazy" width={thumb.width} height={thumb.height} />
      ) : variantsComing(media) || !media ? (
        <Loader size="sm" role="img" aria-label={t('media.thumbComing')} />
      ) : (
        <Stack gap={2} align="center">
          <Icon size={40} stroke={1.4} aria-hidden color="var(--mantine-color-gray-7)" />
          {media.kind === 'image' && media.variantsStatus === 'failed' && (
            <Text size="xs" c="red.9">
              {t('media.variants.failed')}
            </Text>
          )}
        </Stack>
      )}
    </div>
  );
}
