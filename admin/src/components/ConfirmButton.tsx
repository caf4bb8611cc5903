// A button whose action needs a confirmation dialog first (disable, revoke, reset…).
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

interface Props extends Omit<ButtonProps, 'onClick'> {
  /** The question asked in the dialog. */
  message: string;
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
  confirmLabel?: string;
  'aria-label'?: string;
  danger?: boolean;
}

export function ConfirmButton({ message, onConfirm, children, confirmLabel, danger, ...buttonProps }: Props) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure(false);
  const [pending, setPending] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  return (
    <>
      <Button {...buttonProps} color={danger ? 'red' : buttonProps.color} onClick={open}>
        {children}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={opened}
        onClose={close}
        title={typeof children === 'string' ? children : t('common.confirm')}
        centered
      >
        <Stack>
          <Text>{message}</Text>
          <ErrorAlert error={pending.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={danger ? 'red' : undefined}
              loading={pending.busy}
              data-testid="confirm-action"
              onClick={async () => {
                setPending({ busy: true, error: null });
                try {
                  await onConfirm();
                  setPending({ busy: false, error: null });
                  close();
                } catch (e) {
                  setPending({ busy: false, error: e });
                }
              }}
            >
              {confirmLabel ?? t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
