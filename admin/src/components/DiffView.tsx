// Word diff of each changed field. Removed words are struck through and added ones underlined
// (not only coloured), and each change is announced to screen readers by a hidden marker.
import { Box, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { FieldDiff } from '../api/content';
import type { Topic } from '../api/topics';
import { useI18n, type MessageKey, type TFunction } from '../i18n';
import { topicName } from '../lib/content';

const FIELD_KEYS: Record<string, MessageKey> = {
  title: 'field.title',
  summary: 'field.summary',
  body: 'field.body',
  'metadata/activityDate': 'meta.activityDate',
  'metadata/authors': 'meta.authors',
  'metadata/topicIds': 'meta.topics',
  'metadata/tags': 'meta.tags',
  'metadata/place': 'meta.place',
  'metadata/source': 'meta.source',
  'metadata/copyrightHolder': 'meta.copyrightHolder',
  'metadata/licence': 'meta.licence',
  'metadata/visibility': 'meta.visibility',
  'metadata/document': 'meta.document',
  'metadata/media': 'media.section',
  'metadata/claim': 'claim.legend',
};

export const diffFieldLabel = (t: TFunction, field: string) => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function DiffLegend() {
  const { t } = useI18n();
  return (
    <Group gap="md" aria-hidden>
      <Text size="sm">
        <del className="diff-removed">{t('diff.removedSample')}</del>
      </Text>
      <Text size="sm">
        <ins className="diff-added">{t('diff.addedSample')}</ins>
      </Text>
    </Group>
  );
}

export function DiffView({ fields, topics = [] }: { fields: FieldDiff[]; topics?: Topic[] }) {
  const { t, lang } = useI18n();
  const byId = new Map(topics.map((x) => [x.id, topicName(x, lang)]));
  if (fields.length === 0) return <Text c="dimmed">{t('diff.noChanges')}</Text>;
  return (
    <Stack gap="sm" data-testid="diff-view">
      <DiffLegend />
      {fields.map((f) => {
        const show = (v: string) => (f.field === 'metadata/topicIds' ? v.replace(UUID, (id) => byId.get(id) ?? id) : v);
        return (
          <Paper key={f.field} withBorder p="sm">
            <Text fw={600} size="sm" mb={4}>
              {diffFieldLabel(t, f.field)}
            </Text>
            <Box className="diff-text" ff={f.field === 'body' || f.field.startsWith('metadata/') ? 'monospace' : undefined} fz="sm">
              {f.parts.map((p, i) =>
                p.removed ? (
                  <del key={i} className="diff-removed">
                    <VisuallyHidden>{t('diff.removedStart')}</VisuallyHidden>
                    {show(p.value)}
                    <VisuallyHidden>{t('diff.end')}</VisuallyHidden>
                  </del>
                ) : p.added ? (
                  <ins key={i} className="diff-added">
                    <VisuallyHidden>{t('diff.addedStart')}</VisuallyHidden>
                    {show(p.value)}
                    <VisuallyHidden>{t('diff.end')}</VisuallyHidden>
                  </ins>
                ) : (
                  <span key={i}>{show(p.value)}</span>
                ),
              )}
            </Box>
          </Paper>
        );
      })}
    </Stack>
  );
}
