// The appraisal queue: submitted language versions, longest waiting first, with how long each has
// waited; a title opens the appraisal screen.
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useAppraisalQueue } from '../../api/content';
import { useAgencies } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { LanguageBadge } from '../../components/ContentBadges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { kindLabel, waitingFor } from '../../lib/content';
import { agencyName } from '../../lib/labels';

/** Re-renders every minute, for "waited for" times. */
export function useNow(intervalMs = 60_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function AppraisalQueuePage() {
  const { t, lang, formatDateTime } = useI18n();
  const { role } = useMe();
  const now = useNow();
  const queue = useAppraisalQueue({ poll: true });
  const agencies = useAgencies({ includeArchived: true });
  const byId = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));
  const rows = [...(queue.data?.items ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const DAY = 86_400_000;
  const isPhone = useMediaQuery('(max-width: 48em)');
  const waited = (submittedAt: string | null) => {
    const ms = submittedAt ? now - new Date(submittedAt).getTime() : 0;
    const text = waitingFor(t, submittedAt, now);
    return ms > 3 * DAY ? (
      <Badge color="red" variant="light">
        {text}
      </Badge>
    ) : (
      text
    );
  };

  return (
    <>
      <PageHeader
        title={t('queue.title')}
        intro={role === 'appraiser' ? t('queue.intro') : t('queue.introReadOnly')}
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={18} aria-hidden />}
            onClick={() => void queue.refetch()}
            loading={queue.isFetching && !queue.isPending}
          >
            {t('queue.refresh')}
          </Button>
        }
      />
      <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      {queue.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Text role="status">{t('queue.empty')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs" role="status">
            {t('queue.count', { count: rows.length })}
          </Text>
          {isPhone ? (
            <Stack gap="sm" data-testid="queue-table">
              {rows.map((r) => {
                const a = byId.get(r.agencyId);
                return (
                  <Paper key={r.id} withBorder p="sm">
                    <Anchor component={Link} to={`/appraisal/${r.id}`} fw={600}>
                      {r.title || t('items.untitled')}
                    </Anchor>
                    <Group gap={6} mt={4}>
                      <LanguageBadge code={r.language} />
                      <Text size="xs">
                        {kindLabel(t, r.kind)} · {r.isSource ? t('items.source') : t('items.translation')}
                      </Text>
                    </Group>
                    <Text size="sm" mt={4}>
                      {a ? agencyName(a, lang) : '—'}
                    </Text>
                    <Text size="sm" component="div">
                      {t('queue.waiting')}: {waited(r.submittedAt)}
                    </Text>
                  </Paper>
                );
              })}
            </Stack>
          ) : (
            <TableScroll minWidth={860} label={t('queue.title')}>
              <Table striped highlightOnHover withTableBorder data-testid="queue-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('field.title')}</Table.Th>
                    <Table.Th scope="col">{t('items.language')}</Table.Th>
                    <Table.Th scope="col">{t('items.kind')}</Table.Th>
                    <Table.Th scope="col">{t('items.agency')}</Table.Th>
                    <Table.Th scope="col">{t('editor.submittedAt')}</Table.Th>
                    <Table.Th scope="col">{t('queue.waiting')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => {
                    const a = byId.get(r.agencyId);
                    return (
                      <Table.Tr key={r.id} data-testid={`queue-row-${r.id}`}>
                        <Table.Td miw={260}>
                          <Anchor component={Link} to={`/appraisal/${r.id}`} fw={600}>
                            {r.title || t('items.untitled')}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {r.isSource ? t('items.source') : t('items.translation')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <LanguageBadge code={r.language} />
                        </Table.Td>
                        <Table.Td>{kindLabel(t, r.kind)}</Table.Td>
                        <Table.Td miw={160}>{a ? agencyName(a, lang) : '—'}</Table.Td>
                        <Table.Td className="nowrap">{formatDateTime(r.submittedAt)}</Table.Td>
                        <Table.Td className="nowrap">{waited(r.submittedAt)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </>
      )}
    </>
  );
}
