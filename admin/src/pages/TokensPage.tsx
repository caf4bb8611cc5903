// Personal API tokens: your own (everyone's for admins and IOC security, read-only for IOC).
import { Badge, Button, Checkbox, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { PersonalToken } from '../api/client';
import type { TokenScope } from '../api/enums';
import { tokenRequests, useTokenMutation, useTokens } from '../api/tokens';
import { useUsers } from '../api/users';
import { ROLE_SCOPES, useMe } from '../auth/session';
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
import { scopeLabel, scopeHelp } from '../lib/labels';

export function TokensPage() {
  const { t, formatDateTime, formatDate } = useI18n();
  const me = useMe();
  const canSeeAll = me.isAdmin || me.isSecurity;
  const [showAll, setShowAll] = useState(false);
  const all = canSeeAll && showAll;
  const [creating, setCreating] = useState(false);
  const tokens = useTokens(all);
  const revoke = useTokenMutation(tokenRequests.revoke, { success: t('tokens.revokedDone') });
  const users = useUsers({}, all);
  const userById = new Map((users.data?.items ?? []).map((u) => [u.id, u]));
  const canRevoke = (tk: PersonalToken) => !tk.revokedAt && (me.isAdmin || tk.userId === me.user.id);

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        intro={t('tokens.intro')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t('tokens.new')}
          </Button>
        }
      />
      {canSeeAll && <Switch label={t('tokens.showAll')} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} mb="md" />}
      <ErrorAlert error={tokens.error} />
      {tokens.isPending ? (
        <Loading />
      ) : tokens.data && tokens.data.items.length === 0 ? (
        <Text>{t('common.empty')}</Text>
      ) : (
        <TableScroll minWidth={820} label={t('tokens.title')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                {all && <Table.Th scope="col">{t('tokens.owner')}</Table.Th>}
                <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                <Table.Th scope="col">{t('tokens.scopes')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                <Table.Th scope="col">{t('clients.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data?.items.map((tk) => (
                <Table.Tr key={tk.id}>
                  <Table.Td fw={600}>{tk.name}</Table.Td>
                  {all && <Table.Td>{userById.get(tk.userId)?.username ?? '—'}</Table.Td>}
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {tk.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {tk.scopes.map((s) => (
                        <Badge key={s} variant="outline" tt="none">
                          {s}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {tk.revokedAt ? (
                      <Badge color="gray" variant="filled">
                        {t('clients.revoked')}
                      </Badge>
                    ) : tk.expiresAt && new Date(tk.expiresAt) < new Date() ? (
                      <Badge color="orange" variant="light">
                        {t('clients.expired')}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        {t('clients.active')}
                      </Badge>
                    )}
                    <Text size="xs" mt={2}>
                      {tk.expiresAt ? formatDate(tk.expiresAt) : t('common.noExpiry')}
                    </Text>
                  </Table.Td>
                  <Table.Td className="nowrap">{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t('common.never')}</Table.Td>
                  <Table.Td>
                    {canRevoke(tk) && (
                      <ConfirmButton
                        size="xs"
                        variant="light"
                        danger
                        message={t('tokens.revokeConfirm', { name: tk.name })}
                        aria-label={`${t('tokens.revoke')}: ${tk.name}`}
                        onConfirm={() => revoke.mutateAsync(tk.id)}
                      >
                        {t('tokens.revoke')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('tokens.new')}
        size="lg"
        closeOnClickOutside={false}
      >
        {creating && <NewTokenForm onClose={() => setCreating(false)} />}
      </Modal>
    </>
  );
}

function NewTokenForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { role } = useMe();
  const r = rules(t);
  const [created, setCreated] = useState<{ token: PersonalToken; secret: string } | null>(null);
  const allowed = ROLE_SCOPES[role] ?? ['read:public'];
  const create = useTokenMutation(tokenRequests.create, { onSuccess: setCreated });
  const state = useApiForm({
    initialValues: { name: '', scopes: ['read:public'] as string[], expiresAt: '', acceptTerms: false },
    validate: {
      name: r.length(1, 200),
      scopes: (v) => (v.length ? null : t('common.required')),
      acceptTerms: (v) => (v ? null : t('clients.termsRequired')),
      expiresAt: (v) => (isDateValue(v) ? null : t('common.invalidDate')),
    },
    fields: ['name', 'scopes', 'expiresAt', 'acceptTerms'],
    submit: (v) =>
      create.mutateAsync({
        name: v.name.trim(),
        scopes: v.scopes as TokenScope[],
        acceptTerms: v.acceptTerms,
        expiresAt: v.expiresAt ? endOfDayInHue(v.expiresAt) : null,
      }),
  });
  const { form } = state;
  if (created) {
    return (
      <SecretOnce
        intro={t('tokens.secretFor', { name: created.token.name })}
        secrets={[{ label: t('tokens.title'), value: created.secret, testId: 'token-secret' }]}
        onDone={onClose}
      />
    );
  }
  return (
    <ApiForm state={state} submitLabel={t('common.create')} onCancel={onClose}>
      <TextInput label={t('tokens.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
      <Checkbox.Group label={t('tokens.scopes')} required {...form.getInputProps('scopes')}>
        <Stack gap={6} mt={6}>
          {allowed.map((s) => (
            <Checkbox key={s} value={s} label={`${scopeLabel(t, s)} (${s})`} description={scopeHelp(t, s)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <FutureDateField label={t('tokens.expiresAt')} {...form.getInputProps('expiresAt')} />
      <Checkbox label={t('tokens.terms')} {...form.getInputProps('acceptTerms', { type: 'checkbox' })} />
    </ApiForm>
  );
}
