// The item's files, edited on the source language version: pick them from the library or upload
// new ones, put them in order (up/down buttons, keyboard-usable), remove them, and write this
// item's caption of each file in every content language. What the submission will check about
// each file (alt text, rights, visibility) is pointed out next to it, with a link to fix it.
import { ActionIcon, Anchor, Button, Group, Paper, SimpleGrid, Stack, Switch, Text, Textarea, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconLibraryPhoto, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMediaMany, useRememberMedia, type Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { languageName } from '../../lib/content';
import { mediaKindLabel, mediaTitle } from '../../lib/media';
import { MediaPicker } from '../media/MediaPicker';
import { MediaThumb } from '../media/MediaThumb';
import { Uploader } from '../media/Uploader';
import { errorsUnder, fileWarnings } from './fileChecks';
import type { ItemValues } from './itemValues';

/** Whether the file's caption in a language is the one read from the file itself, unedited. */
const fromEmbedded = (m: Media, lang: string) => {
  const embedded = m.embedded?.caption?.trim();
  return !!embedded && m.caption[lang]?.trim() === embedded;
};

interface Props {
  form: UseFormReturnType<ItemValues>;
  kind: string;
  agencyId?: string;
  /** Content languages offered for captions. */
  languages: readonly string[];
  /** The item's language versions: alt text is needed in each. */
  itemLanguages: readonly string[];
}

export function MediaFields({ form, kind, agencyId, languages, itemLanguages }: Props) {
  const { t } = useI18n();
  const remember = useRememberMedia();
  const refs = form.values.metadata.media;
  const files = useMediaMany(refs.map((r) => r.mediaId));
  const [picking, picker] = useDisclosure(false);
  const [announce, setAnnounce] = useState('');
  const [allLanguages, setAllLanguages] = useState(false);
  // Captions in the item's languages (and any already written); the other configured ones on request.
  const captionLanguages = allLanguages ? languages : languages.filter((l) => itemLanguages.includes(l) || refs.some((r) => r.caption[l]?.trim()));
  const focusAfter = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  const titleId = useId();
  const listError = form.errors['metadata.media'];

  const clearMediaErrors = () => form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([k]) => !k.startsWith('metadata.media'))));

  const attach = (list: Media[]) => {
    remember(list);
    const have = new Set(form.values.metadata.media.map((r) => r.mediaId));
    for (const m of list) {
      if (have.has(m.id)) continue;
      have.add(m.id);
      // The captions people wrote for the file in the library are a good start for this item's. One
      // still as read from the file's EXIF/IPTC data is not copied in unnoticed: it is offered next
      // to the caption, to take on purpose.
      form.insertListItem('metadata.media', {
        mediaId: m.id,
        caption: Object.fromEntries(languages.map((l) => [l, fromEmbedded(m, l) ? '' : (m.caption[l] ?? '')])),
      });
    }
    if (list.length) {
      clearMediaErrors();
      setAnnounce(t('media.attached', { count: list.length }));
    }
  };

  const move = (i: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? i - 1 : i + 1;
    if (to < 0 || to >= refs.length) return;
    const id = refs[i].mediaId;
    clearMediaErrors();
    form.reorderListItem('metadata.media', { from: i, to });
    focusAfter.current = { id, dir };
    const m = files[i]?.data;
    setAnnounce(t('media.moved', { name: m ? m.fileName : id, n: to + 1, total: refs.length }));
  };

  const remove = (i: number) => {
    const m = files[i]?.data;
    clearMediaErrors();
    form.removeListItem('metadata.media', i);
    setAnnounce(t('media.removed', { name: m ? m.fileName : refs[i].mediaId }));
  };

  // After a move, the focus stays on the moved file's button (or its other one at either end).
  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const own = document.querySelector<HTMLButtonElement>(`[data-move="${f.id}-${f.dir}"]`);
    const other = document.querySelector<HTMLButtonElement>(`[data-move="${f.id}-${f.dir === 'up' ? 'down' : 'up'}"]`);
    (own && !own.disabled ? own : other)?.focus();
  }, [refs]);

  const intro = kind === 'photo_album' ? t('media.section.album') : kind === 'video' ? t('media.section.video') : t('media.section.other');
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} role="group" aria-labelledby={titleId} data-testid="media-fields">
      <Title order={2} size="h3" mb={4} id={titleId}>
        {t('media.section')}
      </Title>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {listError && (
          <Text size="sm" c="red.9" role="alert" data-testid="media-list-error">
            {String(listError)}
          </Text>
        )}
        {refs.length === 0 ? (
          <Text size="sm">{t('media.none')}</Text>
        ) : (
          <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('media.attachedList')} data-testid="attached-media">
            {refs.map((r, i) => (
              <AttachedFile
                key={r.mediaId}
                form={form}
                index={i}
                total={refs.length}
                media={files[i]?.data}
                failed={!!files[i]?.error}
                languages={captionLanguages}
                itemLanguages={itemLanguages}
                onMove={(dir) => move(i, dir)}
                onRemove={() => remove(i)}
              />
            ))}
          </Stack>
        )}
        {refs.length > 0 && (allLanguages || languages.length > captionLanguages.length) ? (
          <Switch
            label={t('media.allCaptionLanguages', { count: languages.length })}
            checked={allLanguages}
            onChange={(e) => setAllLanguages(e.currentTarget.checked)}
            data-testid="all-caption-languages"
          />
        ) : null}
        <VisuallyHidden role="status">{announce}</VisuallyHidden>
        <Group gap="sm" align="flex-start">
          <Button variant="light" leftSection={<IconLibraryPhoto size={18} aria-hidden />} onClick={picker.open} data-testid="pick-media">
            {t('media.pick')}
          </Button>
        </Group>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('media.uploadNew')}
          </Text>
          <Uploader agencyId={agencyId} accept={kind === 'photo_album' ? 'image' : 'any'} onUploaded={(m) => attach([m])} compact />
        </div>
      </Stack>
      <MediaPicker
        opened={picking}
        onClose={picker.close}
        onPick={attach}
        kind={kind === 'photo_album' ? 'image' : undefined}
        exclude={refs.map((r) => r.mediaId)}
        agencyId={agencyId}
        title={t('media.pick')}
      />
    </Paper>
  );
}

