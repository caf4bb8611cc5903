// The history of a language version: every revision (number, who, when, note, hash), a word diff
// between any two, and "restore this revision" as a new draft revision.
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { itemRequests, useDiff, useHistory, useVersion, useItemMutation, type WorkingVersion } from '../../api/content';
import { useTopics } from '../../api/topics';
import { ConfirmButton } from '../../components/ConfirmButton';
import { VersionBadges } from '../../components/ContentBadges';
import { DiffView } from '../../components/DiffView';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { languageName, revisionNote } from '../../lib/content';
import { notifySuccess } from '../../lib/notify';
import { NotFoundPage } from '../NotFoundPage';
import { AppraisalList } from './AppraisalList';

export function HistoryPage() {
  const { versionId } = useParams();
  const version = useVersion(versionId);
  if (version.isPending) return <Loading />;
  if (version.error instanceof ApiError && version.error.status === 404) return <NotFoundPage />;
  if (!version.data) return <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />;
  return <History version={version.data} />;
}

function History({ version: v }: { version: WorkingVersion }) {
  const { t, formatDateTime } = useI18n();
  const restoreRevision = useItemMutation(itemRequests.restore);
  const history = useHistory(v.id);
  const topics = useTopics(true);
  const revisions = [...(history.data?.revisions ?? [])].sort((a, b) => b.number - a.number);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  // Default comparison: the working revision against the one before it.
  useEffect(() => {
    if (revisions.length >= 2 && !from && !to) {
      setTo(revisions[0].id);
      setFrom(revisions[1].id);
    }
  }, [revisions, from, to]);
  const diff = useDiff(v.id, from, to);
  const options = revisions.map((r) => ({
    value: r.id,
    label: t('history.revisionOption', { n: r.number, time: formatDateTime(r.createdAt), name: r.createdBy }),
  }));
  const h = history.data;

  const restore = async (revisionId: string, number: number) => {
    const next = await restoreRevision.mutateAsync({ id: v.id, revisionId, baseRevisionId: v.revision.id });
    notifySuccess(t('history.restored', { n: number, m: next.revision.number }));
    setFrom(null);
    setTo(null);
  };

  return (
    <>
      <PageHeader
        title={t('history.pageTitle', { title: v.text.title || t('items.untitled'), language: languageName(t, v.language) })}
        badges={<VersionBadges state={v.state} online={v.online} scheduledAt={v.state === 'approved' ? v.scheduledAt : null} />}
        actions={
          <Button component={Link} to={`/items/${v.id}`} variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />}>
            {t('history.backToEditor')}
          </Button>
        }
      />
      <Stack gap="xl">
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
        {history.isPending ? (
          <Loading />
        ) : (
          <>
            <TableScroll minWidth={980} label={t('history.revisions')}>
              <Table striped withTableBorder data-testid="revisions-table">
                <Table.Caption>{t('history.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('history.number')}</Table.Th>
                    <Table.Th scope="col">{t('history.who')}</Table.Th>
                    <Table.Th scope="col">{t('history.when')}</Table.Th>
                    <Table.Th scope="col">{t('history.note')}</Table.Th>
                    <Table.Th scope="col">{t('history.hash')}</Table.Th>
                    <Table.Th scope="col">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {revisions.map((r) => (
                    <Table.Tr key={r.id} data-testid={`revision-${r.number}`}>
                      <Table.Td>
                        <Text fw={600}>{r.number}</Text>
                        <Group gap={4} mt={2}>
                          {r.id === h?.workingRevisionId && (
                            <Badge size="sm" variant="light" color="blue">
                              {t('history.working')}
                            </Badge>
                          )}
                          {r.id === h?.publishedRevisionId && (
                            <Badge size="sm" variant="filled" color="green">
                              {t('history.published')}
                            </Badge>
                          )}
                          {r.id === h?.lastApprovedRevisionId && (
                            <Badge size="sm" variant="light" color="teal">
                              {t('history.lastApproved')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{r.createdBy}</Table.Td>
                      <Table.Td className="nowrap">{formatDateTime(r.createdAt)}</Table.Td>
                      <Table.Td miw={160}>{revisionNote(t, r.note) || '—'}</Table.Td>
                      <Table.Td maw={240}>
                        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                          {r.hash}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {v.canEdit && r.id !== h?.workingRevisionId ? (
                          <ConfirmButton
                            size="xs"
                            variant="default"
                            message={t('history.restoreConfirm', { n: r.number })}
                            confirmLabel={t('history.restore')}
                            aria-label={t('history.restoreN', { n: r.number })}
                            onConfirm={() => restore(r.id, r.number)}
                          >
                            {t('history.restore')}
                          </ConfirmButton>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>

            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('history.compare')}
              </Title>
              {revisions.length < 2 ? (
                <Text c="dimmed">{t('history.onlyOne')}</Text>
              ) : (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} maw={900}>
                    <Select label={t('history.from')} data={options} value={from} onChange={setFrom} allowDeselect={false} data-testid="diff-from" />
                    <Select label={t('history.to')} data={options} value={to} onChange={setTo} allowDeselect={false} data-testid="diff-to" />
                  </SimpleGrid>
                  <ErrorAlert error={diff.error} />
                  {from && to && from === to ? (
                    <Text c="dimmed">{t('history.sameRevision')}</Text>
                  ) : diff.isFetching && !diff.data ? (
                    <Loading />
                  ) : diff.data ? (
                    <Paper p={0} bg="transparent">
                      <DiffView fields={diff.data.fields} topics={topics.data?.items} />
                    </Paper>
                  ) : null}
                </>
              )}
            </Stack>

            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('appraisal.history')}
              </Title>
              <AppraisalList appraisals={h?.appraisals ?? []} revisions={h?.revisions} />
            </Stack>
            <Text size="sm">
              <Anchor component={Link} to={`/items/${v.id}`} underline="always">
                {t('history.backToEditor')}
              </Anchor>
            </Text>
          </>
        )}
      </Stack>
    </>
  );
}
