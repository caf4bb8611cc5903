// A calendar date via the browser's native date field (no date library needed); value yyyy-mm-dd.
import { TextInput, type TextInputProps } from '@mantine/core';

export function NativeDateInput(props: Omit<TextInputProps, 'type'>) {
  const today = new Date().toISOString().slice(0, 10);
  return <TextInput type="date" min={today} {...props} />;
}
