// Registering a webhook: URL, events, description. The server checks the URL (http(s), no
// credentials, no private target unless allowed) and answers with the secret, shown once by the page.
import { Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { rules, setServerErrors } from '../../lib/forms';
import { WEBHOOK_EVENTS, type SubscriptionWithSecret, type WebhookEvent } from './types';

const FIELDS = ['url', 'events', 'description'];

export function NewWebhookForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (s: SubscriptionWithSecret) => void }) {
  const { t } = useI18n();
  const r = rules(t);
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { url: '', events: [...WEBHOOK_EVENTS] as string[], description: '' },
    validate: {
      url: (v) => r.length(1, 2000)(v) ?? (/^https?:\/\/\S+$/i.test(v.trim()) ? null : t('webhooks.urlHelp')),
      events: (v) => (v.length ? null : t('webhooks.eventsRequired')),
      description: r.maxLength(500),
    },
    onValuesChange: () => setError(null),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setError(null);
        try {
          const created = await call(
            api.POST('/api/v1/webhooks', { body: { url: v.url.trim(), events: v.events as WebhookEvent[], description: v.description.trim() || undefined } }),
          );
          await qc.invalidateQueries({ queryKey: ['webhooks'] });
          onCreated(created);
        } catch (e) {
          setServerErrors(form, e, FIELDS);
          setError(e);
        }
      })}
    >
      <Stack>
        <ErrorAlert error={error} fields={FIELDS} />
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
