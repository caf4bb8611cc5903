// The case's actions for the reader, from `allowed` (the server checks again): notify agencies
// (the due date it will compute shown), status transitions (a reason where one is required), and
// the bilingual clarification item, then a link to it in the content editor.
import { Anchor, Badge, Button, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconBell, IconFilePlus, IconPlayerPlay, IconExternalLink } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { caseRequests, useCaseMutation, type Case } from '../../api/cases';
import type { CaseTransition } from '../../api/enums';
import { useMeta } from '../../api/meta';
import { useTopics } from '../../api/topics';
import { ApiForm, useApiForm } from '../../components/ApiForm';
import { VersionBadges } from '../../components/ContentBadges';
import { useI18n, type MessageKey } from '../../i18n';
import { claimRatingOptions, languageName, licenceOptions, topicName } from '../../lib/content';
import { rules } from '../../lib/forms';
import { addDays, hueToday, REASON_TRANSITIONS, useAgencyNames } from './types';

export function CaseActions({ c }: { c: Case }) {
  const { t } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [open, setOpen] = useState<null | 'notify' | 'clarification' | CaseTransition>(null);
  const close = () => setOpen(null);
  const online = c.clarification?.versions.some((v) => v.online) ?? false;
  // mark-published needs a language version online: offered only then.
  const transitions = c.allowed.transitions.filter((n) => n !== 'mark-published' || online);
  const any = c.allowed.notify || c.allowed.createClarification || transitions.length > 0 || c.clarification;
  if (!any) return null;
  return (
    <Stack gap="sm" mb="md">
      <Group gap="xs" data-testid="case-actions">
        {c.allowed.notify && (
          <Button leftSection={<IconBell size={16} aria-hidden />} onClick={() => setOpen('notify')}>
            {t('cases.notify')}
          </Button>
        )}
        {c.allowed.createClarification && !c.clarification && (
          <Button variant="light" leftSection={<IconFilePlus size={16} aria-hidden />} onClick={() => setOpen('clarification')}>
            {t('cases.createClarification')}
          </Button>
        )}
        {transitions.map((n) => (
          <Button
            key={n}
            variant={n === 'close-without-publication' ? 'outline' : 'default'}
            color={n === 'close-without-publication' ? 'red' : undefined}
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => setOpen(n)}
          >
            {t(`cases.transition.${n}` as MessageKey)}
          </Button>
        ))}
      </Group>
      {c.clarification && <ClarificationBox c={c} />}
      <Modal
        opened={open === 'notify'}
        onClose={close}
        title={t('cases.notify')}
        size="lg"
        fullScreen={isPhone}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
      >
        {open === 'notify' && <NotifyForm c={c} onDone={close} />}
      </Modal>
      <Modal
        opened={open === 'clarification'}
        onClose={close}
        title={t('cases.createClarification')}
        size="xl"
        fullScreen={isPhone}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
      >
        {open === 'clarification' && <ClarificationForm c={c} onDone={close} />}
      </Modal>
      {transitions.map((n) => (
        <Modal
          key={n}
          opened={open === n}
          onClose={close}
          title={t(`cases.transition.${n}` as MessageKey)}
          closeButtonProps={{ 'aria-label': t('common.close') }}
          centered
        >
          {open === n && <TransitionForm c={c} name={n} onDone={close} />}
        </Modal>
      ))}
    </Stack>
  );
}

