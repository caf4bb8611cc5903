// Toasts with a labelled close button (Mantine's has no accessible name by default).
import { notifications } from '@mantine/notifications';
import { currentLang, translate } from '../i18n';

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': translate(currentLang(), 'common.close') } });
}

export function notifyError(message: string) {
  notifications.show({ color: 'red', message, closeButtonProps: { 'aria-label': translate(currentLang(), 'common.close') } });
}
