// Create or edit an account (admin). Limits mirror the server's schema.
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useAgencies } from '../../api/agencies';
import { PasswordField } from '../../components/PasswordField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { rules, setServerErrors, USERNAME_PATTERN } from '../../lib/forms';
import { agencyName, languageOptions, roleOptions, type RoleName } from '../../lib/labels';

export interface UserValues {
  agencyId: string | null;
  email: string;
  username: string;
  displayName: string;
  role: string | null;
  locale: string;
  password: string;
}

export interface UserBody {
  agencyId: string;
  email: string;
  username: string;
  displayName: string;
  role: RoleName;
  locale: 'vi' | 'en';
  password?: string;
}

const FIELDS = ['agencyId', 'email', 'username', 'displayName', 'role', 'locale', 'password'];

export function UserForm({
  initial,
  withPassword,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: UserValues;
  withPassword?: boolean;
  submitLabel: string;
  onSubmit: (body: UserBody) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const r = rules(t);
  const agencies = useAgencies({});
  const [error, setError] = useState<unknown>(null);
  const form = useForm<UserValues>({
    initialValues: initial,
    validate: {
      agencyId: r.required,
      email: r.email,
      username: (v) => r.length(3, 64)(v) ?? (USERNAME_PATTERN.test(v) ? null : t('users.usernameFormat')),
      displayName: r.length(1, 200),
      role: r.required,
      password: (v) =>
        !withPassword || !v ? null : v.length < 10 ? t('common.tooShort', { min: 10 }) : v.length > 256 ? t('common.tooLong', { max: 256 }) : null,
    },
  });
  const handle = form.onSubmit(async (v) => {
    setError(null);
    try {
      await onSubmit({
        agencyId: v.agencyId!,
        email: v.email.trim(),
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role as RoleName,
        locale: v.locale === 'en' ? 'en' : 'vi',
        ...(withPassword && v.password ? { password: v.password } : {}),
      });
    } catch (e) {
      setServerErrors(form, e, FIELDS);
      setError(e);
    }
  });
  const agencyOptions = (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: agencyName(a, lang) }));
  return (
    <form onSubmit={handle} noValidate>
      <Stack>
        <ErrorAlert error={error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('users.displayName')} required maxLength={200} {...form.getInputProps('displayName')} />
          <TextInput type="email" label={t('users.email')} required maxLength={254} autoComplete="off" {...form.getInputProps('email')} />
          <TextInput
            label={t('users.username')}
            description={t('users.usernameFormat')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            maxLength={64}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <Select label={t('users.agency')} required data={agencyOptions} searchable {...form.getInputProps('agencyId')} data-testid="user-agency" />
          <Select label={t('users.role')} required data={roleOptions(t)} allowDeselect={false} {...form.getInputProps('role')} data-testid="user-role" />
          <Select label={t('users.locale')} data={languageOptions} allowDeselect={false} {...form.getInputProps('locale')} />
          {withPassword && (
            <PasswordField
              label={t('users.password')}
              description={t('users.passwordHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="new-password"
              maxLength={256}
              {...form.getInputProps('password')}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={form.submitting} data-testid="user-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
