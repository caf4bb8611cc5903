import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe, type Role } from '../auth/session';
import { useI18n } from '../i18n';

/** Screens a role cannot use say so (with a way home) instead of pretending not to exist. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { role } = useMe();
  return roles.includes(role) ? <>{children}</> : <NoAccessPage />;
}

export function NoAccessPage() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start" data-testid="no-access">
      <Title order={1} size="h2">
        {t('app.noAccess.title')}
      </Title>
      <Text>{t('app.noAccess.text')}</Text>
      <Button component={Link} to="/">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}
