// Search over all languages (with or without Vietnamese diacritics): published or working copies,
// facets as filters, highlighted snippets, "did you mean" suggestions. State in the URL.
import { Anchor, Badge, Button, Collapse, Grid, Group, Pagination, Paper, Radio, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconFilter, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTopics } from '../../api/topics';
import { useSearch, type SearchQuery } from '../../api/reports';
import { useAgencies } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { LanguageBadge, StateBadge } from '../../components/ContentBadges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey } from '../../i18n';
import { kindLabel, languageName, topicName } from '../../lib/content';
import { agencyName } from '../../lib/labels';

const LIMIT = 20;
const FACETS = [
  { facet: 'kind', param: 'kind' },
  { facet: 'language', param: 'language' },
  { facet: 'agency', param: 'agencyId' },
  { facet: 'topic', param: 'topicId' },
  { facet: 'year', param: 'year' },
] as const;

export function SearchPage() {
  const { t, lang, formatDate } = useI18n();
  const { role } = useMe();
  const canWork = role !== 'reader';
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const view = canWork && params.get('view') === 'working' ? 'working' : 'published';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const year = Number(params.get('year')) || undefined;
  const isPhone = useMediaQuery('(max-width: 62em)');
  const [facetsOpen, setFacetsOpen] = useState(false);

  const query: SearchQuery = {
    q: q || undefined,
    view,
    kind: (params.get('kind') || undefined) as SearchQuery['kind'],
    language: params.get('language') || undefined,
    agencyId: params.get('agencyId') || undefined,
    topicId: params.get('topicId') || undefined,
    year,
    page,
    limit: LIMIT,
  };
  const result = useSearch(query);
  const agencies = useAgencies({ includeArchived: true });
  const agencyById = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));
  const topics = useTopics(role === 'appraiser' || role === 'admin');
  const topicById = new Map((topics.data?.items ?? []).map((x) => [x.id, x]));

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: draft.trim() || null });
  };

  const facetLabel = (facet: string, value: string) => {
    switch (facet) {
      case 'kind':
        return kindLabel(t, value);
      case 'language':
        return languageName(t, value);
      case 'agency': {
        const a = agencyById.get(value);
        return a ? agencyName(a, lang) : value;
      }
      case 'topic': {
        const x = topicById.get(value);
        return x ? topicName(x, lang) : value;
      }
      default:
        return value;
    }
  };

  const d = result.data;
  const pages = d ? Math.min(50, Math.ceil(d.total / LIMIT)) : 0;
  const activeFacets = FACETS.filter((f) => params.get(f.param)).length;
  const facetList = (
    <Stack gap="md" component="section" aria-label={t('search.facets')}>
      {FACETS.map(({ facet, param }) => {
        const values = (d?.facets ?? []).filter((f) => f.facet === facet);
        const current = params.get(param) ?? '';
        if (values.length === 0 && !current) return null;
        return (
          <Radio.Group key={facet} label={t(`search.facet.${facet}` as MessageKey)} value={current} onChange={(v) => update({ [param]: v || null })}>
            <Stack gap={6} mt={6}>
              <Radio value="" label={t('common.all')} />
              {values.map((f) => (
                <Radio key={f.value} value={f.value} label={`${facetLabel(facet, f.value)} (${f.count})`} />
              ))}
              {current && !values.some((f) => f.value === current) && <Radio value={current} label={`${facetLabel(facet, current)} (0)`} />}
            </Stack>
          </Radio.Group>
        );
      })}
    </Stack>
  );

  return (
    <>
      <PageHeader title={t('search.title')} intro={t('search.intro')} />
      <Stack gap="md">
        <form onSubmit={submit} role="search" aria-label={t('search.title')}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('search.query')}
              description={t('search.help')}
              inputWrapperOrder={['label', 'description', 'input']}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              type="search"
              maxLength={200}
              style={{ flex: 1, minWidth: 240 }}
              data-testid="search-query"
            />
            <Button type="submit">{t('common.search')}</Button>
          </Group>
        </form>
        {canWork && (
          <SegmentedControl
            value={view}
            onChange={(v) => update({ view: v === 'working' ? 'working' : null })}
            data={[
              { value: 'published', label: t('search.published') },
              { value: 'working', label: t('search.working') },
            ]}
            aria-label={t('search.view')}
            maw={420}
          />
        )}
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
        {d && d.suggestions.length > 0 && d.total < 3 && q && (
          <Text size="sm" data-testid="suggestions">
            {t('search.didYouMean')}{' '}
            {d.suggestions.map((s, i) => (
              <span key={s}>
                {i > 0 && ' · '}
                <Anchor component="button" type="button" onClick={() => update({ q: s })} fw={600} underline="always">
                  {s}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            {isPhone ? (
              <Stack gap="sm">
                <Button
                  variant="default"
                  leftSection={<IconFilter size={16} aria-hidden />}
                  rightSection={<IconChevronDown size={14} aria-hidden style={{ transform: facetsOpen ? 'rotate(180deg)' : undefined }} />}
                  onClick={() => setFacetsOpen((o) => !o)}
                  aria-expanded={facetsOpen}
                  aria-controls="search-facets"
                  justify="space-between"
                >
                  {activeFacets ? t('items.filtersN', { count: activeFacets }) : t('search.facets')}
                </Button>
                <Collapse expanded={facetsOpen} id="search-facets">
                  {facetList}
                </Collapse>
              </Stack>
            ) : (
              facetList
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            {result.isPending ? (
              <Loading />
            ) : d ? (
              <Stack gap="sm">
                <Text size="sm" role="status">
                  {d.totalIsCapped ? t('search.totalCapped', { count: d.total }) : t('search.total', { count: d.total })}
                </Text>
                {d.items.map((r) => (
                  <Paper key={r.versionId} withBorder p="sm" data-testid="search-result">
                    <Stack gap={4}>
                      <Title order={2} size="h4" lang={r.language}>
                        {canWork ? (
                          <Anchor component={Link} to={`/items/${r.versionId}`} className="search-hl">
                            {/* Escaped by the server, with <mark> around matches. */}
                            <span dangerouslySetInnerHTML={{ __html: r.titleHtml }} />
                          </Anchor>
                        ) : (
                          <span className="search-hl" dangerouslySetInnerHTML={{ __html: r.titleHtml }} />
                        )}
                      </Title>
                      {r.snippetHtml && <Text size="sm" className="search-hl" lang={r.language} dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />}
                      <Group gap={6}>
                        <LanguageBadge code={r.language} />
                        <Badge variant="light" color="gray">
                          {kindLabel(t, r.kind)}
                        </Badge>
                        {view === 'working' && <StateBadge state={r.state} />}
                        <Text size="xs" c="dimmed">
                          {facetLabel('agency', r.agencyId)}
                          {r.activityDate ? ` · ${formatDate(`${r.activityDate}T12:00:00+07:00`)}` : ''}
                        </Text>
                        {!canWork && (
                          <Anchor
                            href={`/api/v1/item-versions/${r.versionId}/published`}
                            size="xs"
                            target="_blank"
                            rel="noopener noreferrer"
                            underline="always"
                          >
                            {t('search.openData')}
                          </Anchor>
                        )}
                      </Group>
                    </Stack>
                  </Paper>
                ))}
                {pages > 1 && (
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={(p) => update({ page: String(p) })}
                    getControlProps={(control) => ({ 'aria-label': t(`search.page.${control}` as MessageKey) })}
                    getItemProps={(p) => ({ 'aria-label': t('search.pageN', { n: p }) })}
                  />
                )}
              </Stack>
            ) : null}
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
