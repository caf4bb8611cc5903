import { Paper } from '@mantine/core';
import { notifySuccess } from '../../lib/notify';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { AgencyForm, emptyAgency } from './AgencyForm';

export function NewAgencyPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <>
      <PageHeader title={t('agencies.new')} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={960}>
        <AgencyForm
          initial={emptyAgency}
          submitLabel={t('common.create')}
          onCancel={() => navigate('/agencies')}
          onSubmit={async (body) => {
            const created = await call(api.POST('/api/v1/agencies', { body }));
            await qc.invalidateQueries({ queryKey: ['agencies'] });
            notifySuccess(t('agencies.created', { name: agencyName(created, lang) }));
            navigate(`/agencies/${created.id}`);
          }}
        />
      </Paper>
    </>
  );
}
