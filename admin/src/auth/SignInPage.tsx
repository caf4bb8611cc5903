import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { authRequests } from '../api/auth';
import { PasswordField } from '../components/PasswordField';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n';
import { setServerErrors } from '../lib/forms';
import { AuthLayout } from './AuthLayout';
import { applySession } from '../api/auth';
import { useAuth } from './session';

export function SignInPage() {
  const { t } = useI18n();
  const { notice, setNotice } = useAuth();
  const form = useForm({
    initialValues: { login: '', password: '' },
    validate: {
      login: (v) => (v.trim() ? (v.length > 254 ? t('common.tooLong', { max: 254 }) : null) : t('common.required')),
      password: (v) => (v ? null : t('common.required')),
    },
  });
  const signIn = useMutation({
    mutationFn: authRequests.signIn,
    onSuccess: (state) => {
      setNotice(null);
      applySession(state);
    },
    onError: (e) => {
      setServerErrors(form, e, ['login', 'password']);
      form.setFieldValue('password', '');
    },
  });
  return (
    <AuthLayout title={t('auth.signIn.title')}>
      <form onSubmit={form.onSubmit((v) => signIn.mutate({ login: v.login.trim(), password: v.password }))} noValidate>
        <Stack>
          <Text size="sm">{t('auth.signIn.intro')}</Text>
          {notice && !signIn.isError && (
            <Alert color={notice === 'sessionEnded' ? 'orange' : 'ttdn'} variant="light" role="status">
              {notice === 'sessionEnded' ? t('auth.signIn.sessionEnded') : t('auth.signedOut')}
            </Alert>
          )}
          <ErrorAlert error={signIn.error} fields={['login', 'password']} />
          <TextInput label={t('auth.signIn.login')} autoComplete="username" required autoFocus name="login" {...form.getInputProps('login')} />
          <PasswordField label={t('auth.signIn.password')} autoComplete="current-password" required name="password" {...form.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
