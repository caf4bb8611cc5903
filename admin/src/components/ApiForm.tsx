// The scaffold every form that writes through the API shares: Mantine's form with the last refusal
// (cleared as soon as the person edits), a submit that puts a refusal's field errors on the fields
// and the rest in the alert, and the footer with Cancel and the submit button.
import { Button, Group, Stack, type MantineSize, type MantineSpacing, type StyleProp } from '@mantine/core';
import { useForm, type UseFormInput, type UseFormReturnType } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { setServerErrors } from '../lib/forms';
import { ErrorAlert } from './ErrorAlert';

type Values = Record<string, unknown>;

export interface ApiFormOptions<V extends Values> extends Omit<UseFormInput<V>, 'onValuesChange'> {
  /** Form paths a refusal may name: their messages go onto the fields, the rest into the alert. */
  fields: readonly string[];
  submit: (values: V, form: UseFormReturnType<V>) => Promise<unknown>;
  /** A refusal the form answers itself (a stale revision, say): true when handled, so it is not shown. */
  onRefusal?: (error: unknown) => boolean;
}

export function useApiForm<V extends Values>({ fields, submit, onRefusal, ...input }: ApiFormOptions<V>) {
  const [error, setError] = useState<unknown>(null);
  const form = useForm<V>({ ...input, onValuesChange: () => setError(null) });
  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await submit(values, form);
    } catch (e) {
      if (onRefusal?.(e)) return;
      setServerErrors(form, e, fields);
      setError(e);
    }
  });
  return { form, error, setError, onSubmit, fields };
}

export type ApiFormState = Pick<ReturnType<typeof useApiForm>, 'onSubmit' | 'error' | 'fields' | 'form'>;

/** The footer's Cancel and submit button (a form may have its own buttons instead). */
interface FooterProps {
  submitLabel: ReactNode;
  onCancel: () => void;
  size?: MantineSize;
  color?: string;
  submitTestId?: string;
}

/** The form element: `intro`, the refusal, the fields, then Cancel and the submit button, in one stack. */
export function ApiForm({
  state,
  intro,
  children,
  gap,
  mt,
  'data-testid': testId,
  ...footer
}: {
  state: ApiFormState;
  intro?: ReactNode;
  children: ReactNode;
  gap?: MantineSpacing;
  mt?: StyleProp<MantineSpacing>;
  'data-testid'?: string;
} & (FooterProps | { [K in keyof FooterProps]?: never })) {
  return (
    <form noValidate onSubmit={state.onSubmit}>
      <Stack gap={gap} mt={mt} data-testid={testId}>
        {intro}
        <ErrorAlert error={state.error} fields={state.fields} />
        {children}
        {footer.submitLabel !== undefined && footer.onCancel && (
          <FormFooter onCancel={footer.onCancel} loading={state.form.submitting} size={footer.size} color={footer.color} data-testid={footer.submitTestId}>
            {footer.submitLabel}
          </FormFooter>
        )}
      </Stack>
    </form>
  );
}

/** Cancel, then the submit button, at the end of a form. */
function FormFooter({
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
