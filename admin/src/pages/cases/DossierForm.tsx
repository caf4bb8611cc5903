// The case's facts (title, the false information, first seen, reach, claimant), its classification,
// and the dossier of Art. 4.3 as a structured form: (a) the situation since the false information
// appeared, with its dated updates, (b) impact, (c) the true nature of the facts, (d) legal grounds
// and precedents, (đ) proposed press messaging. Saved with the case's version: another save in
// between is a 409 said plainly, with the choice to reload.
import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { caseRequests, useCaseMutation, useReloadCase, type Case } from '../../api/cases';
import { ApiError } from '../../api/client';
import { useTopics } from '../../api/topics';
import { ApiForm, useApiForm } from '../../components/ApiForm';
import { DateField, isDateValue } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { claimRatingOptions, hueLocalToIso, isoToHueLocal, topicName, useContentLanguageOptions } from '../../lib/content';
import { rules } from '../../lib/forms';
import { severityOptions } from './types';

const SECTIONS = ['situation', 'impact', 'facts', 'legalGrounds', 'messaging'] as const;
const FIELDS = [
  'title',
  'falseText',
  'firstSeenAt',
  'reach',
  'claimant',
  ...SECTIONS.map((s) => `dossier.${s}`),
  'severity',
  'rating',
  'topicIds',
  'languages',
];

export function DossierForm({ c }: { c: Case }) {
  const { t, lang } = useI18n();
  const r = rules(t);
  const reload = useReloadCase();
  const topics = useTopics();
  const languages = useContentLanguageOptions(c.languages);
  const [stale, setStale] = useState(false);
  const valuesOf = (x: Case) => ({
    title: x.title,
    falseText: x.falseText,
    firstSeenAt: isoToHueLocal(x.firstSeenAt),
    reach: (x.reach ?? '') as number | string,
    claimant: x.claimant ?? '',
    severity: x.severity as string,
    rating: (x.rating ?? '') as string,
    topicIds: x.topicIds,
    languages: x.languages,
    dossier: Object.fromEntries(SECTIONS.map((s) => [s, x.dossier[s] ?? ''])) as Record<(typeof SECTIONS)[number], string>,
  });
  const update = useCaseMutation(caseRequests.update, { success: t('common.saved') });
  const {
    form,
    error,
    onSubmit: save,
  } = useApiForm({
    initialValues: valuesOf(c),
    fields: FIELDS,
    // another save in between: said plainly, with the choice to reload
    onRefusal: (e) => {
      if (!(e instanceof ApiError && e.code === 'stale_revision')) return false;
      setStale(true);
      return true;
    },
    submit: async (v, form) => {
      setStale(false);
      const saved = await update.mutateAsync({
        id: c.id,
        version: c.version,
        // only what changed: a field nobody touched is not rewritten (nor listed in the timeline)
        ...(form.isDirty('title') ? { title: v.title.trim() } : {}),
        ...(form.isDirty('falseText') ? { falseText: v.falseText.trim() } : {}),
        ...(form.isDirty('firstSeenAt') ? { firstSeenAt: v.firstSeenAt ? hueLocalToIso(v.firstSeenAt) : null } : {}),
        ...(form.isDirty('reach') ? { reach: typeof v.reach === 'number' ? v.reach : null } : {}),
        ...(form.isDirty('claimant') ? { claimant: v.claimant.trim() } : {}),
        dossier: v.dossier,
        severity: v.severity as Case['severity'],
        rating: (v.rating || null) as Case['rating'],
        topicIds: v.topicIds,
        languages: v.languages,
      });
      form.setValues(valuesOf(saved));
      form.resetDirty(valuesOf(saved));
    },
    validate: {
      title: r.length(1, 300),
      falseText: r.length(1, 20_000),
      firstSeenAt: (v) => (isDateValue(v, true) ? null : t('common.invalidDateTime')),
      claimant: r.maxLength(500),
      dossier: Object.fromEntries(SECTIONS.map((s) => [s, r.maxLength(20_000)])),
    },
  });
  const situationUpdates = c.timeline.filter((e) => e.kind === 'situation').sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return (
    <Stack>
      <div>
        <Stack>
          {stale && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('cases.staleTitle')}
              role="alert"
              data-testid="dossier-stale"
            >
              <Text size="sm">{t('cases.staleText')}</Text>
              <Button
                mt="xs"
                size="compact-sm"
                variant="light"
                onClick={async () => {
                  const fresh = await reload(c.id);
                  form.setValues(valuesOf(fresh));
                  form.resetDirty(valuesOf(fresh));
                  setStale(false);
                }}
              >
                {t('cases.reloadDossier')}
              </Button>
            </Alert>
          )}
          <ErrorAlert error={error} fields={FIELDS} />
          {c.allowed.edit && (
            <Paper withBorder p="md" component="section" aria-labelledby="case-facts-title">
              <Title order={2} size="h5" id="case-facts-title" mb="xs">
                {t('cases.facts')}
              </Title>
              <Stack gap="sm">
                <TextInput label={t('cases.caseTitle')} required maxLength={300} {...form.getInputProps('title')} data-testid="edit-title" />
                <Textarea
                  label={t('cases.falseText')}
                  description={t('cases.falseTextHelp')}
                  required
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={20_000}
                  {...form.getInputProps('falseText')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <DateField label={t('cases.firstSeen')} withTime {...form.getInputProps('firstSeenAt')} />
                  <NumberInput
                    label={t('cases.reach')}
                    description={t('cases.reachHelp')}
                    min={0}
                    allowDecimal={false}
                    thousandSeparator={lang === 'vi' ? '.' : ','}
                    decimalSeparator={lang === 'vi' ? ',' : '.'}
                    {...form.getInputProps('reach')}
                    data-testid="edit-reach"
                  />
                </SimpleGrid>
                <TextInput label={t('cases.claimant')} maxLength={500} {...form.getInputProps('claimant')} />
              </Stack>
            </Paper>
          )}
          {c.allowed.edit && (
            <Paper withBorder p="md" component="section" aria-labelledby="dossier-class">
              <Title order={2} size="h5" id="dossier-class" mb="xs">
                {t('cases.classification')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('cases.severityLabel')} data={severityOptions(t)} allowDeselect={false} {...form.getInputProps('severity')} />
                <Select
                  label={t('cases.rating')}
                  data={claimRatingOptions(t)}
                  clearable
                  {...form.getInputProps('rating')}
                  value={form.values.rating || null}
                  onChange={(x) => form.setFieldValue('rating', x ?? '')}
                />
                <MultiSelect
                  label={t('cases.topics')}
                  description={t('cases.topicsHelp')}
                  data={(topics.data?.items ?? []).map((x) => ({ value: x.id, label: topicName(x, lang) }))}
                  searchable
                  maxValues={20}
                  {...form.getInputProps('topicIds')}
                />
                <MultiSelect label={t('cases.languages')} data={languages} searchable {...form.getInputProps('languages')} />
              </SimpleGrid>
            </Paper>
          )}
          {SECTIONS.map((s) => (
            <Paper key={s} withBorder p="md" component="section" aria-labelledby={`dossier-${s}`}>
              <Title order={2} size="h5" id={`dossier-${s}`} mb={4}>
                {t(`cases.dossier.${s}` as MessageKey)}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t(`cases.dossier.${s}.help` as MessageKey)}
              </Text>
              {c.allowed.edit ? (
                <Textarea
                  aria-labelledby={`dossier-${s}`}
                  autosize
                  minRows={3}
                  maxRows={20}
                  maxLength={20_000}
                  {...form.getInputProps(`dossier.${s}`)}
                  data-testid={`dossier-${s}`}
                />
              ) : (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {c.dossier[s] || t('cases.notWritten')}
                </Text>
              )}
              {s === 'situation' && (
                <Stack gap={4} mt="md">
                  <Title order={3} size="h6">
                    {t('cases.dossier.updates')}
                  </Title>
                  {situationUpdates.length > 0 ? <SituationList updates={situationUpdates} /> : <Text size="sm">{t('cases.noUpdates')}</Text>}
                  {c.allowed.contribute && <SituationForm c={c} />}
                </Stack>
              )}
            </Paper>
          ))}
          {c.allowed.edit && (
            <Group justify="flex-end">
              {form.isDirty() && (
                <Text size="sm" c="dimmed">
                  {t('cases.unsaved')}
                </Text>
              )}
              <Button onClick={() => save()} loading={form.submitting} disabled={!form.isDirty()} data-testid="save-dossier">
                {t('cases.saveDossier')}
              </Button>
            </Group>
          )}
        </Stack>
      </div>
    </Stack>
  );
}

