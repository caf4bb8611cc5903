// What the case forms share: a submit that puts a refusal on its fields and in the alert, and
// the footer with Cancel and the submit button.
import { Button, Group, type MantineSize } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { setServerErrors } from '../../lib/forms';

interface FormLike<V> {
  values: V;
  setFieldError: (path: string, error: string) => void;
}

/**
 * The error of a form's last submit. `run(form, action)` is the submit handler: a refusal of
 * `action` goes onto the form's `fields` and into `error` (for `<ErrorAlert error fields />`).
 */
export function useCaseSubmit(fields: readonly string[]) {
  const [error, setError] = useState<unknown>(null);
  const run =
    <V,>(form: FormLike<V>, action: (v: V) => Promise<unknown>) =>
    async (v: V) => {
      try {
        await action(v);
      } catch (e) {
        setServerErrors(form, e, fields);
        setError(e);
      }
    };
  return { error, setError, run };
}

/** Cancel, then the submit button, at the end of a form. */
export function FormFooter({
  onCancel,
  loading,
  size,
  color,
  children,
  'data-testid': testId,
}: {
  onCancel: () => void;
  loading: boolean;
  size?: MantineSize;
  color?: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button size={size} variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button size={size} type="submit" loading={loading} color={color} data-testid={testId}>
        {children}
      </Button>
    </Group>
  );
}
