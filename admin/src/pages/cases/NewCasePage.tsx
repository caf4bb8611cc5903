// Opening a case: title, the false information (text, first seen, reach), its first sighting
// (URL, platform, language), severity, rating, topics and languages. While the text and URL are
// typed, precedents are shown (past cases and published clarifications): the same false
// information seen again is added as a sighting to its case rather than opened twice.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { caseRequests, useCaseMutation, useOpenCase, usePrecedents, type CaseSummary, type OpenCaseBody } from '../../api/cases';
import { useTopics } from '../../api/topics';
import { ApiForm, useApiForm } from '../../components/ApiForm';
import { DateField, isDateValue } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { claimRatingOptions, hueLocalToIso, topicName, useContentLanguageOptions } from '../../lib/content';
import { rules } from '../../lib/forms';
import { CaseStatusBadge, SeverityBadge } from './CaseBadges';
import { severityOptions } from './types';

const FIELDS = [
  'title',
  'falseText',
  'firstSeenAt',
  'reach',
  'claimant',
  'rating',
  'severity',
  'topicIds',
  'languages',
  'sightings.0.url',
  'sightings.0.platform',
  'sightings.0.language',
];
const URL_RE = /^https?:\/\/\S+$/i;

export function NewCasePage() {
  const { t, lang } = useI18n();
  const r = rules(t);
  const navigate = useNavigate();
  const topics = useTopics();
  const languages = useContentLanguageOptions();
  const open = useOpenCase({
    success: (created) => t('cases.opened', { reference: created.reference }),
    onSuccess: (created) => navigate(`/cases/${created.id}`),
  });
  const state = useApiForm({
    initialValues: {
      title: '',
      falseText: '',
      firstSeenAt: '',
      reach: '' as number | string,
      claimant: '',
      rating: '',
      severity: 'medium',
      topicIds: [] as string[],
      languages: ['vi'] as string[],
      sightings: [{ url: '', platform: '', language: 'vi' }],
    },
    validate: {
      title: r.length(1, 300),
      falseText: r.length(1, 20_000),
      firstSeenAt: (v) => (isDateValue(v, true) ? null : t('common.invalidDateTime')),
      claimant: r.maxLength(500),
      sightings: { url: (v) => (v.trim() === '' || URL_RE.test(v.trim()) ? null : t('cases.urlHelp')), platform: r.maxLength(100) },
    },
    fields: FIELDS,
    submit: (v) => {
      const s = v.sightings[0]!;
      return open.mutateAsync({
        title: v.title.trim(),
        falseText: v.falseText.trim(),
        severity: v.severity as OpenCaseBody['severity'],
        topicIds: v.topicIds,
        languages: v.languages,
        claimant: v.claimant.trim() || undefined,
        rating: (v.rating || undefined) as OpenCaseBody['rating'],
        firstSeenAt: v.firstSeenAt ? hueLocalToIso(v.firstSeenAt) : undefined,
        reach: typeof v.reach === 'number' ? v.reach : undefined,
        sightings: s.url.trim() ? [{ url: s.url.trim(), platform: s.platform.trim() || undefined, language: s.language || undefined }] : undefined,
      });
    },
  });
  const { form } = state;
  const v = form.values;
  const url = v.sightings[0]?.url.trim() ?? '';
  const words = (v.title.trim() || v.falseText.trim().split(/\s+/).slice(0, 6).join(' ')).slice(0, 300);
  const [textQ] = useDebouncedValue(words.length >= 3 ? words : '', 400);
  const [urlQ] = useDebouncedValue(URL_RE.test(url) ? url : '', 400);
  // On a phone the precedents sit below the form: say there are some, near the top.
  const isPhone = useMediaQuery('(max-width: 75em)');
  const byUrl = usePrecedents(urlQ);
  const byText = usePrecedents(textQ);
  const found = new Set([...(byUrl.data?.cases ?? []), ...(byText.data?.cases ?? [])].map((c) => c.id)).size + (byText.data?.clarifications.length ?? 0);

  return (
    <>
      <PageHeader title={t('cases.new')} intro={t('cases.newIntro')} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ApiForm state={state}>
            <TextInput label={t('cases.caseTitle')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
            {isPhone && found > 0 && (
              <Alert variant="light" color="orange" icon={<IconInfoCircle aria-hidden />} role="status">
                <Anchor href="#precedents-title" size="sm">
                  {t('cases.precedentsFound', { n: found })}
                </Anchor>
              </Alert>
            )}
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('cases.falseInfo')}
                </Title>
                <Textarea
                  label={t('cases.falseText')}
                  description={t('cases.falseTextHelp')}
                  required
                  autosize
                  minRows={3}
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
                  />
                </SimpleGrid>
                <TextInput label={t('cases.claimant')} maxLength={500} {...form.getInputProps('claimant')} />
                <Select
                  label={t('cases.rating')}
                  data={claimRatingOptions(t)}
                  clearable
                  {...form.getInputProps('rating')}
                  value={v.rating || null}
                  onChange={(x) => form.setFieldValue('rating', x ?? '')}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('cases.firstSighting')}
                </Title>
                <TextInput
                  label={t('cases.url')}
                  description={t('cases.urlHelp')}
                  placeholder="https://"
                  type="url"
                  maxLength={2000}
                  {...form.getInputProps('sightings.0.url')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('cases.platform')}
                    placeholder="Facebook, TikTok, YouTube…"
                    maxLength={100}
                    {...form.getInputProps('sightings.0.platform')}
                  />
                  <Select label={t('cases.language')} data={languages} searchable clearable {...form.getInputProps('sightings.0.language')} />
                </SimpleGrid>
              </Stack>
            </Paper>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('cases.severityLabel')} data={severityOptions(t)} allowDeselect={false} {...form.getInputProps('severity')} />
              <MultiSelect
                label={t('cases.languages')}
                description={t('cases.languagesHelp')}
                data={languages}
                searchable
                {...form.getInputProps('languages')}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('cases.topics')}
              description={t('cases.topicsHelp')}
              data={(topics.data?.items ?? []).map((x) => ({ value: x.id, label: topicName(x, lang) }))}
              searchable
              maxValues={20}
              {...form.getInputProps('topicIds')}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/cases">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} data-testid="open-case">
                {t('cases.openSubmit')}
              </Button>
            </Group>
          </ApiForm>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Precedents textQ={textQ} urlQ={urlQ} sighting={{ url, platform: v.sightings[0]?.platform.trim() ?? '', language: v.sightings[0]?.language ?? '' }} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Past cases and clarifications like the one being typed; a case can take the URL as a new sighting. */
