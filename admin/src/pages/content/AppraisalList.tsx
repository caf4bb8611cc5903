// The appraisal decisions on a language version, newest first: who, when, the decision, the
// comment (the reasons of a return) and the Art. 6.4 checklist of an approval.
import { Badge, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { Appraisal, Revision } from '../../api/content';
import { useI18n, type MessageKey } from '../../i18n';

const CHECKS = ['copyright', 'accuracy', 'noHarm', 'noStateSecrets'] as const;

export function AppraisalList({ appraisals, revisions = [] }: { appraisals: Appraisal[]; revisions?: Revision[] }) {
  const { t, formatDateTime } = useI18n();
  const numberOf = new Map(revisions.map((r) => [r.id, r.number]));
  if (appraisals.length === 0) return <Text c="dimmed">{t('appraisal.none')}</Text>;
  const sorted = [...appraisals].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="sm" data-testid="appraisal-list">
      {sorted.map((a) => {
        const approved = a.decision === 'approve';
        const n = numberOf.get(a.revisionId);
        return (
          <Paper key={a.id} withBorder p="sm" data-testid="appraisal-entry">
            <Group gap="xs" mb={4}>
              <Badge
                color={approved ? 'green' : 'red'}
                variant="light"
                leftSection={approved ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
              >
                {approved ? t('appraisal.approved') : t('appraisal.returned')}
              </Badge>
              <Text size="sm">
                {t('appraisal.by', { name: a.appraiser, time: formatDateTime(a.createdAt) })}
                {n ? ` · ${t('history.revisionN', { n })}` : ''}
              </Text>
            </Group>
            {a.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="appraisal-comment">
                {a.comment}
              </Text>
            )}
            {approved && (
              <List size="xs" spacing={2} mt={4} center>
                {CHECKS.map((c) => (
                  <List.Item
                    key={c}
                    icon={
                      <ThemeIcon size={16} radius="xl" color={a.checklist[c] ? 'green' : 'gray'} variant="light">
                        {a.checklist[c] ? <IconCheck size={10} aria-hidden /> : <IconX size={10} aria-hidden />}
                      </ThemeIcon>
                    }
                  >
                    {t(`appraisal.check.${c}` as MessageKey)}: {a.checklist[c] ? t('common.yes') : t('common.no')}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
