// A subscription's delivery log, newest change first: status, attempts, last answer, next attempt;
// each row opens the body sent and every attempt. The owner redelivers a finished delivery.
import { Badge, Button, Card, CloseButton, Code, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconRefresh, IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { useDeliveryPages, useWebhookMutation, webhookRequests, type Delivery, type Subscription } from '../../api/webhooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type MessageKey } from '../../i18n';

const detailId = (id: string) => `delivery-${id}`;

const STATUS_COLOR: Record<Delivery['status'], string> = { pending: 'yellow', delivered: 'green', failed: 'red' };

export function DeliveriesLog({ sub, canRedeliver }: { sub: Subscription; canRedeliver: boolean }) {
  const { t, formatDateTime } = useI18n();
  const [expanded, setExpanded] = useState<string | null>(null);
  const log = useDeliveryPages(sub.id);
  const redeliver = useWebhookMutation(webhookRequests.redeliver, { success: t('webhooks.redelivered') });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = items.find((d) => d.id === expanded);
  const answer = (d: Delivery) => (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? (d.attempts ? t('webhooks.noAnswer') : '—')));

  return (
    <Stack gap="xs" mt="xs" data-testid="deliveries-log">
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm" component="h3" m={0}>
          {t('webhooks.showDeliveries')}
        </Text>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => void log.refetch()}
          loading={log.isRefetching && !log.isFetchingNextPage}
        >
          {t('webhooks.refresh')}
        </Button>
      </Group>
      <ErrorAlert error={log.error} />
      {log.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('webhooks.deliveriesEmpty')}
        </Text>
      ) : (
        <TableScroll minWidth={760} label={t('webhooks.deliveries', { url: sub.url })}>
          <Table withTableBorder verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webhooks.change')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.status')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.attempts')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.lastAnswer')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.nextAttempt')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => {
                const open = expanded === d.id;
                return (
                  <Table.Tr key={d.id} data-testid="delivery-row">
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        #{d.changeSeq}
                      </Text>
                      <Text size="xs">{t(`webhooks.event.${d.event}` as MessageKey)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[d.status]} variant={d.status === 'failed' ? 'filled' : 'light'} data-testid="delivery-status">
                        {t(`webhooks.delivery.${d.status}` as MessageKey)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{d.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{answer(d)}</Text>
                      {d.lastAttemptAt && (
                        <Text size="xs" c="dimmed" className="nowrap">
                          {formatDateTime(d.lastAttemptAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="nowrap">{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="subtle" aria-expanded={open} aria-controls={detailId(d.id)} onClick={() => setExpanded(open ? null : d.id)}>
                          {t(open ? 'webhooks.hideBody' : 'webhooks.showBody')}
                        </Button>
                        {canRedeliver && d.status !== 'pending' && (
                          <ConfirmButton
                            size="xs"
                            variant="light"
                            leftSection={<IconRepeat size={14} aria-hidden />}
                            message={t('webhooks.redeliverConfirm', { seq: d.changeSeq })}
                            aria-label={`${t('webhooks.redeliver')}: #${d.changeSeq}`}
                            onConfirm={() => redeliver.mutateAsync({ id: sub.id, deliveryId: d.id })}
                          >
                            {t('webhooks.redeliver')}
                          </ConfirmButton>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {shown && <DeliveryDetail d={shown} onClose={() => setExpanded(null)} />}
      {log.hasNextPage && (
        <Group justify="center">
          <Button size="xs" variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** What was sent and every attempt, below the table (readable at any width, not inside its scroller). */
function DeliveryDetail({ d, onClose }: { d: Delivery; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const titleId = `${detailId(d.id)}-title`;
  return (
    <Card withBorder padding="sm" id={detailId(d.id)} component="section" aria-labelledby={titleId} data-testid="delivery-detail">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text id={titleId} component="h4" fw={600} size="sm" m={0}>
            #{d.changeSeq} · {t(`webhooks.event.${d.event}` as MessageKey)}
          </Text>
          <CloseButton size="sm" aria-label={t('webhooks.hideBody')} onClick={onClose} />
        </Group>
        <Text size="sm" fw={600}>
          {t('webhooks.attemptLog')}
        </Text>
        {d.attemptLog.length === 0 ? (
          <Text size="sm">—</Text>
        ) : (
          <List size="sm" spacing={2}>
            {d.attemptLog.map((a, i) => (
              <List.Item key={i}>
                {t('webhooks.attemptAt', { time: formatDateTime(a.at), result: a.status !== null ? `HTTP ${a.status}` : (a.error ?? t('webhooks.noAnswer')) })}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm" fw={600}>
          {t('webhooks.body')}
        </Text>
        <Code block data-testid="delivery-body" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(d.body, null, 2)}
        </Code>
      </Stack>
    </Card>
  );
}
