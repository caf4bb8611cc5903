// Mantine's PasswordInput with its show/hide button labelled in the UI language.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useI18n } from '../i18n';

export function PasswordField(props: PasswordInputProps) {
  const { t } = useI18n();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} {...props} />;
}
