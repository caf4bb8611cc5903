import { Center, Loader } from '@mantine/core';
import { useI18n } from '../i18n';

export function Loading({ full }: { full?: boolean }) {
  const { t } = useI18n();
  return (
    <Center h={full ? '100vh' : 200} role="status" aria-live="polite">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