function ClarificationBox({ c }: { c: Case }) {
  const { t, formatDateTime } = useI18n();
  const x = c.clarification!;
  return (
    <Paper withBorder p="sm" data-testid="case-clarification">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('cases.clarificationItem')}
        </Text>
        <Anchor component={Link} to={`/items/${x.versionId}`} size="sm" data-testid="clarification-link">
          <Group gap={4} component="span">
            {t('cases.openInEditor')}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
        {x.versions.map((v) => (
          <Group key={v.versionId} gap={4}>
            <Anchor component={Link} to={`/items/${v.versionId}`} size="sm">
              {languageName(t, v.language)}
            </Anchor>
            <VersionBadges state={v.state} online={v.online} />
          </Group>
        ))}
        {x.publishedAt && (
          <Badge color="green" variant="light">
            {t('cases.publishedAt', { date: formatDateTime(x.publishedAt) })}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

function NotifyForm({ c, onDone }: { c: Case; onDone: () => void }) {
  const { t, formatDate } = useI18n();
  const r = rules(t);
  const agencies = useAgencyNames();
  const notify = useCaseMutation(caseRequests.notify, { success: t('cases.notified'), onSuccess: onDone });
  const notified = new Set(c.assignments.map((a) => a.agencyId));
  const state = useApiForm({
    initialValues: { agencyIds: [] as string[], message: t('cases.notifyDefaultMessage') },
    validate: { agencyIds: (v) => (v.length ? null : t('cases.pickAgency')), message: r.maxLength(5000) },
    fields: ['agencyIds', 'message'],
    submit: (v) => notify.mutateAsync({ id: c.id, agencyIds: v.agencyIds, message: v.message.trim() || undefined }),
  });
  const { form } = state;
  // CASE_RESPONSE_DAYS of the server (Art. 4.5: 7 by default)
  const days = useMeta().data?.caseResponseDays ?? 7;
  const due = addDays(hueToday(), days);
  return (
    <ApiForm state={state} submitLabel={t('cases.notifySubmit')} onCancel={onDone}>
      <MultiSelect
        label={t('cases.agenciesToNotify')}
        data={agencies.answering.filter((a) => !notified.has(a.id)).map((a) => ({ value: a.id, label: agencies.name(a.id) }))}
        searchable
        required
        data-autofocus
        {...form.getInputProps('agencyIds')}
      />
      <Textarea label={t('cases.message')} autosize minRows={3} maxLength={5000} {...form.getInputProps('message')} />
      <Paper withBorder p="sm" bg="var(--mantine-color-blue-light)">
        <Text size="sm" data-testid="notify-due">
          {t('cases.notifyDue', { date: formatDate(`${due}T12:00:00+07:00`), days })}
        </Text>
      </Paper>
    </ApiForm>
  );
}

function TransitionForm({ c, name, onDone }: { c: Case; name: CaseTransition; onDone: () => void }) {
  const { t } = useI18n();
  const r = rules(t);
  const needsReason = REASON_TRANSITIONS.includes(name);
  const take = useCaseMutation(caseRequests.transition, { success: t('cases.transitioned'), onSuccess: onDone });
  const state = useApiForm({
    initialValues: { reason: '' },
    validate: { reason: needsReason ? r.length(1, 2000) : r.maxLength(2000) },
    fields: ['reason'],
    submit: (v) => take.mutateAsync({ id: c.id, name, reason: v.reason.trim() || undefined, version: c.version }),
  });
  const { form } = state;
  return (
    <ApiForm
      state={state}
      intro={<Text size="sm">{t(`cases.transitionHelp.${name}` as MessageKey)}</Text>}
      submitLabel={t('common.confirm')}
      onCancel={onDone}
      color={name === 'close-without-publication' ? 'red' : undefined}
      submitTestId="confirm-transition"
    >
      {needsReason && <Textarea label={t('cases.reason')} required autosize minRows={3} maxLength={2000} data-autofocus {...form.getInputProps('reason')} />}
    </ApiForm>
  );
}

const CLAR_FIELDS = [
  'agencyId',
  'rating',
  'metadata.topicIds',
  'metadata.authors',
  'metadata.tags',
  'metadata.place',
  'metadata.copyrightHolder',
  'metadata.licence',
  'texts.vi.title',
  'texts.vi.summary',
  'texts.vi.body',
  'texts.en.title',
  'texts.en.summary',
  'texts.en.body',
  'statement.en',
];

/** Plain paragraphs typed in a text box, as the rich text the item body is. */
const toHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`)
    .join('');

function ClarificationForm({ c, onDone }: { c: Case; onDone: () => void }) {
  const { t, lang } = useI18n();
  const topics = useTopics();
  const r = rules(t);
  const agencies = useAgencyNames();
  const create = useCaseMutation(caseRequests.createClarification, { success: t('cases.clarificationCreated'), onSuccess: onDone });
  // The DIC may write it in a notified agency's name; an agency writes its own.
  const candidates = [...new Set([...c.allowed.answerFor, ...c.assignments.map((a) => a.agencyId)])];
  const state = useApiForm({
    initialValues: {
      agencyId: '',
      rating: c.rating ?? 'false',
      texts: { vi: { title: '', summary: '', body: c.dossier.facts ?? '' }, en: { title: '', summary: '', body: '' } },
      statement: { en: '' },
      metadata: { topicIds: c.topicIds, authors: [] as string[], tags: [] as string[], place: '', copyrightHolder: '', licence: 'CC-BY-4.0' },
    },
    validate: {
      texts: {
        vi: { title: r.length(1, 500), summary: r.length(1, 3000), body: r.length(1, 500_000) },
        en: { title: r.length(1, 500), summary: r.length(1, 3000), body: r.length(1, 500_000) },
      },
      statement: { en: r.length(1, 5000) },
      metadata: { topicIds: (v: string[]) => (v.length ? null : t('cases.topicRequired')) },
    },
    fields: CLAR_FIELDS,
    submit: (v) => {
      const text = (l: 'vi' | 'en') => ({ title: v.texts[l].title.trim(), summary: v.texts[l].summary.trim(), body: toHtml(v.texts[l].body) });
      return create.mutateAsync({
        id: c.id,
        agencyId: v.agencyId || undefined,
        rating: v.rating as NonNullable<Case['rating']>,
        texts: { vi: text('vi'), en: text('en') },
        statement: { en: v.statement.en.trim() },
        metadata: {
          topicIds: v.metadata.topicIds,
          authors: v.metadata.authors,
          tags: v.metadata.tags,
          place: v.metadata.place.trim() || undefined,
          copyrightHolder: v.metadata.copyrightHolder.trim() || undefined,
          licence: (v.metadata.licence || undefined) as 'CC-BY-4.0' | undefined,
        },
      });
    },
  });
  const { form } = state;
  return (
    <ApiForm
      state={state}
      intro={<Text size="sm">{t('cases.clarificationHelp')}</Text>}
      submitLabel={t('common.create')}
      onCancel={onDone}
      submitTestId="create-clarification"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {candidates.length > 0 && (
          <Select
            label={t('cases.clarificationAgency')}
            description={t('cases.clarificationAgencyHelp')}
            data={candidates.map((id) => ({ value: id, label: agencies.name(id) }))}
            clearable
            {...form.getInputProps('agencyId')}
          />
        )}
        <Select label={t('cases.rating')} data={claimRatingOptions(t)} allowDeselect={false} required {...form.getInputProps('rating')} />
      </SimpleGrid>
      <MultiSelect
        label={t('cases.topics')}
        description={t('cases.clarificationTopicsHelp')}
        data={(topics.data?.items ?? []).map((x) => ({ value: x.id, label: topicName(x, lang) }))}
        searchable
        required
        maxValues={20}
        {...form.getInputProps('metadata.topicIds')}
      />
      <Textarea
        label={t('cases.statementEn')}
        description={t('cases.statementEnHelp')}
        required
        autosize
        minRows={2}
        maxLength={5000}
        {...form.getInputProps('statement.en')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TagsInput label={t('cases.metaAuthors')} description={t('cases.tagsHelp')} maxTags={20} {...form.getInputProps('metadata.authors')} />
        <TagsInput label={t('cases.metaTags')} description={t('cases.tagsHelp')} maxTags={30} {...form.getInputProps('metadata.tags')} />
        <TextInput label={t('cases.metaPlace')} maxLength={300} {...form.getInputProps('metadata.place')} />
        <TextInput label={t('cases.metaCopyright')} maxLength={300} {...form.getInputProps('metadata.copyrightHolder')} />
        <Select label={t('cases.metaLicence')} data={licenceOptions(t)} allowDeselect={false} {...form.getInputProps('metadata.licence')} />
      </SimpleGrid>
      {(['vi', 'en'] as const).map((l) => (
        <Paper key={l} withBorder p="sm">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {languageName(t, l)}
            </Title>
            <TextInput label={t('cases.itemTitle')} required maxLength={500} {...form.getInputProps(`texts.${l}.title`)} />
            <Textarea label={t('cases.itemSummary')} required autosize minRows={2} maxLength={3000} {...form.getInputProps(`texts.${l}.summary`)} />
            <Textarea
              label={t('cases.itemBody')}
              description={t('cases.itemBodyHelp')}
              required
              autosize
              minRows={4}
              {...form.getInputProps(`texts.${l}.body`)}
            />
          </Stack>
        </Paper>
      ))}
    </ApiForm>
  );
}
