// Portal highlights (DIC appraisers; administrators and security read them): the items the portal's
// home page puts first, in order. Move up or down (keyboard-usable, announced), remove, add from the
// public published items, then save the whole list; the server's refusals are shown on their rows.
import { ActionIcon, Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import {
  IconAlertCircle,
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconDeviceFloppy,
  IconExternalLink,
  IconInfoCircle,
  IconPlus,
  IconRestore,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useMeta } from '../../api/meta';
import { useItems, type ItemListRow } from '../../api/content';
import { MAX_HIGHLIGHTS, useSaveHighlights, useHighlightCards } from '../../api/highlights';
import { useMe } from '../../auth/session';
import { LanguageBadge } from '../../components/ContentBadges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type Lang, type TFunction } from '../../i18n';
import { kindLabel } from '../../lib/content';
import { notifySuccess } from '../../lib/notify';

/** What a row shows of an item: one of its published versions. */
interface Entry {
  itemId: string;
  versionId: string;
  language: string;
  kind: string;
  title: string;
}
/** An item found by the search: the version shown, and all its public published ones. */
interface Found extends Entry {
  versions: Entry[];
}

/** Rows of the items list fetched for the "add" search: enough for several pages of recent items. */
const SEARCH_LIMIT = 100;

/** The server's field errors on the list ("itemIds") and on its rows ("itemIds/<i>"), in the UI language. */
export function highlightErrors(t: TFunction, error: unknown) {
  const rows = new Map<number, string[]>();
  const list: string[] = [];
  if (!(error instanceof ApiError)) return { rows, list };
  for (const e of error.problem.errors ?? []) {
    const m = /^itemIds\/(\d+)$/.exec(e.field);
    const text =
      e.code === 'not_online'
        ? t('highlights.err.notOnline')
        : e.code === 'field_too_long' && !m
          ? t('highlights.err.tooMany', { max: MAX_HIGHLIGHTS })
          : e.message;
    if (m) rows.set(Number(m[1]), [...(rows.get(Number(m[1])) ?? []), text]);
    else if (e.field === 'itemIds') list.push(text);
  }
  return { rows, list };
}

export function HighlightsPage() {
  const { t, lang } = useI18n();
  const { role } = useMe();
  const canEdit = role === 'appraiser';
  const saveHighlights = useSaveHighlights();
  const meta = useMeta();
  const languages = meta.data?.contentLanguages ?? ['vi'];
  const [draft, setDraft] = useState<string[] | null>(null);
  // Items added from the search, shown before they are saved (or when not published in `lang`),
  // with the versions of them the search has found (the UI language may change meanwhile).
  const [picked, setPicked] = useState<ReadonlyMap<string, Found>>(new Map());
  const [seen, setSeen] = useState<ReadonlyMap<string, readonly Entry[]>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [announce, setAnnounce] = useState('');
  const focusAfter = useRef<{ kind: 'move'; id: string; dir: 'up' | 'down' } | { kind: 'remove'; index: number } | null>(null);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const { main, cards } = useHighlightCards(lang, languages, draft);
  const saved = main.data?.itemIds ?? [];
  const list = draft ?? saved;
  const dirty = draft !== null && (draft.length !== saved.length || draft.some((id, i) => id !== saved[i]));
  const full = list.length >= MAX_HIGHLIGHTS;
  // In the UI language when published in it (from the highlights, else from the search), else
  // in the language the search showed, else in another language.
  const entryOf = (id: string): Entry | undefined => {
    const c = cards.get(id);
    if (c && c.language === lang) return c;
    const p = picked.get(id);
    return seen.get(id)?.find((v) => v.language === lang) ?? p ?? c;
  };
  const nameOf = (id: string) => entryOf(id)?.title || t('highlights.unknown');
  const { rows: rowErrors, list: listErrors } = highlightErrors(t, error);
  // A refusal about the list or its rows is told there; anything else in the usual alert.
  const onRows =
    error instanceof ApiError && !!error.problem.errors?.length && error.problem.errors.every((e) => e.field === 'itemIds' || /^itemIds\/\d+$/.test(e.field));

  // A refusal after saving must not stay out of sight above a long list.
  useEffect(() => {
    if (error) alertRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  // Leaving the page (closing the tab, reloading) with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: string[]) => {
    setError(null);
    setDraft(next);
  };

  const move = (i: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? i - 1 : i + 1;
    if (to < 0 || to >= list.length) return;
    const next = [...list];
    [next[i], next[to]] = [next[to], next[i]];
    focusAfter.current = { kind: 'move', id: list[i], dir };
    change(next);
    setAnnounce(t('highlights.moved', { name: nameOf(list[i]), n: to + 1, total: list.length }));
  };

  const remove = (i: number) => {
    focusAfter.current = { kind: 'remove', index: i };
    change(list.filter((_, j) => j !== i));
    setAnnounce(t('highlights.removed', { name: nameOf(list[i]) }));
  };

  const add = (e: Found) => {
    if (list.includes(e.itemId) || full) return;
    setPicked((m) => new Map(m).set(e.itemId, e));
    change([...list, e.itemId]);
    setAnnounce(t('highlights.added', { name: e.title, n: list.length + 1, total: list.length + 1 }));
  };

  const undo = () => {
    setError(null);
    setDraft(null);
    setAnnounce(t('highlights.undone'));
  };

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(null);
    try {
      await saveHighlights(draft);
      setDraft(null);
      notifySuccess(t('highlights.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  // After a move the focus stays on the moved item's button (or its other one at either end);
  // after a removal it goes to the next row's remove button, the previous one, or the heading.
  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    if (f.kind === 'move') {
      const own = document.querySelector<HTMLButtonElement>(`[data-move="${f.id}-${f.dir}"]`);
      const other = document.querySelector<HTMLButtonElement>(`[data-move="${f.id}-${f.dir === 'up' ? 'down' : 'up'}"]`);
      (own && !own.disabled ? own : other)?.focus();
    } else {
      const buttons = document.querySelectorAll<HTMLButtonElement>('[data-testid="remove-highlight"]');
      const target = buttons[Math.min(f.index, buttons.length - 1)];
      if (target) target.focus();
      else headingRef.current?.focus();
    }
  }, [list]);

  const portalLang = languages.includes(lang) ? lang : (languages[0] ?? 'vi');

  const listPanel = (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} role="group" aria-labelledby={headingId} data-testid="highlights-panel">
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} size="h3" id={headingId} ref={headingRef} tabIndex={-1}>
          {t('highlights.list')}
        </Title>
        <Badge variant="light" color={full ? 'orange' : 'blue'} data-testid="highlights-count">
          {t('highlights.count', { count: list.length, max: MAX_HIGHLIGHTS })}
        </Badge>
      </Group>
      <Stack gap="sm">
        {onRows ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            title={rowErrors.size ? t('highlights.err.marked') : listErrors.join(' ')}
            role="alert"
            data-testid="error-alert"
            ref={alertRef}
            style={{ scrollMarginTop: 72 }}
          >
            {rowErrors.size > 0 && listErrors.join(' ')}
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
        {main.isPending ? (
          <Loading />
        ) : list.length === 0 ? (
          <Text size="sm">{t('highlights.none')}</Text>
        ) : (
          <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={headingId} data-testid="highlights-list">
            {list.map((id, i) => (
              <HighlightRow
                key={id}
                entry={entryOf(id)}
                itemId={id}
                index={i}
                total={list.length}
                lang={lang}
                errors={rowErrors.get(i) ?? []}
                canEdit={canEdit}
                onMove={(dir) => move(i, dir)}
                onRemove={() => remove(i)}
              />
            ))}
          </Stack>
        )}
        <VisuallyHidden role="status">{announce}</VisuallyHidden>
        {canEdit && (
          <Stack gap="xs">
            {dirty && (
              <Text size="sm" c="#8a3c00" role="status" data-testid="highlights-unsaved">
                {t('highlights.unsaved')}
              </Text>
            )}
            <Group gap="sm">
              <Button
                leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                onClick={() => void save()}
                loading={saving}
                disabled={!dirty}
                data-testid="save-highlights"
              >
                {t('highlights.save')}
              </Button>
              {dirty && (
                <Button variant="default" leftSection={<IconRestore size={18} aria-hidden />} onClick={undo} disabled={saving}>
                  {t('highlights.undo')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );

  return (
    <>
      <PageHeader
        title={t('highlights.title')}
        intro={t('highlights.intro')}
        actions={
          <Button
            component="a"
            href={`/${portalLang}/`}
            target="_blank"
            rel="noopener"
            variant="default"
            leftSection={<IconExternalLink size={18} aria-hidden />}
          >
            {t('highlights.viewPortal')}
            <VisuallyHidden> {t('highlights.newTab')}</VisuallyHidden>
          </Button>
        }
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} mb="lg" data-testid="highlights-note">
        {t('highlights.limitNote', { max: MAX_HIGHLIGHTS })}
        {!canEdit && ` ${t('highlights.readOnly')}`}
      </Alert>
      <ErrorAlert error={main.error} onRetry={() => void main.refetch()} />
      {canEdit ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>{listPanel}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <AddPanel chosen={list} full={full} onAdd={add} onFound={(found) => setSeen((m) => remember(m, found))} />
          </Grid.Col>
        </Grid>
      ) : (
        <Stack maw={900}>{listPanel}</Stack>
      )}
    </>
  );
}

interface RowProps {
  entry: Entry | undefined;
  itemId: string;
  index: number;
  total: number;
  lang: Lang;
  errors: string[];
  canEdit: boolean;
  onMove: (dir: 'up' | 'down') => void;
  onRemove: () => void;
}

function HighlightRow({ entry: e, itemId, index: i, total, lang, errors, canEdit, onMove, onRemove }: RowProps) {
  const { t } = useI18n();
  // On a phone the buttons go under the title, which keeps the width of the row.
  const narrow = useMediaQuery('(max-width: 36em)');
  const name = e?.title || t('highlights.unknown');
  const button = (dir: 'up' | 'down') => {
    const label = t(dir === 'up' ? 'highlights.moveUp' : 'highlights.moveDown', { name });
    return (
      <Tooltip label={label} withArrow>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onMove(dir)}
          disabled={dir === 'up' ? i === 0 : i === total - 1}
          aria-label={label}
          data-move={`${itemId}-${dir}`}
          data-testid={`move-${dir}`}
        >
          {dir === 'up' ? <IconArrowUp size={18} aria-hidden /> : <IconArrowDown size={18} aria-hidden />}
        </ActionIcon>
      </Tooltip>
    );
  };
  const actions = (
    <Group gap={4} wrap="nowrap">
      {button('up')}
      {button('down')}
      <Tooltip label={t('highlights.remove', { name })} withArrow>
        <ActionIcon variant="subtle" color="red" size="lg" onClick={onRemove} aria-label={t('highlights.remove', { name })} data-testid="remove-highlight">
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
  return (
    <Paper
      withBorder
      p="sm"
      component="li"
      data-testid="highlight-row"
      data-item-id={itemId}
      style={errors.length ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={700} size="xl" c="dimmed" w={28} ta="center" lh={1.2} aria-hidden>
          {i + 1}
        </Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {t('highlights.position', { n: i + 1, total })}
            {e ? ` · ${kindLabel(t, e.kind)}` : ''}
          </Text>
          {e ? (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Anchor
                component={Link}
                to={`/items/${e.versionId}`}
                fw={600}
                lh={1.35}
                lang={e.language}
                style={{ wordBreak: 'break-word' }}
                data-testid="highlight-title"
              >
                {e.title}
              </Anchor>
              {e.language !== lang && <LanguageBadge code={e.language} />}
            </Group>
          ) : (
            <Text fw={600} size="sm" c="red.9">
              {t('highlights.unknown')}
            </Text>
          )}
          {e && (
            <Anchor
              href={`/${e.language}/items/${itemId}`}
              target="_blank"
              rel="noopener"
              size="sm"
              display="inline-flex"
              style={{ alignItems: 'center', gap: 4 }}
            >
              <IconExternalLink size={14} aria-hidden />
              {t('highlights.openPublic')}
              <VisuallyHidden>{`: ${e.title} ${t('highlights.newTab')}`}</VisuallyHidden>
            </Anchor>
          )}
          {errors.map((m) => (
            <Text key={m} size="sm" c="red.9" data-testid="highlight-error">
              {m}
            </Text>
          ))}
        </div>
        {canEdit && !narrow && actions}
      </Group>
      {canEdit && narrow && (
        <Group justify="flex-end" mt="xs">
          {actions}
        </Group>
      )}
    </Paper>
  );
}

/** Published versions that anyone may read, one per item: in the UI language, else the source. */
function publicItems(rows: readonly ItemListRow[], lang: string): Found[] {
  const byItem = new Map<string, ItemListRow[]>();
  for (const r of rows) if (r.visibility === 'public' && r.state === 'published') byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  const entry = (r: ItemListRow): Entry => ({ itemId: r.itemId, versionId: r.id, language: r.language, kind: r.kind, title: r.title });
  return [...byItem.values()].map((versions) => {
    const r = versions.find((v) => v.language === lang) ?? versions.find((v) => v.isSource) ?? versions[0];
    return { ...entry(r), versions: versions.map(entry) };
  });
}

/** `known` with the versions in `found` added. */
function remember(known: ReadonlyMap<string, readonly Entry[]>, found: readonly Found[]): ReadonlyMap<string, readonly Entry[]> {
  const next = new Map(known);
  for (const f of found) {
    const have = next.get(f.itemId) ?? [];
    next.set(f.itemId, [...have.filter((v) => !f.versions.some((x) => x.versionId === v.versionId)), ...f.versions]);
  }
  return next;
}

interface AddProps {
  chosen: readonly string[];
  full: boolean;
  onAdd: (e: Found) => void;
  /** Each new page of results, so the list can name its items in any language the search found. */
  onFound: (found: Found[]) => void;
}

function AddPanel({ chosen, full, onAdd, onFound }: AddProps) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const headingId = useId();
  const hintId = useId();
  const query = { state: 'published' as const, q: debounced || undefined, limit: SEARCH_LIMIT };
  const result = useItems(query, { keepPrevious: true });
  const entries = publicItems(result.data?.items ?? [], lang);
  const more = !!result.data?.nextCursor;
  useEffect(() => {
    if (result.data) onFound(publicItems(result.data.items, lang));
  }, [result.data]);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} role="group" aria-labelledby={headingId} data-testid="highlights-add">
      <Title order={2} size="h3" mb="sm" id={headingId}>
        {t('highlights.add')}
      </Title>
      <Stack gap="sm">
        <TextInput
          label={t('highlights.searchLabel')}
          description={t('highlights.searchHint')}
          placeholder={t('highlights.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
          type="search"
          data-testid="highlights-search"
        />
        {full && (
          <Text size="sm" c="#8a3c00" id={hintId}>
            {t('highlights.full', { max: MAX_HIGHLIGHTS })}
          </Text>
        )}
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
        {result.isPending ? (
          <Loading />
        ) : (
          <>
            <Text size="sm" role="status">
              {entries.length === 0
                ? t('highlights.noResults')
                : more
                  ? t('highlights.resultsMore', { count: entries.length })
                  : t('highlights.results', { count: entries.length })}
            </Text>
            {entries.length > 0 && (
              <Stack
                gap="xs"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('highlights.resultsList')}
                data-testid="highlights-results"
              >
                {entries.map((e) => {
                  const inList = chosen.includes(e.itemId);
                  const off = inList || full;
                  return (
                    <Paper key={e.itemId} component="li" withBorder p="xs" data-testid="highlight-result" data-item-id={e.itemId}>
                      <Group wrap="nowrap" align="center" gap="sm" justify="space-between">
                        <div style={{ flex: 1, minWidth: 0 }}>
                          <Anchor
                            component={Link}
                            to={`/items/${e.versionId}`}
                            size="sm"
                            fw={600}
                            lh={1.35}
                            lang={e.language}
                            display="block"
                            style={{ wordBreak: 'break-word' }}
                          >
                            {e.title || t('items.untitled')}
                          </Anchor>
                          <Group gap={6} mt={2}>
                            <Text size="xs" c="dimmed">
                              {kindLabel(t, e.kind)}
                            </Text>
                            {e.language !== lang && <LanguageBadge code={e.language} />}
                          </Group>
                        </div>
                        {/* Still focusable when unavailable (aria-disabled), so the focus is not lost after adding. */}
                        <Button
                          size="xs"
                          variant={inList ? 'subtle' : 'light'}
                          color={inList ? 'green' : undefined}
                          leftSection={inList ? <IconCheck size={14} aria-hidden /> : <IconPlus size={14} aria-hidden />}
                          data-disabled={(full && !inList) || undefined}
                          aria-disabled={off || undefined}
                          aria-describedby={full && !inList ? hintId : undefined}
                          onClick={(ev) => {
                            ev.preventDefault();
                            if (!off) onAdd(e);
                          }}
                          style={{ flexShrink: 0 }}
                          data-testid="add-highlight"
                        >
                          {inList ? t('highlights.alreadyIn') : t('highlights.addButton')}
                          <VisuallyHidden>{`: ${e.title}`}</VisuallyHidden>
                        </Button>
                      </Group>
                    </Paper>
                  );
                })}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
