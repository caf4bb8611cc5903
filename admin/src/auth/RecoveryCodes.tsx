// Recovery codes, shown once after TOTP set-up, until the person confirms they saved them.
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../i18n';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => Promise<void> | void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <Stack>
      <Alert color="orange" variant="light" title={t('secret.title')}>
        {t('auth.recovery.intro')}
      </Alert>
      <Text fw={600} id="recovery-codes-label">
        {t('auth.recovery.listLabel')}
      </Text>
      <ol className="recovery-codes" aria-labelledby="recovery-codes-label" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <Code fz="md">{c}</Code>
          </li>
        ))}
      </ol>
      <Group justify="space-between">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
        <Button
          loading={busy}
          data-testid="recovery-saved"
          onClick={async () => {
            setBusy(true);
            try {
              await onDone();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('auth.recovery.saved')}
        </Button>
      </Group>
    </Stack>
  );
}
