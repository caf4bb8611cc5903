// The workflow buttons of a language version, from the server's `allowedTransitions`: submit (with
// the Art. 4.6 declaration), withdraw, archive, restore; for appraisers return (comment required),
// approve (the Art. 6.4 checklist, optional scheduled time), publish, unpublish.
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconArchive, IconCheck, IconRestore, IconSend, IconWorld, IconWorldOff, IconX } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { itemRequests, useItemMutation, type TransitionBody, type WorkingVersion } from '../../api/content';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { hueLocalToIso, languageName, TRANSITION_ORDER, type TransitionName } from '../../lib/content';
import { notifySuccess } from '../../lib/notify';
import { DateField } from '../../components/DateInput';

const CHECKS = ['copyright', 'accuracy', 'noHarm', 'noStateSecrets'] as const;

/** Runs a transition of `version`; the cache follows from the items' keys (api/content.ts). */
export function useTransition(version: WorkingVersion) {
  const transition = useItemMutation(itemRequests.transition);
  return (name: TransitionName, body: TransitionBody = {}) => transition.mutateAsync({ id: version.id, name, body });
}

interface Props {
  version: WorkingVersion;
  /** Unsaved edits: transitions act on the saved revision, so they wait. */
  dirty?: boolean;
  /** Only these transitions (the appraisal screen shows return and approve only). */
  only?: readonly TransitionName[];
  /** A refusal with field errors (missing metadata on submit) for the form to show. */
  onFieldErrors?: (error: ApiError) => void;
}

export function WorkflowActions({ version, dirty, only, onFieldErrors }: Props) {
  const { t } = useI18n();
  const take = useTransition(version);
  const allowed = TRANSITION_ORDER.filter((n) => version.allowedTransitions.includes(n) && (!only || only.includes(n)));
  if (allowed.length === 0) return null;
  const lang = languageName(t, version.language);
  const done = (name: TransitionName) => notifySuccess(t(`wf.done.${name}` as MessageKey, { language: lang }));
  const simple = (name: TransitionName, icon: ReactNode, danger = false) => (
    <ConfirmButton
      key={name}
      variant={danger ? 'light' : 'default'}
      danger={danger}
      leftSection={icon}
      disabled={dirty}
      message={t(`wf.confirm.${name}` as MessageKey, { language: lang })}
      confirmLabel={t(`wf.${name}` as MessageKey)}
      data-testid={`wf-${name}`}
      onConfirm={async () => {
        await take(name);
        done(name);
      }}
    >
      {t(`wf.${name}` as MessageKey)}
    </ConfirmButton>
  );
  return (
    <Stack gap="xs">
      {dirty && (
        <Text size="sm" c="#8a3c00" role="status">
          {t('wf.saveFirst')}
        </Text>
      )}
      <Group gap="xs">
        {allowed.map((name) => {
          switch (name) {
            case 'submit':
              return <SubmitButton key={name} version={version} disabled={dirty} onFieldErrors={onFieldErrors} onDone={() => done(name)} />;
            case 'return':
              return <ReturnButton key={name} version={version} disabled={dirty} onDone={() => done(name)} />;
            case 'approve':
              return (
                <ApproveButton
                  key={name}
                  version={version}
                  disabled={dirty}
                  onDone={(scheduled) => (scheduled ? notifySuccess(t('wf.done.scheduled', { language: lang })) : done(name))}
                />
              );
            case 'withdraw':
              return simple(name, <IconArrowBackUp size={18} aria-hidden />);
            case 'publish':
              return simple(name, <IconWorld size={18} aria-hidden />);
            case 'unpublish':
              return simple(name, <IconWorldOff size={18} aria-hidden />, true);
            case 'archive':
              return simple(name, <IconArchive size={18} aria-hidden />, true);
            case 'restore':
              return simple(name, <IconRestore size={18} aria-hidden />);
          }
          return null;
        })}
      </Group>
    </Stack>
  );
}

