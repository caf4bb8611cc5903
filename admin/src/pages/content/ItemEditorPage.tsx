// The item editor: a new item (kind, agency, source language, text and metadata) or one language
// version — its text, the item's metadata on the source language, the other language versions,
// a translation next to its source, the workflow buttons and the appraisal decisions.
import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  CopyButton,
  Grid,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconDeviceFloppy, IconGavel, IconHistory, IconLanguage, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAgencies } from '../../api/agencies';
import { ApiError } from '../../api/client';
import { itemRequests, useHistory, useItemMutation, useVersion, type CreateItemBody, type WorkingVersion } from '../../api/content';
import { useMeta } from '../../api/meta';
import { useMe } from '../../auth/session';
import { StateBadge, VersionBadges } from '../../components/ContentBadges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { useContentLanguageOptions, kindLabel, kindOptions, languageName, revisionNote, stateLabel } from '../../lib/content';
import { rules, setServerErrors } from '../../lib/forms';
import { agencyName } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { NotFoundPage } from '../NotFoundPage';
import { AppraisalList } from './AppraisalList';
import { MetadataView } from './MetadataView';
import { ClaimView } from './ClaimView';
import { TextView } from './TextView';
import { canWriteContent } from './ItemsPage';
import { MetadataFields, TextFields } from './ItemFields';
import { emptyValues, filledAppearances, itemFieldPaths, toMetadata, toText, versionToValues, type ItemValues } from './itemValues';
import { MediaFields } from './MediaFields';
import { MediaView } from './MediaView';
import { WorkflowActions } from './WorkflowActions';
import { HighlightToggle } from './HighlightToggle';

const APPRAISAL_READERS = ['appraiser', 'admin', 'security'];

function useItemForm(initial: ItemValues, kind: string) {
  const { t } = useI18n();
  const r = rules(t);
  // The rules are fixed when the form is made; the kind of a new item may change after.
  const kindRef = useRef(kind);
  kindRef.current = kind;
  return useForm<ItemValues>({
    initialValues: initial,
    validate: {
      text: { title: r.length(1, 500), summary: r.maxLength(3000) },
      metadata: {
        claim: {
          // A row left entirely empty is dropped on saving; one with a platform needs its address.
          appearances: {
            url: (url: string, values: ItemValues, path: string) => {
              if (kindRef.current !== 'clarification') return null;
              const row = values.metadata.claim.appearances[Number(path.split('.')[3])];
              if (!url.trim()) return row?.platform.trim() ? t('common.required') : null;
              return /^https?:\/\/\S/i.test(url.trim()) ? null : t('claim.urlInvalid');
            },
          },
        },
      },
      note: r.maxLength(1000),
    },
  });
}

/** Drops the claim's empty place rows from the form too, so the server's errors name the rows shown. */
function compactAppearances(form: UseFormReturnType<ItemValues>, values: ItemValues) {
  const list = values.metadata.claim.appearances;
  const filled = filledAppearances(list);
  if (filled.length !== list.length) form.setFieldValue('metadata.claim.appearances', filled);
}

// ---------------------------------------------------------------------------------------------
// New item

