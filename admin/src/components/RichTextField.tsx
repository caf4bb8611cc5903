// Rich text as HTML typed in a plain text area (no editor library is installed), with a live
// preview rendered through the same allow-list the server applies when it stores the text.
import { Box, Paper, Stack, Switch, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { SafeHtml } from './SafeHtml';

interface Props extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  previewLang?: string;
}

export function RichTextField({ value, onChange, previewLang, ...rest }: Props) {
  const { t } = useI18n();
  const [preview, setPreview] = useState(true);
  const [shown] = useDebouncedValue(value, 200);
  const headingId = useId();
  return (
    <Stack gap={6}>
      <Textarea
        {...rest}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={30}
        spellCheck
        styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 14 } }}
        description={t('rich.help')}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
      />
      <Switch size="sm" label={t('rich.showPreview')} checked={preview} onChange={(e) => setPreview(e.currentTarget.checked)} />
      {preview && (
        <Paper withBorder p="sm" bg="gray.0" role="region" aria-labelledby={headingId}>
          <Text size="xs" fw={700} c="dimmed" id={headingId} mb={4}>
            {t('rich.preview')}
          </Text>
          <Box>
            {shown.trim() ? (
              <SafeHtml html={shown} lang={previewLang} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('rich.empty')}
              </Text>
            )}
          </Box>
        </Paper>
      )}
    </Stack>
  );
}
