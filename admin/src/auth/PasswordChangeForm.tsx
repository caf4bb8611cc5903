// Change your own password: forced after a reset or at first sign-in, or by choice from the profile.
import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { authRequests } from '../api/auth';
import type { SessionState } from '../api/client';
import { PasswordField } from '../components/PasswordField';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n';
import { setServerErrors } from '../lib/forms';

const MAX = 256;

export function PasswordChangeForm({ onChanged, autoFocus }: { onChanged: (s: SessionState) => void; autoFocus?: boolean }) {
  const { t } = useI18n();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('common.required')),
      newPassword: (v, all) =>
        !v
          ? t('common.required')
          : v.length < 10
            ? t('common.tooShort', { min: 10 })
            : v.length > MAX
              ? t('common.tooLong', { max: MAX })
              : v === all.currentPassword
                ? t('auth.password.same')
                : null,
      confirm: (v, all) => (v !== all.newPassword ? t('auth.password.mismatch') : null),
    },
    // The refusal of the last attempt goes as soon as the person edits the form.
    onValuesChange: () => change.reset(),
  });
  const change = useMutation({
    mutationFn: authRequests.changePassword,
    onSuccess: (s) => {
      form.reset();
      onChanged(s);
    },
    onError: (e) => setServerErrors(form, e, ['currentPassword', 'newPassword']),
  });
  return (
    <form
      onSubmit={form.onSubmit(
        (v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
        () => change.reset(),
      )}
      noValidate
    >
      <Stack>
        <ErrorAlert error={change.error} fields={['currentPassword', 'newPassword']} />
        <PasswordField
          label={t('auth.password.current')}
          autoComplete="current-password"
          required
          autoFocus={autoFocus}
          name="currentPassword"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('auth.password.new')}
          description={t('auth.password.hint')}
          autoComplete="new-password"
          required
          name="newPassword"
          {...form.getInputProps('newPassword')}
        />
        <PasswordField label={t('auth.password.confirm')} autoComplete="new-password" required name="confirm" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={change.isPending}>
          {t('auth.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function PasswordChangePage({ onChanged }: { onChanged: (s: SessionState) => void }) {
  const { t } = useI18n();
  return (
    <Stack>
      <Text size="sm">{t('auth.password.forced')}</Text>
      <PasswordChangeForm onChanged={onChanged} autoFocus />
    </Stack>
  );
}
