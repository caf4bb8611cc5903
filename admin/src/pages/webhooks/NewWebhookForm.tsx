// Registering a webhook: URL, events, description. The server checks the URL (http(s), no
// credentials, no private target unless allowed) and answers with the secret, shown once by the page.
import { Checkbox, Group, Textarea, TextInput } from '@mantine/core';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../api/enums';
import { useWebhookMutation, webhookRequests, type SubscriptionWithSecret } from '../../api/webhooks';
import { ApiForm, useApiForm } from '../../components/ApiForm';
import { useI18n, type MessageKey } from '../../i18n';
import { rules } from '../../lib/forms';

export function NewWebhookForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (s: SubscriptionWithSecret) => void }) {
  const { t } = useI18n();
  const r = rules(t);
  const create = useWebhookMutation(webhookRequests.create, { onSuccess: onCreated });
  const state = useApiForm({
    initialValues: { url: '', events: [...WEBHOOK_EVENTS] as string[], description: '' },
    validate: {
      url: (v) => r.length(1, 2000)(v) ?? (/^https?:\/\/\S+$/i.test(v.trim()) ? null : t('webhooks.urlHelp')),
      events: (v) => (v.length ? null : t('webhooks.eventsRequired')),
      description: r.maxLength(500),
    },
    fields: ['url', 'events', 'description'],
    submit: (v) => create.mutateAsync({ url: v.url.trim(), events: v.events as WebhookEvent[], description: v.description.trim() || undefined }),
  });
  const { form } = state;
  return (
    <ApiForm state={state} submitLabel={t('common.create')} onCancel={onCancel}>
      <TextInput
        label={t('webhooks.url')}
        description={t('webhooks.urlHelp')}
        placeholder="https://"
        type="url"
        required
        maxLength={2000}
        data-autofocus
        {...form.getInputProps('url')}
      />
      <Checkbox.Group label={t('webhooks.events')} required {...form.getInputProps('events')}>
        <Group gap="md" mt={6}>
          {WEBHOOK_EVENTS.map((e) => (
            <Checkbox key={e} value={e} label={t(`webhooks.event.${e}` as MessageKey)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea label={t('webhooks.description')} maxLength={500} autosize minRows={2} {...form.getInputProps('description')} />
    </ApiForm>
  );
}