interface RowProps {
  form: UseFormReturnType<ItemValues>;
  index: number;
  total: number;
  media: Media | undefined;
  failed: boolean;
  languages: readonly string[];
  itemLanguages: readonly string[];
  onMove: (dir: 'up' | 'down') => void;
  onRemove: () => void;
}

function AttachedFile({ form, index: i, total, media: m, failed, languages, itemLanguages, onMove, onRemove }: RowProps) {
  const { t, lang } = useI18n();
  const id = form.values.metadata.media[i].mediaId;
  const name = m?.fileName ?? id;
  const path = `metadata.media.${i}`;
  const errors = errorsUnder(t, form.errors, path);
  const warnings = m ? fileWarnings(t, m, itemLanguages, form.values.metadata.visibility) : [];
  const button = (dir: 'up' | 'down') => {
    const label = t(dir === 'up' ? 'media.moveUp' : 'media.moveDown', { name });
    return (
      <Tooltip label={label} withArrow>
        <ActionIcon
          variant="default"
          onClick={() => onMove(dir)}
          disabled={dir === 'up' ? i === 0 : i === total - 1}
          aria-label={label}
          data-move={`${id}-${dir}`}
          data-testid={`move-${dir}`}
        >
          {dir === 'up' ? <IconArrowUp size={16} aria-hidden /> : <IconArrowDown size={16} aria-hidden />}
        </ActionIcon>
      </Tooltip>
    );
  };
  return (
    <Paper withBorder p="sm" component="li" data-testid="attached-file" data-name={name}>
      <Stack gap="xs">
        <Group align="flex-start" wrap="nowrap" gap="sm">
          <MediaThumb media={m} width={72} alt="" />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('media.position', { n: i + 1, total })}
              {m ? ` · ${mediaKindLabel(t, m.kind)}` : ''}
            </Text>
            <Anchor component={Link} to={`/media/${id}`} size="sm" fw={600} lh={1.35} display="block" style={{ wordBreak: 'break-word' }}>
              {m ? mediaTitle(m, lang) : name}
            </Anchor>
            {m && mediaTitle(m, lang) !== m.fileName && (
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {m.fileName}
              </Text>
            )}
            {failed && (
              <Text size="xs" c="red.9">
                {t('media.unavailable')}
              </Text>
            )}
          </div>
          <Group gap={4} wrap="nowrap">
            {button('up')}
            {button('down')}
            <Tooltip label={t('media.remove', { name })} withArrow>
              <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('media.remove', { name })} data-testid="remove-media">
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {errors.length > 0 && (
          <Stack gap={2} data-testid="file-errors">
            {errors.map((e) => (
              <Text key={e} size="sm" c="red.9">
                {e}
              </Text>
            ))}
            <Anchor component={Link} to={`/media/${id}`} size="sm" underline="always">
              {t('media.fixFile', { name })}
            </Anchor>
          </Stack>
        )}
        {errors.length === 0 && warnings.length > 0 && (
          <Stack gap={2} data-testid="file-warnings">
            {warnings.map((w) => (
              <Text key={w} size="xs" c="#8a3c00">
                {w}
              </Text>
            ))}
            <Anchor component={Link} to={`/media/${id}`} size="xs" underline="always">
              {t('media.fixFile', { name })}
            </Anchor>
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: Math.min(2, languages.length) }} spacing="xs">
          {languages.map((l) => {
            const value = form.values.metadata.media[i].caption[l] ?? '';
            const fileCaption = m?.caption[l]?.trim() ?? '';
            const language = languageName(t, l);
            return (
              <div key={l}>
                <Textarea
                  label={t('media.captionIn', { language })}
                  lang={l}
                  autosize
                  minRows={1}
                  maxRows={4}
                  maxLength={2000}
                  size="sm"
                  {...form.getInputProps(`${path}.caption.${l}`)}
                  value={value}
                  aria-label={`${t('media.captionIn', { language })}: ${name}`}
                  data-testid={`caption-${l}`}
                />
                {fileCaption && fileCaption !== value.trim() && (
                  <Group gap={6} mt={4} wrap="nowrap" align="flex-start" data-testid={`file-caption-${l}`}>
                    <Text size="xs" c="dimmed" lineClamp={2} style={{ flex: 1, minWidth: 0 }}>
                      {t('media.fileCaption')}: <span lang={l}>“{fileCaption}”</span>
                    </Text>
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => form.setFieldValue(`${path}.caption.${l}`, fileCaption)}
                      aria-label={t('media.useFileCaptionFor', { language, name })}
                      data-testid={`use-file-caption-${l}`}
                    >
                      {t('media.useFileCaption')}
                    </Button>
                  </Group>
                )}
              </div>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
