// Page title (the one h1 of the screen) with optional actions on the right.
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({ title, intro, actions, badges }: { title: string; intro?: string; actions?: ReactNode; badges?: ReactNode }) {
  return (
    <Stack gap={4} mb="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {title}
          </Title>
          {badges}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {intro && <Text c="dimmed">{intro}</Text>}
    </Stack>
  );
}
