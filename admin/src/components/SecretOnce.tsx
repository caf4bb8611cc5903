// A secret the server returns only once (initial password, client secret, token): shown plainly,
// with a copy button and a clear warning, until the person says they saved it.
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useId } from 'react';
import { useI18n } from '../i18n';

export interface SecretField {
  label: string;
  value: string;
  testId?: string;
}

export function SecretOnce({ intro, secrets, onDone, doneLabel }: { intro: string; secrets: SecretField[]; onDone: () => void; doneLabel?: string }) {
  const { t } = useI18n();
  return (
    <Stack gap="md" data-testid="secret-once">
      <Alert color="orange" variant="light" icon={<IconKey aria-hidden />} title={t('secret.title')}>
        <Text size="sm">{intro}</Text>
        <Text size="sm" fw={600} mt={4}>
          {t('secret.warning')}
        </Text>
      </Alert>
      {secrets.map((s) => (
        <SecretValue key={s.label} {...s} />
      ))}
      <Group justify="flex-end">
        <Button onClick={onDone} data-testid="secret-done">
          {doneLabel ?? t('secret.done')}
        </Button>
      </Group>
    </Stack>
  );
}

function SecretValue({ label, value, testId }: SecretField) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={id}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          block
          aria-labelledby={id}
          data-testid={testId ?? 'secret-value'}
          style={{ flex: 1, fontSize: '1rem', wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon variant="light" color={copied ? 'teal' : undefined} size="lg" onClick={copy} aria-label={`${t('common.copy')}: ${label}`}>
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
