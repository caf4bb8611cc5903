// Shows an API refusal: its localized title, field errors that have no field on screen,
// the wait time of a 429, and the request id to quote.
import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { ApiError, NetworkError } from '../api/client';
import { useI18n } from '../i18n';
import { fieldErrorMessage, formPath } from '../lib/forms';

export function ErrorAlert({ error, fields = [], onRetry }: { error: unknown; fields?: readonly string[]; onRetry?: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // A refusal after submitting a long form must not stay out of sight above the fold.
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  let title: string;
  let extra: string[] = [];
  let onFields = 0;
  let retryAfter: number | undefined;
  let requestId: string | undefined;
  if (error instanceof ApiError) {
    title = error.problem.title;
    extra = (error.problem.errors ?? []).filter((e) => !fields.includes(formPath(e.field))).map((e) => `${e.field}: ${fieldErrorMessage(e)}`);
    onFields = new Set((error.problem.errors ?? []).map((e) => formPath(e.field)).filter((f) => fields.includes(f))).size;
    // Shown unless the title already says how long to wait.
    retryAfter = error.problem.retryAfter && !title.includes(String(error.problem.retryAfter)) ? error.problem.retryAfter : undefined;
    requestId = error.status >= 500 ? error.problem.instance : undefined;
    // Every problem is shown next to its field: a short pointer is enough, not the generic title.
    if (onFields > 0 && extra.length === 0 && !retryAfter && !requestId) {
      title = t('common.checkMarkedFields');
      onFields = 0;
    }
  } else if (error instanceof NetworkError) {
    title = t('common.networkError');
  } else {
    title = error instanceof Error ? error.message : String(error);
  }
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title}
      role="alert"
      data-testid="error-alert"
      style={{ scrollMarginTop: 72 }}
    >
      {onFields > 0 && <Text size="sm">{t('common.fieldErrorsBelow', { count: onFields })}</Text>}
      {extra.length > 0 && (
        <List size="sm">
          {extra.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
      {retryAfter ? <Text size="sm">{t('common.retryAfter', { seconds: retryAfter })}</Text> : null}
      {requestId ? <Text size="sm">{t('common.errorRef', { id: requestId })}</Text> : null}
      {onRetry ? (
        <Text size="sm" mt={4}>
          <Anchor component="button" type="button" onClick={onRetry}>
            {t('common.retry')}
          </Anchor>
        </Text>
      ) : null}
    </Alert>
  );
}
