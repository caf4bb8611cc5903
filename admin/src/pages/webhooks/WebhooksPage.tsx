// Webhooks (issue 6): the caller's subscriptions — everyone's, read only, for the DIC — with
// registration (the signing secret shown once), pause/resume, ping, secret rotation, deletion and
// each subscription's delivery log with redelivery. The server decides who may do what.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useWebhookPages, type SubscriptionWithSecret } from '../../api/webhooks';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SecretOnce } from '../../components/SecretOnce';
import { useI18n } from '../../i18n';
import { NewWebhookForm } from './NewWebhookForm';
import { SubscriptionCard } from './SubscriptionCard';

export function WebhooksPage() {
  const { t } = useI18n();
  const { seesAllAgencies } = useMe();
  const [creating, setCreating] = useState(false);
  /** a secret just returned by creation or rotation: shown once */
  const [secret, setSecret] = useState<{ sub: SubscriptionWithSecret; rotated: boolean } | null>(null);
  const list = useWebhookPages();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        intro={seesAllAgencies ? `${t('webhooks.intro')} ${t('webhooks.introAll')}` : t('webhooks.intro')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t('webhooks.new')}
          </Button>
        }
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('webhooks.empty')}</Text>
      ) : (
        <Stack gap="md" data-testid="webhooks-list">
          {items.map((s) => (
            <SubscriptionCard key={s.id} sub={s} onSecret={(sub) => setSecret({ sub, rotated: true })} />
          ))}
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('webhooks.new')}
        size="lg"
        closeOnClickOutside={false}
      >
        {creating && (
          <NewWebhookForm
            onCancel={() => setCreating(false)}
            onCreated={(sub) => {
              setCreating(false);
              setSecret({ sub, rotated: false });
            }}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={t('webhooks.secret')}
        size="lg"
        closeOnClickOutside={false}
        closeOnEscape={false}
      >
        {secret && (
          <SecretOnce
            intro={t(secret.rotated ? 'webhooks.rotated' : 'webhooks.secretFor', { url: secret.sub.url })}
            secrets={[{ label: t('webhooks.secret'), value: secret.sub.secret, testId: 'webhook-secret' }]}
            onDone={() => setSecret(null)}
          />
        )}
      </Modal>
    </>
  );
}
