// One subscription: where it posts, what it wants, its state, and — for its owner — pause/resume,
// a test ping, secret rotation and deletion; anyone who may read it opens its delivery log.
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconKey, IconPlayerPause, IconPlayerPlay, IconSend, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useAgencies } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { DeliveriesLog } from './DeliveriesLog';
import {
  DISABLED_FOR_FAILURES,
  useWebhookMutation,
  webhookRequests,
  type PingResult,
  type Subscription,
  type SubscriptionWithSecret,
} from '../../api/webhooks';

export function SubscriptionCard({ sub, onSecret }: { sub: Subscription; onSecret: (s: SubscriptionWithSecret) => void }) {
  const { t, lang, formatDateTime } = useI18n();
  const { user } = useMe();
  const agencies = useAgencies({ includeArchived: true });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<'toggle' | 'ping' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ping, setPing] = useState<PingResult | null>(null);
  const titleId = useId();
  const logId = useId();
  const mine = sub.owner.type === 'user' && sub.owner.id === user.id;
  const setActive = useWebhookMutation(webhookRequests.setActive, { success: (_r, v) => t(v.active ? 'webhooks.resumed' : 'webhooks.paused') });
  const rotate = useWebhookMutation(webhookRequests.rotateSecret, { onSuccess: onSecret });
  const remove = useWebhookMutation(webhookRequests.remove, { success: t('webhooks.deleted') });
  const agency = agencies.data?.items.find((a) => a.id === sub.agencyId);
  const disabled = !sub.active && sub.disabledReason !== null;
  const state = sub.active ? 'active' : disabled ? 'disabled' : 'paused';
  const stateColor = { active: 'green', paused: 'gray', disabled: 'red' }[state];

  const run = async (what: 'toggle' | 'ping', fn: () => Promise<unknown>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId} data-testid="webhook-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Text id={titleId} component="h2" fw={600} ff="monospace" size="sm" style={{ wordBreak: 'break-all', flex: '1 1 16rem', margin: 0 }}>
            {sub.url}
          </Text>
          <Group gap={4}>
            <Badge color={stateColor} variant={state === 'active' ? 'light' : 'filled'} data-testid="webhook-state">
              {t(`webhooks.status.${state}` as MessageKey)}
            </Badge>
            {!mine && (
              <Badge color="gray" variant="outline">
                {t('webhooks.readOnly')}
              </Badge>
            )}
          </Group>
        </Group>
        {sub.description && <Text size="sm">{sub.description}</Text>}
        <Group gap={4}>
          {sub.events.map((e) => (
            <Badge key={e} variant="outline" tt="none">
              {t(`webhooks.event.${e}` as MessageKey)}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('webhooks.owner')}:{' '}
          {mine ? t('webhooks.owner.me') : `${t(`webhooks.owner.${sub.owner.type}` as MessageKey)}${agency ? ` · ${agencyName(agency, lang)}` : ''}`} ·{' '}
          {t('webhooks.created', { date: formatDateTime(sub.createdAt) })}
        </Text>
        {disabled && (
          <Alert color="red" variant="light" data-testid="webhook-disabled">
            {sub.disabledReason!.startsWith(DISABLED_FOR_FAILURES)
              ? t('webhooks.disabledFailures')
              : t('webhooks.disabledOther', { reason: sub.disabledReason! })}
          </Alert>
        )}
        <ErrorAlert error={error} />
        {ping && (
          <Alert
            color={ping.ok ? 'green' : 'orange'}
            variant="light"
            role="status"
            data-testid="ping-result"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setPing(null)}
          >
            {ping.ok
              ? t('webhooks.pingOk', { status: ping.status ?? '' })
              : t('webhooks.pingFailed', { error: ping.error ?? (ping.status !== null ? `HTTP ${ping.status}` : t('webhooks.noAnswer')) })}
          </Alert>
        )}
        <Group gap="xs" mt={4}>
          <Button
            size="xs"
            variant="default"
            leftSection={open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
            aria-expanded={open}
            aria-controls={logId}
            onClick={() => setOpen(!open)}
          >
            {t(open ? 'webhooks.hideDeliveries' : 'webhooks.showDeliveries')}
          </Button>
          {mine && (
            <>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSend size={16} aria-hidden />}
                loading={busy === 'ping'}
                onClick={() => run('ping', async () => setPing(await webhookRequests.ping(sub.id)))}
              >
                {t('webhooks.ping')}
              </Button>
              <Button
                size="xs"
                variant="light"
                leftSection={sub.active ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
                loading={busy === 'toggle'}
                onClick={() => run('toggle', () => setActive.mutateAsync({ id: sub.id, active: !sub.active }))}
              >
                {t(sub.active ? 'webhooks.pause' : 'webhooks.resume')}
              </Button>
              <ConfirmButton
                size="xs"
                variant="light"
                leftSection={<IconKey size={16} aria-hidden />}
                message={t('webhooks.rotateConfirm', { url: sub.url })}
                onConfirm={() => rotate.mutateAsync(sub.id)}
              >
                {t('webhooks.rotate')}
              </ConfirmButton>
              <ConfirmButton
                size="xs"
                variant="light"
                danger
                leftSection={<IconTrash size={16} aria-hidden />}
                message={t('webhooks.deleteConfirm', { url: sub.url })}
                onConfirm={() => remove.mutateAsync(sub.id)}
              >
                {t('webhooks.delete')}
              </ConfirmButton>
            </>
          )}
        </Group>
        <div id={logId}>{open && <DeliveriesLog sub={sub} canRedeliver={mine && sub.active} />}</div>
      </Stack>
    </Card>
  );
}
