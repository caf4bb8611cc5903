// API clients (OAuth 2.0 client credentials): admins register and revoke; IOC security reads.
import { Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { apiClientRequests, useApiClientMutation, useApiClients } from '../api/api-clients';
import type { ApiClient } from '../api/client';
import type { ClientScope } from '../api/enums';
import { useAgencies } from '../api/agencies';
import { useMe } from '../auth/session';
import { ApiForm, useApiForm } from '../components/ApiForm';
import { ConfirmButton } from '../components/ConfirmButton';
import { FutureDateField, isDateValue } from '../components/DateInput';
import { TableScroll } from '../components/TableScroll';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { SecretOnce } from '../components/SecretOnce';
import { endOfDayInHue, useI18n } from '../i18n';
import { rules } from '../lib/forms';
import { agencyName, CLIENT_SCOPES, scopeLabel, scopeHelp } from '../lib/labels';

export function ApiClientsPage() {
  const { t, lang, formatDateTime, formatDate } = useI18n();
  const { isAdmin } = useMe();
  const [creating, setCreating] = useState(false);
  const clients = useApiClients();
  const revoke = useApiClientMutation(apiClientRequests.revoke, { success: t('clients.revokedDone') });
  const agencies = useAgencies({ includeArchived: true });
  const byId = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));
  const status = (c: ApiClient) =>
    c.revokedAt ? (
      <Badge color="gray" variant="filled">
        {t('clients.revoked')}
      </Badge>
    ) : c.expiresAt && new Date(c.expiresAt) < new Date() ? (
      <Badge color="orange" variant="light">
        {t('clients.expired')}
      </Badge>
    ) : (
      <Badge color="green" variant="light">
        {t('clients.active')}
      </Badge>
    );

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        intro={t('clients.intro')}
        actions={
          isAdmin && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('clients.new')}
            </Button>
          )
        }
      />
      <ErrorAlert error={clients.error} />
      {clients.isPending ? (
        <Loading />
      ) : clients.data && clients.data.items.length === 0 ? (
        <Text>{t('common.empty')}</Text>
      ) : (
        <TableScroll minWidth={900} label={t('clients.title')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clients.name')}</Table.Th>
                <Table.Th scope="col">{t('clients.clientId')}</Table.Th>
                <Table.Th scope="col">{t('clients.agency')}</Table.Th>
                <Table.Th scope="col">{t('clients.scopes')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                <Table.Th scope="col">{t('clients.lastUsed')}</Table.Th>
                {isAdmin && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.data?.items.map((c) => {
                const a = byId.get(c.agencyId);
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {c.name}
                      </Text>
                      {c.description && (
                        <Text size="xs" c="dimmed">
                          {c.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {c.clientId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a ? agencyName(a, lang) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.scopes.map((s) => (
                          <Badge key={s} variant="outline" tt="none">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {status(c)}
                      {c.expiresAt && !c.revokedAt && (
                        <Text size="xs" mt={2}>
                          {formatDate(c.expiresAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="nowrap">{c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('common.never')}</Table.Td>
                    {isAdmin && (
                      <Table.Td>
                        {!c.revokedAt && (
                          <ConfirmButton
                            size="xs"
                            variant="light"
                            danger
                            message={t('clients.revokeConfirm', { name: c.name })}
                            aria-label={`${t('clients.revoke')}: ${c.name}`}
                            onConfirm={() => revoke.mutateAsync(c.id)}
                          >
                            {t('clients.revoke')}
                          </ConfirmButton>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('clients.new')}
        size="lg"
        closeOnClickOutside={false}
      >
        {creating && <NewClientForm onClose={() => setCreating(false)} />}
      </Modal>
    </>
  );
}

function NewClientForm({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const r = rules(t);
  const agencies = useAgencies({});
  const [created, setCreated] = useState<{ client: ApiClient; clientSecret: string } | null>(null);
  const create = useApiClientMutation(apiClientRequests.create, { onSuccess: setCreated });
  const state = useApiForm({
    initialValues: { name: '', description: '', agencyId: null as string | null, scopes: ['read:public'] as string[], acceptTerms: false, expiresAt: '' },
    validate: {
      name: r.length(2, 200),
      description: r.maxLength(2000),
      agencyId: r.required,
      scopes: (v) => (v.length ? null : t('common.required')),
      acceptTerms: (v) => (v ? null : t('clients.termsRequired')),
      expiresAt: (v) => (isDateValue(v) ? null : t('common.invalidDate')),
    },
    fields: ['name', 'description', 'agencyId', 'scopes', 'acceptTerms', 'expiresAt'],
    submit: (v) =>
      create.mutateAsync({
        name: v.name.trim(),
        description: v.description.trim() || undefined,
        agencyId: v.agencyId!,
        scopes: v.scopes as ClientScope[],
        acceptTerms: v.acceptTerms,
        expiresAt: v.expiresAt ? endOfDayInHue(v.expiresAt) : null,
      }),
  });
  const { form } = state;
  if (created) {
    return (
      <SecretOnce
        intro={t('clients.secretFor', { name: created.client.name })}
        secrets={[
          { label: t('clients.clientId'), value: created.client.clientId, testId: 'client-id' },
          { label: t('clients.secret'), value: created.clientSecret, testId: 'client-secret' },
        ]}
        onDone={onClose}
      />
    );
  }
  return (
    <ApiForm state={state} submitLabel={t('common.create')} onCancel={onClose}>
      <TextInput label={t('clients.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
      <Textarea label={t('clients.description')} maxLength={2000} autosize minRows={2} {...form.getInputProps('description')} />
      <Select
        label={t('clients.agency')}
        required
        searchable
        data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: agencyName(a, lang) }))}
        {...form.getInputProps('agencyId')}
      />
      <Checkbox.Group label={t('clients.scopes')} required {...form.getInputProps('scopes')}>
        <Stack gap={6} mt={6}>
          {CLIENT_SCOPES.map((s) => (
            <Checkbox key={s} value={s} label={`${scopeLabel(t, s)} (${s})`} description={scopeHelp(t, s)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <FutureDateField label={t('clients.expiresAt')} {...form.getInputProps('expiresAt')} />
      <Checkbox label={t('clients.terms')} {...form.getInputProps('acceptTerms', { type: 'checkbox' })} data-testid="accept-terms" />
    </ApiForm>
  );
}
