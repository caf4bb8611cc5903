// Frame of the sign-in screens: app name, language switch, one centred card.
import { Box, Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import classes from '../layout/layout.module.css';

export function AuthLayout({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <Box className={classes.authPage}>
      <header className={classes.authHeader}>
        <Group justify="space-between" wrap="nowrap" px="md" h="100%">
          <Text fw={700} c="white" className={classes.brand} visibleFrom="xs">
            {t('app.name')}
          </Text>
          <Text fw={700} c="white" hiddenFrom="xs">
            {t('app.shortName')}
          </Text>
          <div style={{ flexShrink: 0 }}>
            <LanguageSwitch />
          </div>
        </Group>
      </header>
      <Container size={wide ? 560 : 440} py="xl" component="main" id="main">
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Text size="sm" fw={600} c="ttdn.8" hiddenFrom="xs" mb={4}>
            {t('app.name')}
          </Text>
          <Title order={1} size="h2" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
