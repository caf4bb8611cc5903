// Dates typed as dd/mm/yyyy (and hh:mm) in both UI languages — the browser's native date field
// follows the browser's locale (mm/dd/yyyy on most machines), which misleads Vietnamese users.
// The value stays machine-readable: yyyy-mm-dd, or yyyy-mm-ddThh:mm with `withTime`; while the
// text is incomplete or not a real date, the typed text itself is the value (so a form can refuse it).
// Enter does not submit the surrounding form (a half-typed date would be sent); it checks the date.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Whether a field value is empty or a complete, real date (or date-time). */
export function isDateValue(value: string, withTime = false): boolean {
  if (value === '') return true;
  const m = (withTime ? ISO_DATE_TIME : ISO_DATE).exec(value);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y!, mo! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && h! < 24 && mi! < 60;
}

function toText(value: string, withTime: boolean): string {
  const m = (withTime ? ISO_DATE_TIME : ISO_DATE).exec(value);
  if (!m) return value;
  return withTime ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** Keeps the digits typed and lays them out as dd/mm/yyyy hh:mm. */
function mask(text: string, withTime: boolean): string {
  const digits = text.replace(/\D/g, '').slice(0, withTime ? 12 : 8);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i === 2 || i === 4) out += '/';
    if (i === 8) out += ' ';
    if (i === 10) out += ':';
    out += digits[i];
  }
  return out;
}

function toValue(text: string, withTime: boolean): string {
  const m = (withTime ? /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/ : /^(\d{2})\/(\d{2})\/(\d{4})$/).exec(text);
  if (!m) return text;
  const iso = withTime ? `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}` : `${m[3]}-${m[2]}-${m[1]}`;
  return isDateValue(iso, withTime) ? iso : text;
}

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  value?: string;
  onChange: (value: string) => void;
  withTime?: boolean;
}

export function DateField({ value = '', onChange, withTime = false, error, onBlur, onKeyDown, description, ...rest }: DateFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(() => toText(value, withTime));
  const [seen, setSeen] = useState(value);
  const [blurred, setBlurred] = useState(false);
  // Follow a value set from outside (form reset, a filter taken from the address).
  if (value !== seen) {
    setSeen(value);
    if (value !== toValue(text, withTime)) setText(toText(value, withTime));
  }
  const own = blurred && !isDateValue(value, withTime) ? t(withTime ? 'common.invalidDateTime' : 'common.invalidDate') : null;
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t(withTime ? 'common.dateTimeFormat' : 'common.dateFormat')}
      description={description ?? t(withTime ? 'common.dateTimeFormat' : 'common.dateFormat')}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      value={text}
      error={error || own}
      onChange={(e) => {
        const next = mask(e.currentTarget.value, withTime);
        setText(next);
        setBlurred(false);
        const v = toValue(next, withTime);
        setSeen(v);
        onChange(v);
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        setBlurred(true);
        onBlur?.(e);
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          setBlurred(true);
        }
        onKeyDown?.(e);
      }}
    />
  );
}

/** A calendar date from today on (expiry dates); value yyyy-mm-dd. */
export function FutureDateField(props: DateFieldProps) {
  const { t } = useI18n();
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const v = props.value ?? '';
  const tooEarly = isDateValue(v) && v !== '' && v < today ? t('common.dateTooEarly') : null;
  return <DateField {...props} error={props.error || tooEarly} />;
}