function SubmitButton({
  version,
  disabled,
  onFieldErrors,
  onDone,
}: {
  version: WorkingVersion;
  disabled?: boolean;
  onFieldErrors?: (e: ApiError) => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const take = useTransition(version);
  const [opened, { open, close }] = useDisclosure(false);
  const [declared, setDeclared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!declared) return setCheckError(t('wf.declarationRequired'));
    setBusy(true);
    setError(null);
    try {
      await take('submit', { declaration: { noStateSecrets: true } });
      close();
      setDeclared(false);
      onDone();
    } catch (err) {
      // Missing metadata: the form shows each error on its field.
      if (
        err instanceof ApiError &&
        err.status === 400 &&
        onFieldErrors &&
        err.problem.errors?.some((x) => x.field.startsWith('text/') || x.field.startsWith('metadata'))
      ) {
        close();
        onFieldErrors(err);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button leftSection={<IconSend size={18} aria-hidden />} onClick={open} disabled={disabled} data-testid="wf-submit">
        {t('wf.submit')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('wf.submitTitle', { language: languageName(t, version.language) })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('wf.submitIntro')}</Text>
            <Checkbox
              label={t('wf.declaration')}
              checked={declared}
              onChange={(e) => {
                setDeclared(e.currentTarget.checked);
                setCheckError(null);
              }}
              error={checkError}
              required
              data-testid="declaration"
            />
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="confirm-submit">
                {t('wf.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function ReturnButton({ version, disabled, onDone }: { version: WorkingVersion; disabled?: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="light" leftSection={<IconX size={18} aria-hidden />} onClick={open} disabled={disabled} data-testid="wf-return">
        {t('wf.return')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('wf.returnTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
        <ReturnForm
          version={version}
          onCancel={close}
          onDone={() => {
            close();
            onDone();
          }}
        />
      </Modal>
    </>
  );
}

/** The Art. 6.4 checklist, also used inline on the appraisal screen. */
export function ApprovalChecklist({
  value,
  onChange,
  errors,
}: {
  value: Record<string, boolean>;
  onChange: (v: Record<string, boolean>) => void;
  errors?: Record<string, string | null>;
}) {
  const { t } = useI18n();
  return (
    <Checkbox.Group
      label={t('appraisal.checklist')}
      description={t('appraisal.checklistHelp')}
      value={CHECKS.filter((c) => value[c])}
      onChange={(v) => onChange(Object.fromEntries(CHECKS.map((c) => [c, v.includes(c)])))}
    >
      <Stack gap={8} mt={8}>
        {CHECKS.map((c) => (
          <Checkbox key={c} value={c} label={t(`appraisal.check.${c}` as MessageKey)} error={errors?.[c] ?? undefined} data-testid={`check-${c}`} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function ApproveForm({ version, onDone, onCancel }: { version: WorkingVersion; onDone: (scheduled: boolean) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const take = useTransition(version);
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [checkErrors, setCheckErrors] = useState<Record<string, string | null>>({});
  const [publishAt, setPublishAt] = useState('');
  const [publishAtError, setPublishAtError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const source = version.versions.find((v) => v.isSource);
  const waitsForSource = !version.isSource && !source?.online;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = CHECKS.filter((c) => !checks[c]);
    setCheckErrors(Object.fromEntries(missing.map((c) => [c, t('appraisal.checkRequired')])));
    let at: string | null = null;
    if (publishAt) {
      at = hueLocalToIso(publishAt);
      if (!at) return setPublishAtError(t('appraisal.publishAtInvalid'));
    }
    setPublishAtError(null);
    if (missing.length) return;
    setBusy(true);
    setError(null);
    try {
      await take('approve', {
        checklist: { copyright: true, accuracy: true, noHarm: true, noStateSecrets: true },
        comment: comment.trim() || undefined,
        publishAt: at,
      });
      onDone(!!at);
    } catch (err) {
      if (err instanceof ApiError) {
        const fromServer = Object.fromEntries(
          (err.problem.errors ?? []).filter((x) => x.field.startsWith('checklist/')).map((x) => [x.field.slice('checklist/'.length), x.message]),
        );
        setCheckErrors(fromServer);
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('wf.approve')}>
      <Stack>
        <ApprovalChecklist
          value={checks}
          onChange={(v) => {
            setChecks(v);
            setCheckErrors({});
          }}
          errors={checkErrors}
        />
        <DateField
          withTime
          label={t('appraisal.publishAt')}
          description={`${t('common.dateTimeFormat')} — ${t('appraisal.publishAtHelp')}`}
          value={publishAt}
          onChange={(v) => {
            setPublishAt(v);
            setPublishAtError(null);
          }}
          error={publishAtError}
          maw={320}
          data-testid="publish-at"
        />
        {waitsForSource && (
          <Alert color="orange" variant="light">
            {t('appraisal.waitsForSource')}
          </Alert>
        )}
        <Textarea
          label={t('appraisal.commentOptional')}
          autosize
          minRows={2}
          maxLength={5000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <ErrorAlert error={error} fields={CHECKS.map((c) => `checklist.${c}`)} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" color="green" leftSection={<IconCheck size={18} aria-hidden />} loading={busy} data-testid="confirm-approve">
            {t('wf.approve')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ApproveButton({ version, disabled, onDone }: { version: WorkingVersion; disabled?: boolean; onDone: (scheduled: boolean) => void }) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="green" leftSection={<IconCheck size={18} aria-hidden />} onClick={open} disabled={disabled} data-testid="wf-approve">
        {t('wf.approve')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('wf.approveTitle', { language: languageName(t, version.language) })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        <ApproveForm
          version={version}
          onCancel={close}
          onDone={(scheduled) => {
            close();
            onDone(scheduled);
          }}
        />
      </Modal>
    </>
  );
}

/** Return (with the comment) as an inline form, for the appraisal screen. */
export function ReturnForm({ version, onDone, onCancel }: { version: WorkingVersion; onDone: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const take = useTransition(version);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) return setCommentError(t('wf.commentRequired'));
    setBusy(true);
    setError(null);
    try {
      await take('return', { comment: comment.trim() });
      setComment('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('wf.return')}>
      <Stack>
        <Textarea
          label={t('wf.returnComment')}
          description={t('wf.returnHelp')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          required
          autosize
          minRows={4}
          maxLength={5000}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setCommentError(null);
          }}
          error={commentError}
          data-testid="return-comment"
        />
        <ErrorAlert error={error} fields={['comment']} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" color="red" variant="light" leftSection={<IconX size={18} aria-hidden />} loading={busy} data-testid="confirm-return">
            {t('wf.return')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
