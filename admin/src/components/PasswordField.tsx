// Mantine's PasswordInput with its show/hide button labelled in the UI language.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useI18n } from '../i18n';

export function PasswordField(props: PasswordInputProps) {
  const { t } = useI18n();
  return <PasswordInput visibilityToggleButtonProps={{ tabIndex: 0, 'aria-label': t('common.togglePassword') }} {...props} />;
}
