import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { authRequests } from '../api/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n';
import { setServerErrors } from '../lib/forms';
import { AuthLayout } from './AuthLayout';
import { applySession } from '../api/auth';
import { useAuth } from './session';

export function SecondFactorPage() {
  const { t } = useI18n();
  const { signOut } = useAuth();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (v.trim().length < 6 ? t('common.tooShort', { min: 6 }) : v.trim().length > 32 ? t('common.tooLong', { max: 32 }) : null) },
    // The refusal of the last attempt goes as soon as the person edits the form.
    onValuesChange: () => verify.reset(),
  });
  const verify = useMutation({
    mutationFn: authRequests.secondFactor,
    onSuccess: applySession,
    onError: (e) => setServerErrors(form, e, ['code']),
  });
  return (
    <AuthLayout title={t('auth.mfa.title')}>
      <form
        onSubmit={form.onSubmit(
          (v) => verify.mutate(v.code.replace(/\s+/g, '')),
          () => verify.reset(),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm">{t('auth.mfa.intro')}</Text>
          <ErrorAlert error={verify.error} fields={['code']} />
          <TextInput
            label={t('auth.mfa.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            autoFocus
            maxLength={32}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={verify.isPending} fullWidth>
            {t('auth.mfa.submit')}
          </Button>
          <Group justify="center">
            <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
              {t('auth.mfa.cancel')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
