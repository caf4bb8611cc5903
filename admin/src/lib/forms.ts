// Server field errors onto Mantine form fields; client-side rules that mirror the server's limits.
import { ApiError, type Problem } from '../api/client';
import { currentLang, translate, type TFunction } from '../i18n';
import { languageName } from './content';

/** "contact/phone" (the API's field path) -> "contact.phone" (the form's path). */
export const formPath = (field: string) => field.replace(/\//g, '.');

interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

type FieldError = NonNullable<Problem['errors']>[number];

/**
 * A field error's message as shown. The server's text names a language by its code ("en"); where
 * the code is in the field's path, the message is written here with the language's name in the UI
 * language instead.
 */
export function fieldErrorMessage(e: FieldError): string {
  if (e.code === 'media_alt_required') {
    const code = /\/alt\/([^/]+)$/.exec(e.field)?.[1];
    if (code) {
      const t: TFunction = (key, params) => translate(currentLang(), key, params);
      return t('media.altRequired', { language: languageName(t, code) });
    }
  }
  return e.message;
}

/** Puts each `errors[].message` on its field; the rest stays for the alert. */
export function setServerErrors(form: FormLike, error: unknown, fields: readonly string[]) {
  if (!(error instanceof ApiError)) return;
  for (const e of error.problem.errors ?? []) {
    const path = formPath(e.field);
    if (fields.includes(path)) form.setFieldError(path, fieldErrorMessage(e));
  }
}

export function rules(t: TFunction) {
  const required = (v: unknown) => ((typeof v === 'string' ? v.trim() === '' : v === null || v === undefined) ? t('common.required') : null);
  const length = (min: number, max: number) => (v: string) => {
    if (min > 0 && v.trim() === '') return t('common.required');
    if (v.length < min) return t('common.tooShort', { min });
    if (v.length > max) return t('common.tooLong', { max });
    return null;
  };
  const maxLength = (max: number) => (v: string | undefined) => ((v ?? '').length > max ? t('common.tooLong', { max }) : null);
  const email = (v: string) => {
    if (v.trim() === '') return t('common.required');
    if (v.length > 254) return t('common.tooLong', { max: 254 });
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : t('common.invalidEmail');
  };
  const optionalEmail = (v: string | undefined) => (!v ? null : email(v));
  return { required, length, maxLength, email, optionalEmail };
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;
