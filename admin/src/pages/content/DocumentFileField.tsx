// The file of a document item (the decree's PDF…): one document of the library, picked or uploaded.
import { Anchor, Button, Group, Input, Paper, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconFileText, IconLibraryPhoto, IconX } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { useMedia, useRememberMedia, type Media } from '../../api/media';
import { useI18n } from '../../i18n';
import { formatBytes } from '../../lib/media';
import { MediaPicker } from '../media/MediaPicker';
import { Uploader } from '../media/Uploader';
import type { ItemValues } from './itemValues';
import { errorsUnder, fileWarnings } from './fileChecks';

export function DocumentFileField({
  form,
  agencyId,
  itemLanguages,
  readOnly,
}: {
  form: UseFormReturnType<ItemValues>;
  agencyId?: string;
  itemLanguages: readonly string[];
  readOnly?: boolean;
}) {
  const { t, lang } = useI18n();
  const remember = useRememberMedia();
  const fileId = form.values.metadata.document.fileId;
  const file = useMedia(fileId || undefined);
  const [picking, picker] = useDisclosure(false);
  const labelId = useId();
  const m = file.data;
  const errors = errorsUnder(t, form.errors, 'metadata.document.fileId');
  const warnings = m ? fileWarnings(t, m, itemLanguages, form.values.metadata.visibility) : [];
  const choose = (list: Media[]) => {
    const f = list[0];
    if (!f) return;
    remember([f]);
    form.setFieldValue('metadata.document.fileId', f.id);
    form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([k]) => !k.startsWith('metadata.document.fileId'))));
  };
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId} data-testid="document-file">
      <Input.Label id={labelId} required component="div">
        {t('media.documentFile')}
      </Input.Label>
      {fileId ? (
        <Paper withBorder p="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconFileText size={32} stroke={1.4} aria-hidden />
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/media/${fileId}`} fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
                  {m?.fileName ?? fileId}
                </Anchor>
                {m && (
                  <Text size="xs" c="dimmed">
                    {m.mime} · {formatBytes(lang, m.size)}
                    {m.pageCount ? ` · ${t('media.pages', { n: m.pageCount })}` : ''}
                  </Text>
                )}
              </div>
            </Group>
            {!readOnly && (
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                leftSection={<IconX size={14} aria-hidden />}
                onClick={() => form.setFieldValue('metadata.document.fileId', '')}
              >
                {t('media.documentFile.remove')}
              </Button>
            )}
          </Group>
        </Paper>
      ) : (
        <Text size="sm">{t('media.documentFile.none')}</Text>
      )}
      {errors.map((e) => (
        <Text key={e} size="sm" c="red.9">
          {e}
        </Text>
      ))}
      {errors.length === 0 &&
        warnings.map((w) => (
          <Text key={w} size="xs" c="#8a3c00">
            {w}
          </Text>
        ))}
      {fileId && (errors.length > 0 || warnings.length > 0) && (
        <Anchor component={Link} to={`/media/${fileId}`} size="xs" underline="always">
          {t('media.fixFile', { name: m?.fileName ?? fileId })}
        </Anchor>
      )}
      {!readOnly && (
        <>
          <Group gap="sm">
            <Button variant="light" size="xs" leftSection={<IconLibraryPhoto size={16} aria-hidden />} onClick={picker.open} data-testid="pick-document">
              {fileId ? t('media.documentFile.replace') : t('media.documentFile.pick')}
            </Button>
          </Group>
          <Uploader agencyId={agencyId} accept="document" multiple={false} onUploaded={(f) => choose([f])} compact />
          <MediaPicker
            opened={picking}
            onClose={picker.close}
            onPick={choose}
            kind="document"
            multiple={false}
            agencyId={agencyId}
            title={t('media.documentFile.pick')}
            exclude={fileId ? [fileId] : []}
          />
        </>
      )}
    </Stack>
  );
}
