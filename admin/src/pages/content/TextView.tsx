// A language version's text, read-only: title, summary and the body rendered from the allow-list.
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { SafeHtml } from '../../components/SafeHtml';
import { useI18n } from '../../i18n';

interface Props {
  language: string;
  text: { title: string; summary: string; body: string };
  heading: string;
  headingOrder?: 2 | 3;
  badge?: ReactNode;
  muted?: boolean;
  label?: string;
  testId?: string;
}

export function TextView({ language, text, heading, headingOrder = 3, badge, muted, label, testId }: Props) {
  const { t } = useI18n();
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'lg' }}
      h="100%"
      bg={muted ? 'gray.0' : undefined}
      role={label ? 'region' : undefined}
      aria-label={label}
      data-testid={testId}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={headingOrder} size={headingOrder === 2 ? 'h3' : 'h4'}>
            {heading}
          </Title>
          {badge}
        </Group>
        <div>
          <Text size="sm" fw={600}>
            {t('field.title')}
          </Text>
          <Text fw={700} size="lg" lang={language} data-testid="text-title">
            {text.title || '—'}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('field.summary')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} lang={language} data-testid="text-summary">
            {text.summary || '—'}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('field.body')}
          </Text>
          {text.body ? <SafeHtml html={text.body} lang={language} /> : <Text>—</Text>}
        </div>
      </Stack>
    </Paper>
  );
}
