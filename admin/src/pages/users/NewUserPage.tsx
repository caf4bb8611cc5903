// New account: the form, then its initial password, shown once.
import { Paper } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { User } from '../../api/client';
import { userActionRequests, useUserActionMutation } from '../../api/users';
import { PageHeader } from '../../components/PageHeader';
import { SecretOnce } from '../../components/SecretOnce';
import { useI18n } from '../../i18n';
import { UserForm } from './UserForm';

export function NewUserPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useUserActionMutation(userActionRequests.create);
  const [created, setCreated] = useState<{ user: User; password: string } | null>(null);
  return (
    <>
      <PageHeader title={created ? t('users.created', { username: created.user.username }) : t('users.new')} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={880}>
        {created ? (
          <SecretOnce
            intro={t('users.initialPasswordFor', { username: created.user.username })}
            secrets={[{ label: t('users.initialPassword'), value: created.password, testId: 'initial-password' }]}
            doneLabel={t('users.goToAccount')}
            onDone={() => navigate(`/users/${created.user.id}`)}
          />
        ) : (
          <UserForm
            initial={{ agencyId: params.get('agencyId'), email: '', username: '', displayName: '', role: 'contributor', locale: lang, password: '' }}
            withPassword
            submitLabel={t('common.create')}
            onCancel={() => navigate(-1)}
            onSubmit={async (body) => {
              setCreated(await create.mutateAsync(body));
            }}
          />
        )}
      </Paper>
    </>
  );
}