export function NewItemPage() {
  const { t, lang } = useI18n();
  const { user, role } = useMe();
  const navigate = useNavigate();
  const create = useItemMutation(itemRequests.create, {
    success: t('editor.created'),
    onSuccess: (created) => navigate(`/items/${created.id}`, { replace: true }),
  });
  const [kind, setKind] = useState<string>('news');
  const form = useItemForm(emptyValues({ authors: [user.displayName] }), kind);
  const [sourceLanguage, setSourceLanguage] = useState<string>('vi');
  const [agencyId, setAgencyId] = useState<string>(user.agencyId);
  const agencies = useAgencies({}, role === 'appraiser');
  const [error, setError] = useState<unknown>(null);
  const languages = useContentLanguageOptions();
  const meta = useMeta();
  const contentLanguages = meta.data?.contentLanguages ?? ['vi'];
  const fields = itemFieldPaths(form.values.metadata.media.length, contentLanguages);
  const targetAgency = role === 'appraiser' ? agencyId : user.agencyId;

  if (!canWriteContent(role)) return <NotFoundPage />;

  const save = form.onSubmit(async (values) => {
    setError(null);
    compactAppearances(form, values);
    try {
      await create.mutateAsync({
        kind: kind as CreateItemBody['kind'],
        sourceLanguage,
        ...(role === 'appraiser' && agencyId !== user.agencyId ? { agencyId } : {}),
        text: toText(values.text),
        metadata: toMetadata(values.metadata, kind),
        note: values.note.trim() || undefined,
      });
    } catch (e) {
      setServerErrors(form, e, fields);
      setError(e);
    }
  });

  return (
    <>
      <PageHeader title={t('items.new')} intro={t('editor.newIntro')} />
      <form onSubmit={save} noValidate>
        <Stack gap="lg" maw={1000}>
          <ErrorAlert error={error} fields={fields} />
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <SimpleGrid cols={{ base: 1, sm: role === 'appraiser' ? 3 : 2 }}>
              <Select
                label={t('items.kind')}
                data={kindOptions(t)}
                value={kind}
                onChange={(v) => setKind(v ?? 'news')}
                allowDeselect={false}
                required
                data-testid="new-kind"
              />
              <Select
                label={t('editor.sourceLanguage')}
                data={languages}
                value={sourceLanguage}
                onChange={(v) => setSourceLanguage(v ?? 'vi')}
                allowDeselect={false}
                required
              />
              {role === 'appraiser' && (
                <Select
                  label={t('items.agency')}
                  data={(agencies.data?.items ?? []).filter((a) => !a.archivedAt).map((a) => ({ value: a.id, label: agencyName(a, lang) }))}
                  value={agencyId}
                  onChange={(v) => setAgencyId(v ?? user.agencyId)}
                  searchable
                  allowDeselect={false}
                />
              )}
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs">
              {t('editor.kindFixed')}
            </Text>
          </Paper>
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Title order={2} size="h3" mb="md">
              {t('editor.text', { language: languageName(t, sourceLanguage) })}
            </Title>
            <TextFields form={form} lang={sourceLanguage} />
          </Paper>
          <MetadataFields form={form} kind={kind} agencyId={targetAgency} itemLanguages={[sourceLanguage]} />
          <MediaFields form={form} kind={kind} agencyId={targetAgency} languages={contentLanguages} itemLanguages={[sourceLanguage]} />
          <SaveBar form={form} label={t('editor.createDraft')} onCancel={() => navigate('/items')} />
        </Stack>
      </form>
    </>
  );
}

