// The appraisal screen: the submitted text and metadata, a diff against the previously approved
// revision (or, before any approval, against the revision last returned), the Art. 6.4 checklist
// and the decision: approve (optionally at a set time) or return with the reasons.
import { Alert, Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TextView } from './TextView';
import { IconEdit } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useDiff, useHistory, useVersion, type WorkingVersion } from '../../api/content';
import { useTopics } from '../../api/topics';
import { useMe } from '../../auth/session';
import { VersionBadges } from '../../components/ContentBadges';
import { DiffView } from '../../components/DiffView';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { languageName, waitingFor } from '../../lib/content';
import { notifySuccess } from '../../lib/notify';
import { NotFoundPage } from '../NotFoundPage';
import { AppraisalList } from './AppraisalList';
import { useNow } from './AppraisalQueuePage';
import { MediaView } from './MediaView';
import { MetadataView } from './MetadataView';
import { ApproveForm, ReturnForm } from './WorkflowActions';

export function AppraisalPage() {
  const { versionId } = useParams();
  const version = useVersion(versionId);
  if (version.isPending) return <Loading />;
  if (version.error instanceof ApiError && version.error.status === 404) return <NotFoundPage />;
  if (!version.data) return <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />;
  return <Appraisal version={version.data} />;
}

function Appraisal({ version: v }: { version: WorkingVersion }) {
  const { t, formatDateTime } = useI18n();
  const { role } = useMe();
  const navigate = useNavigate();
  const now = useNow();
  const history = useHistory(v.id);
  const topics = useTopics(true);
  const sourceSummary = v.versions.find((x) => x.isSource);
  const source = useVersion(!v.isSource ? sourceSummary?.id : undefined);
  const h = history.data;
  const working = v.revision.id;
  // Compare with the last approved revision; before any approval, with the one last returned.
  const lastReturned =
    [...(h?.appraisals ?? [])].filter((a) => a.decision === 'return').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.revisionId ?? null;
  const base =
    h?.lastApprovedRevisionId && h.lastApprovedRevisionId !== working
      ? h.lastApprovedRevisionId
      : !h?.lastApprovedRevisionId && lastReturned && lastReturned !== working
        ? lastReturned
        : null;
  const baseKind = base && base === h?.lastApprovedRevisionId ? 'approved' : 'returned';
  const baseNumber = h?.revisions.find((r) => r.id === base)?.number;
  const diff = useDiff(v.id, base, working);
  const canDecide = v.allowedTransitions.includes('approve') || v.allowedTransitions.includes('return');

  const afterDecision = (message: string) => {
    notifySuccess(message);
    navigate('/appraisal');
  };

  return (
    <>
      <PageHeader
        title={t('appraisal.title', { title: v.text.title || t('items.untitled') })}
        badges={<VersionBadges state={v.state} online={v.online} scheduledAt={v.state === 'approved' ? v.scheduledAt : null} />}
        actions={
          <Button component={Link} to={`/items/${v.id}`} variant="default" leftSection={<IconEdit size={18} aria-hidden />}>
            {t('appraisal.openEditor')}
          </Button>
        }
      />
      <Stack gap="xl">
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('items.language')}
              </Text>
              <Text size="sm">
                {languageName(t, v.language)} · {v.isSource ? t('items.source') : t('items.translation')}
              </Text>
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('editor.revision')}
              </Text>
              <Text size="sm">{t('editor.revisionBy', { n: v.revision.number, name: v.revision.createdBy, time: formatDateTime(v.revision.createdAt) })}</Text>
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('editor.submittedAt')}
              </Text>
              <Text size="sm">{formatDateTime(v.submittedAt)}</Text>
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('queue.waiting')}
              </Text>
              <Text size="sm">{v.state === 'submitted' ? waitingFor(t, v.submittedAt, now) : '—'}</Text>
            </div>
          </SimpleGrid>
        </Paper>

        {v.state !== 'submitted' && (
          <Alert color="gray" variant="light" role="status">
            {t('appraisal.notSubmitted')}
          </Alert>
        )}

        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('appraisal.changes')}
          </Title>
          <ErrorAlert error={history.error ?? diff.error} />
          {history.isPending ? (
            <Loading />
          ) : !base ? (
            <Text c="dimmed" data-testid="no-diff">
              {h?.lastApprovedRevisionId ? t('appraisal.unchangedSinceApproval') : t('appraisal.firstAppraisal')}
            </Text>
          ) : (
            <>
              <Text size="sm">
                {baseKind === 'approved'
                  ? t('appraisal.diffSinceApproved', { n: baseNumber ?? '?', m: v.revision.number })
                  : t('appraisal.diffSinceReturned', { n: baseNumber ?? '?', m: v.revision.number })}
              </Text>
              {diff.isPending ? <Loading /> : diff.data ? <DiffView fields={diff.data.fields} topics={topics.data?.items} /> : null}
            </>
          )}
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('appraisal.submitted')}
          </Title>
          <Grid gap="lg">
            {!v.isSource && (
              <Grid.Col span={{ base: 12, md: 6 }}>
                {source.data ? (
                  <TextView
                    language={source.data.language}
                    text={source.data.text}
                    muted
                    heading={t('editor.sourceText', { language: languageName(t, source.data.language) })}
                  />
                ) : source.error ? (
                  <ErrorAlert error={source.error} />
                ) : (
                  <Loading />
                )}
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, md: v.isSource ? 12 : 6 }}>
              <TextView language={v.language} text={v.text} heading={t('editor.text', { language: languageName(t, v.language) })} testId="submitted-text" />
            </Grid.Col>
          </Grid>
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('meta.legend')}
          </Title>
          {!v.isSource && (
            <Text size="sm" c="dimmed">
              {t('appraisal.metadataOfSource')}
            </Text>
          )}
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <MetadataView version={v} />
          </Paper>
          <MediaView metadata={v.metadata} kind={v.kind} language={v.language} headingOrder={3} />
        </Stack>

        {canDecide ? (
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('appraisal.decision')}
            </Title>
            <Grid gap="lg">
              {v.allowedTransitions.includes('approve') && (
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Paper withBorder p={{ base: 'sm', sm: 'lg' }} h="100%">
                    <Title order={3} size="h4" mb="sm">
                      {t('wf.approve')}
                    </Title>
                    <ApproveForm
                      version={v}
                      onDone={(scheduled) =>
                        afterDecision(
                          scheduled
                            ? t('wf.done.scheduled', { language: languageName(t, v.language) })
                            : t('wf.done.approve', { language: languageName(t, v.language) }),
                        )
                      }
                    />
                  </Paper>
                </Grid.Col>
              )}
              {v.allowedTransitions.includes('return') && (
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <Paper withBorder p={{ base: 'sm', sm: 'lg' }} h="100%">
                    <Title order={3} size="h4" mb="sm">
                      {t('wf.return')}
                    </Title>
                    <ReturnForm version={v} onDone={() => afterDecision(t('wf.done.return', { language: languageName(t, v.language) }))} />
                  </Paper>
                </Grid.Col>
              )}
            </Grid>
          </Stack>
        ) : (
          v.state === 'submitted' &&
          role !== 'appraiser' && (
            <Text size="sm" c="dimmed">
              {t('appraisal.readOnly')}
            </Text>
          )
        )}

        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('appraisal.history')}
            </Title>
            <Anchor component={Link} to={`/items/${v.id}/history`} size="sm">
              {t('history.title')}
            </Anchor>
          </Group>
          <AppraisalList appraisals={v.appraisals} revisions={h?.revisions} />
        </Stack>
      </Stack>
    </>
  );
}
