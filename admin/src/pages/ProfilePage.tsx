// Your own account: name and language, password, second factor.
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess } from '../lib/notify';
import { useState } from 'react';
import { applySession, authRequests } from '../api/auth';
import { MFA_REQUIRED_ROLES, useAuth, useMe } from '../auth/session';
import { MfaEnrolment } from '../auth/MfaEnrolment';
import { PasswordChangeForm } from '../auth/PasswordChangeForm';
import { RoleBadge } from '../components/Badges';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { setLang, useI18n } from '../i18n';
import { rules, setServerErrors } from '../lib/forms';
import { languageOptions } from '../lib/labels';

export function ProfilePage() {
  const { t } = useI18n();
  const { user } = useMe();
  return (
    <>
      <PageHeader title={t('profile.title')} badges={<RoleBadge role={user.role} />} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} maw={1200}>
        <Stack>
          <AccountForm key={`${user.locale}|${user.displayName}`} />
          <MfaPanel />
        </Stack>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} size="h3" mb="md">
            {t('profile.changePassword')}
          </Title>
          <PasswordChangeForm
            onChanged={(s) => {
              applySession(s);
              notifySuccess(t('auth.password.changed'));
            }}
          />
        </Paper>
      </SimpleGrid>
    </>
  );
}

function AccountForm() {
  const { t } = useI18n();
  const { user } = useMe();
  const r = rules(t);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { displayName: user.displayName, locale: user.locale === 'en' ? 'en' : 'vi' },
    validate: { displayName: r.length(1, 200) },
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h3" mb="md">
        {t('profile.account')}
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          setError(null);
          try {
            const locale = v.locale === 'en' ? 'en' : 'vi';
            await authRequests.updateProfile({ displayName: v.displayName.trim(), locale });
            setLang(locale);
            notifySuccess(t('common.saved'));
          } catch (e) {
            setServerErrors(form, e, ['displayName', 'locale']);
            setError(e);
          }
        })}
      >
        <Stack>
          <ErrorAlert error={error} fields={['displayName', 'locale']} />
          <Text size="sm">
            {user.username} · {user.email}
          </Text>
          <TextInput label={t('profile.displayName')} required maxLength={200} {...form.getInputProps('displayName')} />
          <Select label={t('profile.language')} data={languageOptions} allowDeselect={false} {...form.getInputProps('locale')} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function MfaPanel() {
  const { t } = useI18n();
  const { user, role } = useMe();
  const { showRecoveryCodes } = useAuth();
  const [enrolling, setEnrolling] = useState(false);
  const required = MFA_REQUIRED_ROLES.includes(role);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h3" mb="md">
        {t('profile.mfa')}
      </Title>
      <Stack>
        <Text>{user.mfaEnabled ? t('profile.mfaOn') : t('profile.mfaOff')}</Text>
        {required && <Text size="sm">{t('profile.mfaRequired')}</Text>}
        {!user.mfaEnabled &&
          (enrolling ? (
            <MfaEnrolment
              onConfirmed={(codes) => {
                setEnrolling(false);
                showRecoveryCodes(codes);
              }}
            />
          ) : (
            <Group>
              <Button onClick={() => setEnrolling(true)}>{t('profile.mfaEnable')}</Button>
            </Group>
          ))}
        {user.mfaEnabled && !required && (
          <Group>
            <ConfirmButton
              variant="default"
              danger
              message={t('profile.mfaDisableConfirm')}
              onConfirm={async () => {
                await authRequests.disableMfa();
                notifySuccess(t('profile.mfaDisabled'));
              }}
            >
              {t('profile.mfaDisable')}
            </ConfirmButton>
          </Group>
        )}
        {!user.mfaEnabled && required && <Alert color="orange">{t('auth.enrol.forced')}</Alert>}
      </Stack>
    </Paper>
  );
}