function SaveBar({ form, label, onCancel, disabled }: { form: UseFormReturnType<ItemValues>; label: string; onCancel?: () => void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" className="save-bar">
      <Group justify="space-between" align="flex-end" gap="sm">
        <TextInput
          label={t('editor.note')}
          placeholder={t('editor.notePlaceholder')}
          maxLength={1000}
          {...form.getInputProps('note')}
          style={{ flex: 1, minWidth: 220 }}
          disabled={disabled}
        />
        <Group gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={form.submitting} disabled={disabled} data-testid="save-item">
            {label}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------
// Existing language version

export function ItemEditorPage() {
  const { versionId } = useParams();
  const version = useVersion(versionId);
  if (version.isPending) return <Loading />;
  if (version.error instanceof ApiError && version.error.status === 404) return <NotFoundPage />;
  if (!version.data) return <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />;
  return <VersionEditor version={version.data} refetch={() => version.refetch()} />;
}

function VersionEditor({ version: v, refetch }: { version: WorkingVersion; refetch: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { role } = useMe();
  const saveVersion = useItemMutation(itemRequests.save, { success: (next) => t('editor.saved', { n: next.revision.number }) });
  const form = useItemForm(versionToValues(v), v.kind);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [sideBySide, setSideBySide] = useState(true);
  const history = useHistory(v.id);
  const readOnly = !v.canEdit;
  const source = v.versions.find((x) => x.isSource);
  const meta = useMeta();
  const contentLanguages = meta.data?.contentLanguages ?? ['vi'];
  const itemLanguages = v.versions.map((x) => x.language);
  const fields = itemFieldPaths(Math.max(form.values.metadata.media.length, Array.isArray(v.metadata.media) ? v.metadata.media.length : 0), contentLanguages);

  // A new revision (saved here, restored, or reloaded after a conflict): the form shows it.
  useEffect(() => {
    const values = versionToValues(v);
    form.setValues(values);
    form.resetDirty(values);
    // Only when the revision changes: edits in progress survive a state change.
  }, [v.revision.id]);

  const save = form.onSubmit(async (values) => {
    setError(null);
    compactAppearances(form, values);
    try {
      await saveVersion.mutateAsync({
        id: v.id,
        baseRevisionId: v.revision.id,
        text: toText(values.text),
        ...(v.isSource ? { metadata: toMetadata(values.metadata, v.kind) } : {}),
        note: values.note.trim() || undefined,
      });
      setStale(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_revision') {
        setStale(true);
        return;
      }
      setServerErrors(form, e, fields);
      setError(e);
    }
  });

  const showFieldErrors = (e: ApiError) => {
    form.clearErrors();
    setServerErrors(form, e, fields);
    setError(e);
  };

  const dirty = form.isDirty();
  const translationSide = !v.isSource && sideBySide && source;

  return (
    <>
      <PageHeader
        title={v.text.title || t('items.untitled')}
        badges={<VersionBadges state={v.state} online={v.online} scheduledAt={v.state === 'approved' ? v.scheduledAt : null} />}
        actions={
          <>
            <Button component={Link} to={`/items/${v.id}/history`} variant="default" leftSection={<IconHistory size={18} aria-hidden />}>
              {t('history.title')}
            </Button>
            {v.state === 'submitted' && APPRAISAL_READERS.includes(role) && (
              <Button component={Link} to={`/appraisal/${v.id}`} variant="light" leftSection={<IconGavel size={18} aria-hidden />}>
                {t('appraisal.open')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <LanguageVersions version={v} />
        <StatusPanel version={v} dirty={dirty} onFieldErrors={showFieldErrors} />
        {stale && (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title={t('editor.staleTitle')}
            data-testid="stale-alert"
            ref={(el) => el?.scrollIntoView?.({ block: 'nearest' })}
            style={{ scrollMarginTop: 72 }}
          >
            <Text size="sm">{t('editor.stale')}</Text>
            <Button
              mt="sm"
              size="xs"
              variant="filled"
              color="orange"
              onClick={async () => {
                await refetch();
                setStale(false);
              }}
            >
              {t('editor.reload')}
            </Button>
          </Alert>
        )}
        <form onSubmit={save} noValidate aria-label={t('editor.formLabel')}>
          <Stack gap="lg">
            <ErrorAlert error={error} fields={fields} />
            {readOnly && (
              <Alert color="gray" variant="light">
                {t('editor.readOnly', { state: stateLabel(t, v.state) })}
              </Alert>
            )}
            {!readOnly && (v.online || v.state === 'approved') && (
              <Alert color="blue" variant="light" data-testid="edit-published-note">
                {v.online ? t('editor.editPublished') : t('editor.editApproved')}
              </Alert>
            )}
            {!v.isSource && source && <Switch label={t('editor.sideBySide')} checked={sideBySide} onChange={(e) => setSideBySide(e.currentTarget.checked)} />}
            <Grid gap="lg">
              {translationSide && (
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <SourcePane sourceId={source.id} />
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 12, md: translationSide ? 6 : 12 }}>
                {readOnly ? (
                  <Box maw={translationSide ? undefined : 1000}>
                    <TextView
                      language={v.language}
                      text={v.text}
                      headingOrder={2}
                      heading={t('editor.text', { language: languageName(t, v.language) })}
                      testId="text-view"
                    />
                  </Box>
                ) : (
                  <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={translationSide ? undefined : 1000}>
                    <Title order={2} size="h3" mb="md">
                      {t('editor.text', { language: languageName(t, v.language) })}
                    </Title>
                    <TextFields form={form} lang={v.language} />
                  </Paper>
                )}
              </Grid.Col>
            </Grid>
            {v.isSource ? (
              <Stack maw={1000} gap="lg">
                <Text size="sm">
                  {t('items.kind')}: <strong>{kindLabel(t, v.kind)}</strong> · {t('editor.kindFixed')}
                </Text>
                {readOnly ? (
                  <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
                    <Title order={2} size="h3" mb="md">
                      {t('meta.legend')}
                    </Title>
                    <MetadataView version={v} errors={form.errors} />
                  </Paper>
                ) : (
                  <MetadataFields form={form} kind={v.kind} agencyId={v.agencyId} itemLanguages={itemLanguages} />
                )}
                {readOnly ? (
                  <MediaView metadata={v.metadata} kind={v.kind} language={v.language} errors={form.errors} />
                ) : (
                  <MediaFields form={form} kind={v.kind} agencyId={v.agencyId} languages={contentLanguages} itemLanguages={itemLanguages} />
                )}
              </Stack>
            ) : (
              source && (
                <Stack maw={1000} gap="lg">
                  <Text size="sm" c="dimmed">
                    {t('editor.metadataOnSource')}{' '}
                    <Anchor component={Link} to={`/items/${source.id}`} underline="always">
                      {t('editor.openSource', { language: languageName(t, source.language) })}
                    </Anchor>
                  </Text>
                  {v.kind === 'clarification' && (
                    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
                      <ClaimView metadata={v.metadata} languages={[v.language]} only errors={form.errors} headingOrder={2} />
                      <Text size="sm" c="dimmed" mt="sm">
                        {t('claim.statementOnSource')}
                      </Text>
                    </Paper>
                  )}
                  <MediaView metadata={v.metadata} kind={v.kind} language={v.language} errors={form.errors} />
                </Stack>
              )
            )}
            {!readOnly && <SaveBar form={form} label={t('common.save')} />}
          </Stack>
        </form>
        <Stack gap="sm" maw={1000}>
          <Title order={2} size="h3">
            {t('appraisal.history')}
          </Title>
          <AppraisalList appraisals={v.appraisals} revisions={history.data?.revisions} />
        </Stack>
      </Stack>
    </>
  );
}

/** The source language's text, read-only, next to the translation being edited. */
function SourcePane({ sourceId }: { sourceId: string }) {
  const { t } = useI18n();
  const source = useVersion(sourceId);
  const s = source.data;
  if (!s) return source.error ? <ErrorAlert error={source.error} /> : <Loading />;
  return (
    <TextView
      language={s.language}
      text={s.text}
      muted
      headingOrder={2}
      heading={t('editor.sourceText', { language: languageName(t, s.language) })}
      badge={<StateBadge state={s.state} />}
      label={t('editor.sourcePane')}
      testId="source-pane"
    />
  );
}

/** Links to the other language versions with their states, and "add translation". */
function LanguageVersions({ version: v }: { version: WorkingVersion }) {
  const { t } = useI18n();
  const { role, user } = useMe();
  const canAdd = canWriteContent(role) && (role === 'appraiser' || v.agencyId === user.agencyId);
  const sorted = [...v.versions].sort((a, b) => Number(b.isSource) - Number(a.isSource) || a.language.localeCompare(b.language));
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" gap="sm">
        <nav aria-label={t('editor.languages')}>
          <Group gap="xs">
            <Text size="sm" fw={600} component="span">
              {t('editor.languages')}:
            </Text>
            {sorted.map((x) => {
              const current = x.id === v.id;
              return (
                <Button
                  key={x.id}
                  component={Link}
                  to={`/items/${x.id}`}
                  variant={current ? 'light' : 'subtle'}
                  size="compact-sm"
                  aria-current={current ? 'page' : undefined}
                  data-testid={`lang-${x.language}`}
                  rightSection={<StateBadge state={x.state} />}
                  fw={current ? 700 : 500}
                >
                  {languageName(t, x.language)}
                  {x.isSource ? ` (${t('items.source')})` : ''}
                </Button>
              );
            })}
          </Group>
        </nav>
        {canAdd && <AddTranslation version={v} />}
      </Group>
    </Paper>
  );
}

function AddTranslation({ version: v }: { version: WorkingVersion }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const addTranslation = useItemMutation(itemRequests.addTranslation);
  const [opened, { open, close }] = useDisclosure(false);
  const taken = new Set(v.versions.map((x) => x.language));
  const options = useContentLanguageOptions().filter((o) => !taken.has(o.value));
  const [language, setLanguage] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<{ language?: string; title?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (options.length === 0) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = { language: language ? undefined : t('common.required'), title: title.trim() ? undefined : t('common.required') };
    setErrors(errs);
    if (errs.language || errs.title) return;
    setBusy(true);
    setError(null);
    try {
      const created = await addTranslation.mutateAsync({ itemId: v.itemId, language: language!, text: { title: title.trim(), summary: '', body: '' } });
      notifySuccess(t('editor.translationAdded', { language: languageName(t, language!) }));
      close();
      setTitle('');
      setLanguage(null);
      navigate(`/items/${created.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField = Object.fromEntries((err.problem.errors ?? []).map((x) => [x.field, x.message]));
        setErrors({ language: byField.language, title: byField['text/title'] });
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={open} data-testid="add-translation">
        {t('editor.addTranslation')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('editor.addTranslation')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('editor.addTranslationIntro')}</Text>
            <Select
              label={t('editor.translationLanguage')}
              data={options}
              value={language}
              onChange={setLanguage}
              required
              error={errors.language}
              leftSection={<IconLanguage size={16} aria-hidden />}
              data-testid="translation-language"
              comboboxProps={{ withinPortal: false }}
            />
            <TextInput
              label={t('editor.translationTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={500}
              error={errors.title}
              lang={language ?? undefined}
              data-testid="translation-title"
            />
            <ErrorAlert error={error} fields={['language', 'text.title']} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="confirm-add-translation">
                {t('common.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Revision, dates, the content hash of what is online, the workflow buttons and (appraisers) the portal highlight. */
function StatusPanel({ version: v, dirty, onFieldErrors }: { version: WorkingVersion; dirty: boolean; onFieldErrors: (e: ApiError) => void }) {
  const { t, formatDateTime } = useI18n();
  const { role } = useMe();
  const row = (label: string, value: string) => (
    <div>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
  return (
    <Paper withBorder p="sm" data-testid="status-panel">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {row(t('editor.revision'), t('editor.revisionBy', { n: v.revision.number, name: v.revision.createdBy, time: formatDateTime(v.revision.createdAt) }))}
          {row(t('editor.state'), `${stateLabel(t, v.state)}${v.online && v.state !== 'published' ? ` · ${t('items.online')}` : ''}`)}
          {v.submittedAt && v.state === 'submitted'
            ? row(t('editor.submittedAt'), formatDateTime(v.submittedAt))
            : row(t('items.updated'), formatDateTime(v.updatedAt))}
          {row(
            t('editor.publishedAt'),
            v.publishedAt && v.online ? formatDateTime(v.publishedAt) : v.scheduledAt ? t('items.scheduledAt', { time: formatDateTime(v.scheduledAt) }) : '—',
          )}
        </SimpleGrid>
        {v.revision.note && <Text size="sm">{t('editor.revisionNote', { note: revisionNote(t, v.revision.note) })}</Text>}
        {v.contentHash && (
          <Group gap="xs" align="center">
            <Text size="sm" fw={600}>
              {t('editor.contentHash')}
            </Text>
            <Code data-testid="content-hash" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
              {v.contentHash}
            </Code>
            <CopyButton value={v.contentHash} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                  <ActionIcon variant="subtle" onClick={copy} aria-label={`${t('common.copy')}: ${t('editor.contentHash')}`}>
                    {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        )}
        <WorkflowActions version={v} dirty={dirty} onFieldErrors={onFieldErrors} />
        {role === 'appraiser' && <HighlightToggle version={v} />}
      </Stack>
    </Paper>
  );
}