function Precedents({ textQ, urlQ, sighting }: { textQ: string; urlQ: string; sighting: { url: string; platform: string; language: string } }) {
  const { t, formatDate } = useI18n();
  const byUrl = usePrecedents(urlQ);
  const byText = usePrecedents(textQ);
  const seen = new Set<string>();
  const cases: Array<CaseSummary & { sameUrl: boolean }> = [];
  for (const [list, sameUrl] of [
    [byUrl.data?.cases ?? [], true],
    [byText.data?.cases ?? [], false],
  ] as const) {
    for (const c of list) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      cases.push({ ...c, sameUrl });
    }
  }
  const clarifications = byText.data?.clarifications ?? [];
  const busy = (urlQ && byUrl.isFetching) || (textQ && byText.isFetching);
  return (
    <Paper withBorder p="md" style={{ position: 'sticky', top: 72 }} aria-labelledby="precedents-title" component="section" data-testid="precedents">
      <Stack gap="sm">
        <Title order={2} size="h4" id="precedents-title">
          {t('cases.precedents')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cases.precedentsHelp')}
        </Text>
        <ErrorAlert error={byUrl.error ?? byText.error} />
        {!textQ && !urlQ ? null : cases.length === 0 && clarifications.length === 0 ? (
          <Text size="sm" role="status">
            {busy ? t('app.loading') : t('cases.noPrecedents')}
          </Text>
        ) : (
          <Stack gap="sm" role="status">
            {cases.map((c) => (
              <Paper key={c.id} withBorder p="sm" data-testid="precedent-case">
                <Text size="xs" c="dimmed" ff="monospace">
                  {c.reference}
                </Text>
                <Anchor component={Link} to={`/cases/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {c.title}
                </Anchor>
                <Group gap={6} mt={4}>
                  <CaseStatusBadge status={c.status} />
                  <SeverityBadge severity={c.severity} />
                  {c.sameUrl && (
                    <Badge color="red" variant="light">
                      {t('cases.sameUrl')}
                    </Badge>
                  )}
                </Group>
                {sighting.url && URL_RE.test(sighting.url) && !c.sameUrl && <AddSighting caseId={c.id} sighting={sighting} />}
              </Paper>
            ))}
            {clarifications.map((x) => (
              <Paper key={x.versionId} withBorder p="sm" data-testid="precedent-clarification">
                <Badge variant="light" color="green" mb={4}>
                  {t('cases.publishedClarification')}
                </Badge>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {x.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {x.language.toUpperCase()} · {formatDate(x.publishedAt)}
                </Text>
                {x.summary && (
                  <Text size="sm" lineClamp={3}>
                    {x.summary}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        {!sighting.url && (textQ || urlQ) && cases.length > 0 && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
            {t('cases.addSightingHint')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function AddSighting({ caseId, sighting }: { caseId: string; sighting: { url: string; platform: string; language: string } }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const add = useCaseMutation(caseRequests.addSighting, { success: t('cases.sightingAdded'), onSuccess: () => navigate(`/cases/${caseId}`) });
  return (
    <Stack gap={4} mt="xs">
      <Button
        size="compact-sm"
        variant="light"
        loading={add.isPending}
        data-testid="add-as-sighting"
        onClick={() => add.mutate({ id: caseId, url: sighting.url, platform: sighting.platform || undefined, language: sighting.language || undefined })}
      >
        {t('cases.addAsSighting')}
      </Button>
      <ErrorAlert error={add.error} />
    </Stack>
  );
}