function SituationList({ updates }: { updates: Case['timeline'] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap={6} mb="sm" data-testid="situation-updates">
      {updates.map((e) => (
        <Paper key={e.id} p="xs" bg="var(--mantine-color-gray-light)">
          <Text size="xs" c="dimmed">
            {formatDateTime(e.occurredAt)} · {e.actorLabel}
            {e.occurredAt !== e.at ? ` · ${t('cases.recordedAt', { date: formatDateTime(e.at) })}` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {e.text}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** A dated update of the situation (a), possibly back-dated; it goes to the timeline. */
function SituationForm({ c }: { c: Case }) {
  const { t } = useI18n();
  const r = rules(t);
  const add = useCaseMutation(caseRequests.addSituationUpdate, { success: t('cases.updateAdded') });
  const state = useApiForm({
    initialValues: { text: '', occurredAt: '' },
    validate: { text: r.length(1, 20_000), occurredAt: (v) => (isDateValue(v, true) ? null : t('common.invalidDateTime')) },
    fields: ['text', 'occurredAt'],
    submit: async (v, form) => {
      await add.mutateAsync({ id: c.id, text: v.text.trim(), occurredAt: v.occurredAt ? (hueLocalToIso(v.occurredAt) ?? undefined) : undefined });
      form.reset();
    },
  });
  const { form } = state;
  return (
    <ApiForm state={state} gap="xs" mt="sm">
      <Textarea label={t('cases.newUpdate')} autosize minRows={2} maxLength={20_000} {...form.getInputProps('text')} />
      <Group align="flex-end" gap="sm">
        <DateField label={t('cases.occurredAt')} withTime {...form.getInputProps('occurredAt')} style={{ flex: '1 1 12rem' }} />
        <Button type="submit" variant="light" loading={form.submitting}>
          {t('cases.addUpdate')}
        </Button>
      </Group>
    </ApiForm>
  );
}
