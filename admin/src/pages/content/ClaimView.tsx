// A clarification's claim, read-only, as the appraiser checks it: the false information in each
// language of the item (a missing one is marked), the rating, who spread it, when it was first seen
// and where it appeared; the submission's refusals about it next to the field they name.
import { Anchor, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { claimRatingLabel, languageName } from '../../lib/content';
import { claimValue } from './itemValues';

interface Props {
  metadata: Record<string, unknown>;
  /** Languages whose statement is shown (marked when missing); others written are shown too. */
  languages: readonly string[];
  /** Refusals of the last submission (form paths). */
  errors?: Record<string, unknown>;
  headingOrder?: 2 | 3 | 4;
  /** Only these languages' statements (a translation shows its own). */
  only?: boolean;
}

export function ClaimView({ metadata, languages, errors = {}, headingOrder = 3, only = false }: Props) {
  const { t, formatDate } = useI18n();
  const c = claimValue(metadata.claim);
  const shown = only ? [...languages] : [...new Set([...languages, ...Object.keys(c.statement).filter((l) => c.statement[l]?.trim())])];
  const missing = (
    <Text span c="red.9" fw={600} size="sm">
      {t('meta.missing')}
    </Text>
  );
  const error = (path: string) => {
    const e = errors[`metadata.claim.${path}`];
    return e ? (
      <Text size="sm" c="red.9">
        {String(e)}
      </Text>
    ) : null;
  };
  const row = (label: string, value: ReactNode, testId: string, err?: ReactNode) => (
    <div data-testid={testId}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value === '' ? missing : value}
      </Text>
      {err}
    </div>
  );
  return (
    <Stack gap="sm" data-testid="claim-view">
      <Title order={headingOrder} size="h4">
        {t('claim.legend')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {row(t('claim.rating'), c.rating ? claimRatingLabel(t, c.rating) : '', 'claim-view-rating', error('rating'))}
        {row(t('claim.firstSeen'), c.firstSeen ? formatDate(`${c.firstSeen}T12:00:00+07:00`) : '—', 'claim-view-firstSeen')}
        {row(t('claim.claimant'), c.claimant || '—', 'claim-view-claimant')}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: Math.min(2, Math.max(1, shown.length)) }} spacing="md">
        {shown.map((l) => {
          const text = c.statement[l]?.trim() ?? '';
          return row(
            t('claim.statementIn', { language: languageName(t, l) }),
            text ? (
              <Text size="sm" lang={l} style={{ whiteSpace: 'pre-wrap' }}>
                {text}
              </Text>
            ) : (
              ''
            ),
            `claim-view-statement-${l}`,
            error(`statement.${l}`),
          );
        })}
      </SimpleGrid>
      {row(
        t('claim.appearances'),
        c.appearances.length ? (
          <List size="sm" spacing={2}>
            {c.appearances.map((a, i) => (
              <List.Item key={i}>
                {/^https?:\/\//i.test(a.url) ? (
                  <Anchor href={a.url} target="_blank" rel="noopener noreferrer nofollow" size="sm" underline="always" style={{ wordBreak: 'break-all' }}>
                    {a.url}
                  </Anchor>
                ) : (
                  <span style={{ wordBreak: 'break-all' }}>{a.url}</span>
                )}
                {a.platform ? ` · ${a.platform}` : ''}
              </List.Item>
            ))}
          </List>
        ) : (
          '—'
        ),
        'claim-view-appearances',
      )}
    </Stack>
  );
}
