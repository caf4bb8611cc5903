// One case: header with its status and the actions the reader may take now (`allowed`), the false
// information, the dossier of Art. 4.3 (a)–(đ), the notified agencies with their deadlines,
// material and responses, the sightings and evidence, and the timeline. Every write answers the
// whole case, which replaces the cached one (api/cases.ts).
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useCase, type Case } from '../../api/cases';
import { ApiError } from '../../api/client';
import { useTopics } from '../../api/topics';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { claimRatingLabel, languageName, topicName } from '../../lib/content';
import { AgenciesPanel } from './AgenciesPanel';
import { CaseActions } from './CaseActions';
import { CaseStatusBadge, SeverityBadge } from './CaseBadges';
import { DossierForm } from './DossierForm';
import { EvidencePanel } from './EvidencePanel';
import { Timeline } from './Timeline';

export function CasePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useCase(id);
  if (q.isPending) return <Loading />;
  if (q.error || !q.data) {
    const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
    return (
      <>
        <PageHeader title={t('cases.title')} />
        {missing ? <Text role="alert">{t('cases.notFound')}</Text> : <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        <Button mt="md" variant="default" component={Link} to="/cases" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          {t('cases.backToList')}
        </Button>
      </>
    );
  }
  return <CaseView c={q.data} />;
}

function CaseView({ c }: { c: Case }) {
  const { t, lang, formatDateTime } = useI18n();
  const topics = useTopics(true);
  const topicById = new Map((topics.data?.items ?? []).map((x) => [x.id, x]));
  const owed = c.agencies.filter((a) => !a.answered).length;
  return (
    <>
      <Anchor component={Link} to="/cases" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('cases.backToList')}
        </Group>
      </Anchor>
      <Text size="sm" c="dimmed" ff="monospace" mt="xs" data-testid="case-reference">
        {c.reference}
      </Text>
      <PageHeader
        title={c.title}
        badges={
          <Group gap={6}>
            <CaseStatusBadge status={c.status} />
            <SeverityBadge severity={c.severity} />
            {c.overdueCount > 0 && (
              <Badge color="red" variant="filled">
                {t('cases.overdueCount', { n: c.overdueCount })}
              </Badge>
            )}
          </Group>
        }
      />
      <CaseActions c={c} />
      {!c.takenUp && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('cases.notTakenUp')}
        </Text>
      )}
      {c.closedReason && (
        <Text size="sm" mb="sm">
          <strong>{t('cases.closedReason')}:</strong> {c.closedReason}
        </Text>
      )}
      {c.reopenReason && (
        <Text size="sm" mb="sm">
          <strong>{t('cases.reopenReason')}:</strong> {c.reopenReason}
        </Text>
      )}
      <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="false-info">
        <Title order={2} size="h4" id="false-info" mb="xs">
          {t('cases.falseInfo')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="case-false-text">
          {c.falseText}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm" spacing="xs">
          <Fact label={t('cases.firstSeen')} value={formatDateTime(c.firstSeenAt)} />
          <Fact label={t('cases.reach')} value={c.reach === null ? '—' : c.reach.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} />
          <Fact label={t('cases.claimant')} value={c.claimant || '—'} />
          <Fact label={t('cases.rating')} value={c.rating ? claimRatingLabel(t, c.rating) : '—'} />
          <Fact label={t('cases.languages')} value={c.languages.map((l) => languageName(t, l)).join(', ') || '—'} />
          <Fact label={t('cases.topics')} value={c.topicIds.map((x) => (topicById.get(x) ? topicName(topicById.get(x)!, lang) : '…')).join(', ') || '—'} />
          <Fact label={t('cases.openedBy')} value={`${c.openedBy} · ${formatDateTime(c.createdAt)}`} />
          <Fact
            label={t('cases.agenciesOwing')}
            value={c.agencies.length ? t('cases.owingOf', { n: owed, total: c.agencies.length }) : t('cases.noAgencies')}
          />
        </SimpleGrid>
      </Paper>
      <Tabs defaultValue="dossier" keepMounted={false}>
        <Tabs.List mb="md" aria-label={t('cases.sections')}>
          <Tabs.Tab value="dossier">{t('cases.tab.dossier')}</Tabs.Tab>
          <Tabs.Tab value="agencies">
            {t('cases.tab.agencies')} ({c.assignments.length})
          </Tabs.Tab>
          <Tabs.Tab value="evidence">
            {t('cases.tab.evidence')} ({c.sightings.length + c.attachments.length})
          </Tabs.Tab>
          <Tabs.Tab value="timeline">{t('cases.tab.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dossier">
          <DossierForm c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="agencies">
          <AgenciesPanel c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence">
          <EvidencePanel c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <Timeline c={c} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}
