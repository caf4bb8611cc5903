// An item's files, read-only, as the appraiser (or anyone viewing the item) sees them: thumbnails
// in order with this item's caption in the version's language, the alt text the portal will use,
// and the document's file; the submission's refusals about a file next to it.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMedia, useMediaMany, type Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { languageName } from '../../lib/content';
import { formatBytes, mediaKindLabel } from '../../lib/media';
import { MediaThumb } from '../media/MediaThumb';
import { mediaRefs } from './itemValues';
import { errorsUnder } from './fileChecks';

interface Props {
  metadata: Record<string, unknown>;
  kind: string;
  /** The language version shown: captions and alt texts in it. */
  language: string;
  /** Refusals of the last submission (form paths). */
  errors?: Record<string, unknown>;
  headingOrder?: 2 | 3;
}

export function MediaView({ metadata, kind, language, errors = {}, headingOrder = 2 }: Props) {
  const { t } = useI18n();
  const refs = mediaRefs(metadata.media);
  const doc = metadata.document && typeof metadata.document === 'object' ? (metadata.document as Record<string, unknown>) : {};
  const fileId = typeof doc.fileId === 'string' ? doc.fileId : '';
  const files = useMediaMany(refs.map((r) => r.mediaId));
  const listError = errors['metadata.media'] ? String(errors['metadata.media']) : null;
  if (refs.length === 0 && !fileId && kind !== 'photo_album' && kind !== 'video' && kind !== 'document') return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} data-testid="media-view">
      <Title order={headingOrder} size={headingOrder === 2 ? 'h3' : 'h4'} mb="sm">
        {t('media.section')}
      </Title>
      <Stack gap="md">
        {kind === 'document' && <DocumentFile fileId={fileId} errors={errorsUnder(t, errors, 'metadata.document.fileId')} />}
        {listError && (
          <Text size="sm" c="red.9">
            {listError}
          </Text>
        )}
        {refs.length === 0 ? (
          <Text
            size="sm"
            c={kind === 'photo_album' || kind === 'video' ? 'red.9' : undefined}
            fw={kind === 'photo_album' || kind === 'video' ? 600 : undefined}
          >
            {t('media.none')}
          </Text>
        ) : (
          <SimpleGrid
            cols={{ base: 2, sm: 3, lg: 4 }}
            spacing="md"
            component="ol"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('media.attachedList')}
          >
            {refs.map((r, i) => (
              <li key={r.mediaId}>
                <ViewedFile
                  media={files[i]?.data}
                  mediaId={r.mediaId}
                  caption={r.caption[language] ?? ''}
                  language={language}
                  errors={errorsUnder(t, errors, `metadata.media.${i}`)}
                />
              </li>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function ViewedFile({
  media: m,
  mediaId,
  caption,
  language,
  errors,
}: {
  media: Media | undefined;
  mediaId: string;
  caption: string;
  language: string;
  errors: string[];
}) {
  const { t, lang } = useI18n();
  const alt = m?.alt[language] ?? '';
  return (
    <figure style={{ margin: 0 }} data-testid="viewed-file" data-name={m?.fileName}>
      <MediaThumb media={m} alt={alt} />
      <Stack gap={2} mt={6} component="figcaption">
        <Text size="sm" lang={language} data-testid="viewed-caption">
          {caption || (
            <Text span c="dimmed" size="sm" lang={lang}>
              {t('media.noCaption', { language: languageName(t, language) })}
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          <Anchor component={Link} to={`/media/${mediaId}`} size="xs">
            {m?.fileName ?? mediaId}
          </Anchor>
          {m ? ` · ${mediaKindLabel(t, m.kind)} · ${formatBytes(lang, m.size)}` : ''}
        </Text>
        {m?.kind === 'image' && (
          <Text size="xs">
            {t('media.altIn', { language: languageName(t, language) })}:{' '}
            {alt ? (
              <span lang={language}>{alt}</span>
            ) : (
              <Text span c="red.9" fw={600} size="xs">
                {t('meta.missing')}
              </Text>
            )}
          </Text>
        )}
        {errors.map((e) => (
          <Text key={e} size="xs" c="red.9">
            {e}
          </Text>
        ))}
      </Stack>
    </figure>
  );
}

function DocumentFile({ fileId, errors }: { fileId: string; errors: string[] }) {
  const { t, lang } = useI18n();
  const file = useMedia(fileId || undefined);
  const m = file.data;
  return (
    <div data-testid="viewed-document">
      <Text size="sm" fw={600}>
        {t('media.documentFile')}
      </Text>
      {!fileId ? (
        <Text size="sm" c="red.9" fw={600}>
          {t('meta.missing')}
        </Text>
      ) : (
        <Group gap="xs" wrap="nowrap">
          <IconFileText size={20} aria-hidden />
          {m?.originalUrl ? (
            <Anchor href={m.originalUrl} target="_blank" rel="noopener" size="sm">
              {m.fileName}
            </Anchor>
          ) : (
            <Anchor component={Link} to={`/media/${fileId}`} size="sm">
              {m?.fileName ?? fileId}
            </Anchor>
          )}
          {m && (
            <Text size="xs" c="dimmed">
              {formatBytes(lang, m.size)}
              {m.pageCount ? ` · ${t('media.pages', { n: m.pageCount })}` : ''}
            </Text>
          )}
        </Group>
      )}
      {errors.map((e) => (
        <Text key={e} size="xs" c="red.9">
          {e}
        </Text>
      ))}
    </div>
  );
}
