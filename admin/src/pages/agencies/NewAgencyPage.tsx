import { Paper } from '@mantine/core';
import { useNavigate } from 'react-router';
import { agencyRequests, useAgencyMutation } from '../../api/agencies';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { AgencyForm, emptyAgency } from './AgencyForm';

export function NewAgencyPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const create = useAgencyMutation(agencyRequests.create, {
    success: (created) => t('agencies.created', { name: agencyName(created, lang) }),
    onSuccess: (created) => navigate(`/agencies/${created.id}`),
  });
  return (
    <>
      <PageHeader title={t('agencies.new')} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={960}>
        <AgencyForm
          initial={emptyAgency}
          submitLabel={t('common.create')}
          onCancel={() => navigate('/agencies')}
          onSubmit={(body) => create.mutateAsync(body)}
        />
      </Paper>
    </>
  );
}
