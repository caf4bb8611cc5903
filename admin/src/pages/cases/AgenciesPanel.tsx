// The notified agencies: per agency its due date and countdown, extensions with their reasons,
// reminders sent, the material received (on time or late) and its responses (Art. 4.4: form,
// date, links, files); the DIC extends a deadline with a reason, the agency (or the DIC for it)
// records its material and responses.
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Collapse,
  Divider,
  Group,
  Input,
  List,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconPhoto, IconX } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { caseRequests, useCaseMutation, type Assignment, type Case, type CaseResponse } from '../../api/cases';
import { useMediaMany, useRememberMedia, type Media } from '../../api/media';
import { useMe } from '../../auth/session';
import { ApiForm, useApiForm } from '../../components/ApiForm';
import { DateField, isDateValue } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { languageName, useContentLanguageOptions } from '../../lib/content';
import { rules } from '../../lib/forms';
import { mediaTitle } from '../../lib/media';
import { MediaPicker } from '../media/MediaPicker';
import { DeadlineBadge } from './CaseBadges';
import { formLabel, formOptions, hueToday, useAgencyNames } from './types';

const URL_RE = /^https?:\/\/\S+$/i;
const ACTIVE = ['opened', 'agencies_notified', 'material_received'];
/** One link per line, blanks dropped. */
const linesOf = (v: string) =>
  v
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function AgenciesPanel({ c }: { c: Case }) {
  const { t } = useI18n();
  const names = useAgencyNames();
  if (c.assignments.length === 0) return <Text>{c.allowed.notify ? t('cases.noAgenciesYetDic') : t('cases.noAgenciesYet')}</Text>;
  return (
    <Stack>
      <ErrorAlert error={names.error} />
      {c.assignments.map((a) => (
        <AssignmentCard key={a.id} c={c} a={a} name={names.name(a.agencyId)} responses={c.responses.filter((r) => r.agencyId === a.agencyId)} />
      ))}
    </Stack>
  );
}

function AssignmentCard({ c, a, name, responses }: { c: Case; a: Assignment; name: string; responses: CaseResponse[] }) {
  const { t, formatDateTime, formatDate } = useI18n();
  const active = ACTIVE.includes(c.status);
  const mayAnswer = active && c.allowed.answerFor.includes(a.agencyId);
  const [extendOpen, extend] = useDisclosure(false);
  const [materialOpen, material] = useDisclosure(false);
  const [responseOpen, response] = useDisclosure(false);
  const day = (d: string) => formatDate(`${d}T12:00:00+07:00`);
  return (
    <Paper withBorder p="md" component="section" aria-label={name} data-testid="assignment" data-agency={a.agencyId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cases.notifiedAt', { date: formatDateTime(a.notifiedAt), by: a.notifiedBy })}
          </Text>
        </Stack>
        <DeadlineBadge d={a} />
      </Group>
      {a.message && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {a.message}
        </Text>
      )}
      {a.extensions.length > 0 && (
        <Stack gap={2} mt="sm" data-testid="extensions">
          <Text size="sm" fw={600}>
            {t('cases.extensions', { date: day(a.originalDueDate) })}
          </Text>
          <List size="sm" spacing={2}>
            {a.extensions.map((x) => (
              <List.Item key={x.at}>
                {t('cases.extensionLine', { from: day(x.from), to: day(x.to), by: x.by, at: formatDateTime(x.at) })} — <em>{x.reason}</em>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {a.reminders.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('cases.remindersSent')}: {a.reminders.map((r) => `${t(`cases.reminder.${r.kind}` as MessageKey)} (${formatDateTime(r.sentAt)})`).join(', ')}
        </Text>
      )}
      <Divider my="sm" />
      <Title order={3} size="h5" mb={4}>
        {t('cases.material')}
      </Title>
      {a.materialReceivedAt ? (
        <Stack gap={4} data-testid="material">
          <Group gap="xs">
            <Text size="sm">{t('cases.materialReceivedAt', { date: formatDateTime(a.materialReceivedAt) })}</Text>
            <Badge color={a.answeredOnTime ? 'green' : 'orange'} variant="light">
              {a.answeredOnTime ? t('cases.onTime') : t('cases.late')}
            </Badge>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {a.materialNote}
          </Text>
          <Links links={a.materialLinks} mediaIds={a.materialMediaIds} agencyId={a.agencyId} />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('cases.noMaterial')}
        </Text>
      )}
      <Title order={3} size="h5" mt="sm" mb={4}>
        {t('cases.responses')}
      </Title>
      {responses.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.noResponses')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="responses">
          {responses.map((r) => (
            <Paper key={r.id} p="xs" bg="var(--mantine-color-gray-light)" data-testid="response">
              <Group gap="xs">
                <Badge variant="light">{formLabel(t, r.form)}</Badge>
                <Text size="sm">{day(r.date)}</Text>
                {r.languages.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {r.languages.map((l) => languageName(t, l)).join(', ')}
                  </Text>
                )}
              </Group>
              {r.note && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.note}
                </Text>
              )}
              <Links links={r.links} mediaIds={r.mediaIds} agencyId={a.agencyId} />
            </Paper>
          ))}
        </Stack>
      )}
      {(c.allowed.extend && active) || mayAnswer ? (
        <Group gap="xs" mt="md">
          {c.allowed.extend && active && !a.materialReceivedAt && (
            <Button size="xs" variant="default" onClick={extend.toggle} aria-expanded={extendOpen}>
              {t('cases.extend')}
            </Button>
          )}
          {mayAnswer && !a.materialReceivedAt && (
            <Button size="xs" variant="light" onClick={material.toggle} aria-expanded={materialOpen}>
              {t('cases.recordMaterial')}
            </Button>
          )}
          {mayAnswer && (
            <Button size="xs" variant="light" onClick={response.toggle} aria-expanded={responseOpen}>
              {t('cases.recordResponse')}
            </Button>
          )}
        </Group>
      ) : null}
      <Collapse expanded={extendOpen}>{extendOpen && <ExtendForm c={c} a={a} onDone={extend.close} />}</Collapse>
      <Collapse expanded={materialOpen}>{materialOpen && <MaterialForm c={c} a={a} onDone={material.close} />}</Collapse>
      <Collapse expanded={responseOpen}>{responseOpen && <ResponseForm c={c} a={a} onDone={response.close} />}</Collapse>
    </Paper>
  );
}

