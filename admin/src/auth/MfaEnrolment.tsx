// TOTP set-up: the QR code (as an <img>, never injected markup), the secret as text, then a code.
import { Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { authRequests } from '../api/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { setServerErrors } from '../lib/forms';

/** Groups of four characters read and type more easily; apps ignore the spaces. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function MfaEnrolment({ onConfirmed }: { onConfirmed: (recoveryCodes: string[]) => void }) {
  const { t } = useI18n();
  const start = useMutation({ mutationFn: authRequests.startMfaEnrolment });
  const started = useRef(false);
  useEffect(() => {
    // Once per mount (StrictMode re-runs effects): a second start would replace the secret shown.
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.replace(/\s+/g, '')) ? null : t('auth.enrol.codeFormat')) },
    // The refusal of the last attempt goes as soon as the person edits the form.
    onValuesChange: () => confirm.reset(),
  });
  const confirm = useMutation({
    mutationFn: authRequests.confirmMfa,
    onSuccess: (r) => onConfirmed(r.recoveryCodes),
    onError: (e) => setServerErrors(form, e, ['code']),
  });

  if (start.isPending || start.isIdle) return <Loading />;
  if (start.isError) return <ErrorAlert error={start.error} onRetry={() => start.mutate()} />;
  const { secret, qrSvg } = start.data;
  return (
    <Stack>
      <Text size="sm">{t('auth.enrol.step1')}</Text>
      <Group justify="center">
        <Image
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
          alt={t('auth.enrol.qrAlt')}
          w={200}
          h={200}
          fit="contain"
          bg="white"
          p={4}
        />
      </Group>
      <Text size="sm" id="mfa-secret-label">
        {t('auth.enrol.step2')}
      </Text>
      <Code
        block
        aria-labelledby="mfa-secret-label"
        data-testid="mfa-secret"
        data-secret={secret}
        style={{ fontSize: '1rem', textAlign: 'center', wordBreak: 'break-all' }}
      >
        {grouped(secret)}
      </Code>
      <form
        onSubmit={form.onSubmit(
          (v) => confirm.mutate(v.code.replace(/\s+/g, '')),
          () => confirm.reset(),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm">{t('auth.enrol.step3')}</Text>
          <ErrorAlert error={confirm.error} fields={['code']} />
          <TextInput label={t('auth.mfa.code')} autoComplete="one-time-code" inputMode="numeric" required maxLength={7} {...form.getInputProps('code')} />
          <Button type="submit" loading={confirm.isPending}>
            {t('auth.enrol.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
