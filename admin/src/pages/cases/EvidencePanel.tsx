// Where the false information appeared (sightings: URL, platform, language, when, reach) and the
// evidence kept with the case (a file of the media library, or a link), with forms to add both.
import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLink, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { caseRequests, useCaseMutation, type Case } from '../../api/cases';
import { useMe } from '../../auth/session';
import { ApiForm, useApiForm } from '../../components/ApiForm';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField, isDateValue } from '../../components/DateInput';
import { useI18n } from '../../i18n';
import { hueLocalToIso, languageName, useContentLanguageOptions } from '../../lib/content';
import { rules } from '../../lib/forms';
import type { Media } from '../../api/media';
import { MediaPicker } from '../media/MediaPicker';

const URL_RE = /^https?:\/\/\S+$/i;

export function EvidencePanel({ c }: { c: Case }) {
  const { t, formatDateTime, lang } = useI18n();
  const { seesAllAgencies, user } = useMe();
  const removeAttachment = useCaseMutation(caseRequests.removeAttachment);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="sightings-title">
        <Title order={2} size="h4" id="sightings-title" mb="xs">
          {t('cases.sightings')} ({c.sightings.length})
        </Title>
        {c.sightings.length === 0 ? (
          <Text size="sm">{t('cases.noSightings')}</Text>
        ) : (
          <Stack gap="xs" data-testid="sightings">
            {c.sightings.map((s) => (
              <Paper key={s.id} p="xs" bg="var(--mantine-color-gray-light)" data-testid="sighting">
                <Anchor href={s.url} target="_blank" rel="nofollow noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {s.url}
                </Anchor>
                <Group gap={6} mt={2}>
                  {s.platform && <Badge variant="light">{s.platform}</Badge>}
                  {s.language && <Badge variant="outline">{languageName(t, s.language)}</Badge>}
                  <Text size="xs" c="dimmed">
                    {s.seenAt ? t('cases.seenAt', { date: formatDateTime(s.seenAt) }) : t('cases.addedAt', { date: formatDateTime(s.createdAt) })}
                    {s.reach !== null ? ` · ${t('cases.reachN', { n: s.reach.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}` : ''} · {s.addedBy}
                  </Text>
                </Group>
                {s.note && <Text size="sm">{s.note}</Text>}
              </Paper>
            ))}
          </Stack>
        )}
        {c.allowed.contribute && <SightingForm c={c} />}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="evidence-title">
        <Title order={2} size="h4" id="evidence-title" mb="xs">
          {t('cases.evidence')} ({c.attachments.length})
        </Title>
        {c.attachments.length === 0 ? (
          <Text size="sm">{t('cases.noEvidence')}</Text>
        ) : (
          <Stack gap="xs" data-testid="attachments">
            {c.attachments.map((x) => (
              <Group
                key={x.id}
                justify="space-between"
                wrap="nowrap"
                align="flex-start"
                p="xs"
                bg="var(--mantine-color-gray-light)"
                style={{ borderRadius: 4 }}
                data-testid="attachment"
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap">
                    {x.mediaId ? <IconPhoto size={16} aria-hidden /> : <IconLink size={16} aria-hidden />}
                    {x.mediaId ? (
                      <Anchor component={Link} to={`/media/${x.mediaId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {x.label || t('cases.mediaFile', { id: x.mediaId.slice(0, 8) })}
                      </Anchor>
                    ) : (
                      <Anchor href={x.url ?? '#'} target="_blank" rel="nofollow noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {x.label || x.url}
                      </Anchor>
                    )}
                  </Group>
                  {x.note && <Text size="sm">{x.note}</Text>}
                  <Text size="xs" c="dimmed">
                    {x.addedBy} · {formatDateTime(x.createdAt)}
                  </Text>
                </Stack>
                {c.allowed.contribute && (seesAllAgencies || x.addedByAgencyId === user.agencyId) && (
                  <ConfirmButton
                    size="compact-sm"
                    variant="subtle"
                    danger
                    aria-label={t('cases.removeEvidence')}
                    message={t('cases.removeEvidenceConfirm', { label: x.label || x.url || x.mediaId || '' })}
                    onConfirm={() => removeAttachment.mutateAsync({ id: c.id, attachmentId: x.id })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ConfirmButton>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {c.allowed.contribute && <EvidenceForm c={c} />}
      </Paper>
    </Stack>
  );
}

function SightingForm({ c }: { c: Case }) {
  const { t } = useI18n();
  const r = rules(t);
  const languages = useContentLanguageOptions();
  const add = useCaseMutation(caseRequests.addSighting, { success: t('cases.sightingAdded') });
  const state = useApiForm({
    initialValues: { url: '', platform: '', language: '', seenAt: '', reach: '' as number | string, note: '' },
    validate: {
      url: (v) => (URL_RE.test(v.trim()) ? null : t('cases.urlHelp')),
      platform: r.maxLength(100),
      seenAt: (v) => (isDateValue(v, true) ? null : t('common.invalidDateTime')),
      note: r.maxLength(2000),
    },
    fields: ['url', 'platform', 'language', 'seenAt', 'reach', 'note'],
    submit: async (v, form) => {
      await add.mutateAsync({
        id: c.id,
        url: v.url.trim(),
        platform: v.platform.trim() || undefined,
        language: v.language || undefined,
        seenAt: v.seenAt ? (hueLocalToIso(v.seenAt) ?? undefined) : undefined,
        reach: typeof v.reach === 'number' ? v.reach : undefined,
        note: v.note.trim() || undefined,
      });
      form.reset();
    },
  });
  const { form } = state;
  return (
    <ApiForm
      state={state}
      gap="xs"
      mt="md"
      intro={
        <Title order={3} size="h5">
          {t('cases.addSighting')}
        </Title>
      }
    >
      <TextInput label={t('cases.url')} placeholder="https://" type="url" required maxLength={2000} {...form.getInputProps('url')} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput label={t('cases.platform')} maxLength={100} {...form.getInputProps('platform')} />
        <Select label={t('cases.language')} data={languages} clearable {...form.getInputProps('language')} />
        <DateField label={t('cases.seenAtLabel')} withTime {...form.getInputProps('seenAt')} />
        <NumberInput label={t('cases.reach')} min={0} allowDecimal={false} {...form.getInputProps('reach')} />
      </SimpleGrid>
      <TextInput label={t('cases.note')} maxLength={2000} {...form.getInputProps('note')} />
      <Group justify="flex-end">
        <Button type="submit" variant="light" size="sm" loading={form.submitting}>
          {t('cases.addSighting')}
        </Button>
      </Group>
    </ApiForm>
  );
}

function EvidenceForm({ c }: { c: Case }) {
  const { t } = useI18n();
  const r = rules(t);
  const [picking, setPicking] = useState(false);
  const add = useCaseMutation(caseRequests.addAttachment, { success: t('cases.evidenceAdded') });
  const state = useApiForm({
    initialValues: { url: '', label: '', note: '' },
    validate: { url: (v) => (URL_RE.test(v.trim()) ? null : t('cases.urlHelp')), label: r.maxLength(300), note: r.maxLength(2000) },
    fields: ['url', 'label', 'note'],
    submit: async (v, form) => {
      await add.mutateAsync({ id: c.id, url: v.url.trim(), label: v.label.trim() || undefined, note: v.note.trim() || undefined });
      form.reset();
    },
  });
  const { form, setError } = state;
  // Files picked in the library are added one by one; the case is refreshed and the person told once.
  const addFiles = useCaseMutation(
    async (files: Media[]) => {
      let latest: Case | null = null;
      for (const f of files) latest = await caseRequests.addAttachment({ id: c.id, mediaId: f.id });
      return latest ?? c;
    },
    { success: t('cases.evidenceAdded') },
  );
  const used = c.attachments.map((x) => x.mediaId).filter((x): x is string => !!x);
  return (
    <>
      <ApiForm
        state={state}
        gap="xs"
        mt="md"
        intro={
          <Title order={3} size="h5">
            {t('cases.addEvidence')}
          </Title>
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('cases.evidenceUrl')} placeholder="https://" type="url" required maxLength={2000} {...form.getInputProps('url')} />
          <TextInput label={t('cases.evidenceLabel')} maxLength={300} {...form.getInputProps('label')} />
        </SimpleGrid>
        <TextInput label={t('cases.note')} maxLength={2000} {...form.getInputProps('note')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" leftSection={<IconPhoto size={16} aria-hidden />} onClick={() => setPicking(true)}>
            {t('cases.pickMedia')}
          </Button>
          <Button type="submit" variant="light" size="sm" loading={form.submitting}>
            {t('cases.addLink')}
          </Button>
        </Group>
      </ApiForm>
      <MediaPicker
        opened={picking}
        onClose={() => setPicking(false)}
        title={t('cases.pickMedia')}
        exclude={used}
        onPick={(files) => {
          setPicking(false);
          setError(null);
          addFiles.mutateAsync(files).catch(setError);
        }}
      />
    </>
  );
}