/**
 * The links and library files of material or a response. A file is a link to its page in the
 * library, named by its title where the viewer reads that agency's library (the DIC, the agency
 * itself), else by its id as evidence is.
 */
function Links({ links, mediaIds, agencyId }: { links: string[]; mediaIds: string[]; agencyId: string }) {
  const { t, lang } = useI18n();
  const { seesAllAgencies, user } = useMe();
  const files = useMediaMany(seesAllAgencies || user.agencyId === agencyId ? mediaIds : []);
  if (!links.length && !mediaIds.length) return null;
  return (
    <List size="sm" spacing={2} center>
      {links.map((l) => (
        <List.Item key={l} icon={<IconLink size={16} aria-hidden />}>
          <Anchor href={l} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {l}
          </Anchor>
        </List.Item>
      ))}
      {mediaIds.map((m, i) => {
        const f = files[i]?.data;
        return (
          <List.Item key={m} icon={<IconPhoto size={16} aria-hidden />}>
            <Anchor component={Link} to={`/media/${m}`} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="case-file">
              {f ? mediaTitle(f, lang) : t('cases.mediaFile', { id: m.slice(0, 8) })}
            </Anchor>
          </List.Item>
        );
      })}
    </List>
  );
}

/** Files of the media library for material or a response: chosen in the picker, listed and removable until sent. */
function FileChooser({ files, onChange }: { files: Media[]; onChange: (files: Media[]) => void }) {
  const { t, lang } = useI18n();
  const remember = useRememberMedia();
  const [picking, picker] = useDisclosure(false);
  const labelId = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={labelId} data-testid="chosen-files">
      <div>
        <Input.Label component="div" id={labelId}>
          {t('cases.files')}
        </Input.Label>
        <Input.Description>{t('cases.filesHelp')}</Input.Description>
      </div>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.noFilesChosen')}
        </Text>
      ) : (
        <List size="sm" spacing={4} center>
          {files.map((f) => {
            const title = mediaTitle(f, lang);
            return (
              <List.Item
                key={f.id}
                icon={<IconPhoto size={16} aria-hidden />}
                data-testid="chosen-file"
                styles={{ itemWrapper: { width: '100%' }, itemLabel: { flex: 1, minWidth: 0 } }}
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                    {title}
                    {title !== f.fileName && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {f.fileName}
                      </Text>
                    )}
                  </Text>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={t('cases.removeFile', { name: title })}
                    onClick={() => onChange(files.filter((x) => x.id !== f.id))}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      <Group>
        <Button size="xs" variant="default" leftSection={<IconPhoto size={16} aria-hidden />} onClick={picker.open}>
          {t('cases.pickMedia')}
        </Button>
      </Group>
      <MediaPicker
        opened={picking}
        onClose={picker.close}
        title={t('cases.pickMedia')}
        exclude={files.map((f) => f.id)}
        onPick={(picked) => {
          // what the picker listed names the files once recorded, without asking again
          remember(picked);
          onChange([...files, ...picked.filter((m) => !files.some((x) => x.id === m.id))]);
        }}
      />
    </Stack>
  );
}

function ExtendForm({ c, a, onDone }: { c: Case; a: Assignment; onDone: () => void }) {
  const { t } = useI18n();
  const r = rules(t);
  const extend = useCaseMutation(caseRequests.extend, { success: t('cases.extended'), onSuccess: onDone });
  const state = useApiForm({
    initialValues: { dueDate: '', reason: '' },
    validate: {
      dueDate: (v) => (!v ? t('common.required') : !isDateValue(v) ? t('common.invalidDate') : v <= a.dueDate ? t('cases.extendLater') : null),
      reason: r.length(1, 2000),
    },
    fields: ['dueDate', 'reason'],
    submit: (v) => extend.mutateAsync({ id: c.id, agencyId: a.agencyId, dueDate: v.dueDate, reason: v.reason.trim() }),
  });
  const { form } = state;
  return (
    <ApiForm state={state} gap="xs" mt="sm" data-testid="extend-form" submitLabel={t('cases.extendSubmit')} onCancel={onDone} size="xs">
      <DateField label={t('cases.newDueDate')} required {...form.getInputProps('dueDate')} />
      <Textarea label={t('cases.reason')} required autosize minRows={2} maxLength={2000} {...form.getInputProps('reason')} />
    </ApiForm>
  );
}

function MaterialForm({ c, a, onDone }: { c: Case; a: Assignment; onDone: () => void }) {
  const { t } = useI18n();
  const r = rules(t);
  const record = useCaseMutation(caseRequests.recordMaterial, { success: t('cases.materialRecorded'), onSuccess: onDone });
  const state = useApiForm({
    initialValues: { note: '', links: '', files: [] as Media[] },
    validate: { note: r.length(1, 50_000), links: (v) => (linesOf(v).every((l) => URL_RE.test(l)) ? null : t('cases.linksHelp')) },
    fields: ['note', 'links'],
    submit: (v) => record.mutateAsync({ id: c.id, agencyId: a.agencyId, note: v.note.trim(), links: linesOf(v.links), mediaIds: v.files.map((f) => f.id) }),
  });
  const { form } = state;
  return (
    <ApiForm state={state} gap="xs" mt="sm" data-testid="material-form" submitLabel={t('cases.recordMaterialSubmit')} onCancel={onDone} size="xs">
      <Textarea label={t('cases.materialNote')} required autosize minRows={3} maxLength={50_000} {...form.getInputProps('note')} />
      <Textarea label={t('cases.links')} description={t('cases.linksHelp')} autosize minRows={2} {...form.getInputProps('links')} />
      <FileChooser files={form.values.files} onChange={(files) => form.setFieldValue('files', files)} />
    </ApiForm>
  );
}

function ResponseForm({ c, a, onDone }: { c: Case; a: Assignment; onDone: () => void }) {
  const { t } = useI18n();
  const r = rules(t);
  const languages = useContentLanguageOptions();
  const record = useCaseMutation(caseRequests.recordResponse, { success: t('cases.responseRecorded'), onSuccess: onDone });
  const state = useApiForm({
    initialValues: { form: 'press_release', date: hueToday(), links: '', files: [] as Media[], languages: [] as string[], note: '' },
    validate: {
      date: (v) => (!v ? t('common.required') : isDateValue(v) ? null : t('common.invalidDate')),
      links: (v) => (linesOf(v).every((l) => URL_RE.test(l)) ? null : t('cases.linksHelp')),
      note: r.maxLength(5000),
    },
    fields: ['form', 'date', 'links', 'languages', 'note'],
    submit: (v) =>
      record.mutateAsync({
        id: c.id,
        agencyId: a.agencyId,
        form: v.form as CaseResponse['form'],
        date: v.date,
        links: linesOf(v.links),
        mediaIds: v.files.map((f) => f.id),
        languages: v.form === 'agency_portal_post' ? v.languages : undefined,
        note: v.note.trim() || undefined,
      }),
  });
  const { form } = state;
  return (
    <ApiForm state={state} gap="xs" mt="sm" data-testid="response-form" submitLabel={t('cases.recordResponseSubmit')} onCancel={onDone} size="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('cases.responseForm')} data={formOptions(t)} allowDeselect={false} required {...form.getInputProps('form')} />
        <DateField label={t('cases.responseDate')} required {...form.getInputProps('date')} />
      </SimpleGrid>
      {form.values.form === 'agency_portal_post' && <MultiSelect label={t('cases.postLanguages')} data={languages} {...form.getInputProps('languages')} />}
      <Textarea label={t('cases.links')} description={t('cases.linksHelp')} autosize minRows={2} {...form.getInputProps('links')} />
      <FileChooser files={form.values.files} onChange={(files) => form.setFieldValue('files', files)} />
      <Textarea label={t('cases.note')} autosize minRows={2} maxLength={5000} {...form.getInputProps('note')} />
    </ApiForm>
  );
}
