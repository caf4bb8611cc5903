// An agency's media storage on its page: used of the quota for whoever may read it (the DIC, IOC,
// administrators, the agency's own staff), and for administrators only (the API's rule,
// mediaPolicy.setQuota) the quota itself: a size in GB, or the default again.
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useSetQuota, useStorageUsage } from '../../api/media';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { fieldErrorMessage } from '../../lib/forms';
import { formatBytes } from '../../lib/media';
import { notifySuccess } from '../../lib/notify';
import { StorageBar } from '../media/StorageBar';

const GB = 1024 ** 3;
/** The API's ceiling: 1 PB. */
const MAX_GB = 1024 ** 2;

export function AgencyStorage({ agencyId, agencyLabel }: { agencyId: string; agencyLabel: string }) {
  const { t, lang } = useI18n();
  const { isAdmin } = useMe();
  const usage = useStorageUsage(agencyId);
  // Not for this reader (another agency's storage): the section is left out.
  if (usage.error instanceof ApiError && (usage.error.status === 403 || usage.error.status === 404)) return null;
  const u = usage.data;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={960} data-testid="agency-storage">
      <Title order={2} size="h3" mb="sm">
        {t('quota.title')}
      </Title>
      <Stack gap="md">
        <StorageBar agencyId={agencyId} agencyLabel={agencyLabel} />
        {u && (
          <Text size="sm" data-testid="quota-current">
            {t(u.customQuota ? 'quota.custom' : 'quota.default', { quota: formatBytes(lang, u.quotaBytes) })}
          </Text>
        )}
        {isAdmin && u && <QuotaForm agencyId={agencyId} quotaBytes={u.quotaBytes} usedBytes={u.usedBytes} custom={u.customQuota} />}
      </Stack>
    </Paper>
  );
}

function QuotaForm({ agencyId, quotaBytes, usedBytes, custom }: { agencyId: string; quotaBytes: number; usedBytes: number; custom: boolean }) {
  const { t, lang } = useI18n();
  const setQuota = useSetQuota();
  const [value, setValue] = useState<number | string>(() => Math.round((quotaBytes / GB) * 1000) / 1000);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'set' | 'reset' | null>(null);
  const gb = typeof value === 'number' ? value : Number.NaN;
  const below = Number.isFinite(gb) && gb * GB < usedBytes;

  const put = async (quota: number | null, which: 'set' | 'reset') => {
    setBusy(which);
    setError(null);
    setFieldError(null);
    try {
      const next = await setQuota.mutateAsync({ agencyId, quotaBytes: quota });
      setValue(Math.round((next.quotaBytes / GB) * 1000) / 1000);
      notifySuccess(t(quota === null ? 'quota.resetDone' : 'quota.saved', { quota: formatBytes(lang, next.quotaBytes) }));
    } catch (e) {
      const onField = e instanceof ApiError ? e.problem.errors?.find((x) => x.field === 'quotaBytes') : undefined;
      if (onField) setFieldError(fieldErrorMessage(onField));
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!Number.isFinite(gb) || gb < 0 || gb > MAX_GB) {
      setFieldError(t('quota.invalid', { max: MAX_GB.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') }));
      return;
    }
    void put(Math.round(gb * GB), 'set');
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('quota.formLabel')} data-testid="quota-form">
      <Stack gap="xs">
        <ErrorAlert error={error} fields={['quotaBytes']} />
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('quota.label')}
            description={t('quota.help')}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            value={value}
            onChange={(v) => {
              setValue(v);
              setFieldError(null);
            }}
            min={0}
            max={MAX_GB}
            decimalScale={3}
            step={1}
            suffix=" GB"
            thousandSeparator={lang === 'vi' ? '.' : ','}
            decimalSeparator={lang === 'vi' ? ',' : '.'}
            error={fieldError}
            w={260}
            data-testid="quota-input"
          />
          <Button type="submit" loading={busy === 'set'} disabled={busy !== null} data-testid="quota-save">
            {t('quota.save')}
          </Button>
          {custom && (
            <Button variant="default" loading={busy === 'reset'} disabled={busy !== null} onClick={() => void put(null, 'reset')} data-testid="quota-reset">
              {t('quota.reset')}
            </Button>
          )}
        </Group>
        {below && (
          <Text size="sm" c="#8a3c00" data-testid="quota-below">
            {t('quota.belowUsage', { used: formatBytes(lang, usedBytes) })}
          </Text>
        )}
      </Stack>
    </form>
  );
}
