// Freshness per agency (Art. 6.7, 8.2): last update, stale flag, versions by state, missing
// translations per language (each opens the list of items lacking it), incomplete drafts; and
// the health of scheduled publishing.
import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFreshness, useMissingTranslations, useScheduling } from '../../api/reports';
import { useAgencies } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { languageName, STATES, stateColor, stateLabel } from '../../lib/content';
import { agencyName } from '../../lib/labels';

export function FreshnessPage() {
  const { t, lang, formatDateTime } = useI18n();
  const { seesAllAgencies } = useMe();
  const fresh = useFreshness();
  const agencies = useAgencies({ includeArchived: true });
  const byId = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));
  const [missing, setMissing] = useState<{ agencyId: string; language: string } | null>(null);
  const rows = [...(fresh.data?.items ?? [])].sort((a, b) => Number(b.stale) - Number(a.stale) || (b.daysSinceUpdate ?? 1e9) - (a.daysSinceUpdate ?? 1e9));

  return (
    <>
      <PageHeader title={t('fresh.title')} intro={fresh.data ? t('fresh.intro', { days: fresh.data.staleAfterDays }) : undefined} />
      <Stack gap="xl">
        <SchedulingHealth />
        <Stack gap="sm">
          <Title order={2} size="h3">
            {seesAllAgencies ? t('fresh.agencies') : t('fresh.yourAgency')}
          </Title>
          <ErrorAlert error={fresh.error} onRetry={() => void fresh.refetch()} />
          {fresh.isPending ? (
            <Loading />
          ) : rows.length === 0 ? (
            <Text>{t('common.empty')}</Text>
          ) : (
            <TableScroll minWidth={1100} label={t('fresh.title')}>
              <Table striped withTableBorder verticalSpacing="sm" data-testid="freshness-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('items.agency')}</Table.Th>
                    <Table.Th scope="col">{t('fresh.lastUpdate')}</Table.Th>
                    <Table.Th scope="col">{t('fresh.byState')}</Table.Th>
                    <Table.Th scope="col">{t('fresh.online')}</Table.Th>
                    <Table.Th scope="col">{t('fresh.missing')}</Table.Th>
                    <Table.Th scope="col">{t('fresh.incomplete')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => {
                    const a = byId.get(r.agencyId);
                    const name = a ? agencyName(a, lang) : r.agencyId;
                    const missingLangs = Object.entries(r.missingTranslations);
                    return (
                      <Table.Tr key={r.agencyId} data-testid={`fresh-${r.agencyId}`}>
                        <Table.Td miw={200}>
                          <Text size="sm" fw={600}>
                            {name}
                          </Text>
                          {r.stale && (
                            <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} mt={4}>
                              {t('fresh.stale')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td miw={150}>
                          {r.lastUpdateAt ? (
                            <>
                              <Text size="sm">{r.daysSinceUpdate ? t('fresh.daysAgo', { n: r.daysSinceUpdate }) : t('fresh.today')}</Text>
                              <Text size="xs" c="dimmed">
                                {formatDateTime(r.lastUpdateAt)}
                              </Text>
                            </>
                          ) : (
                            <Text size="sm">{t('fresh.never')}</Text>
                          )}
                        </Table.Td>
                        <Table.Td miw={260}>
                          <Group gap={4}>
                            {STATES.filter((s) => (r.byState[s] ?? 0) > 0).map((s) => (
                              <Badge key={s} color={stateColor(s)} variant="light">
                                {stateLabel(t, s)}: {r.byState[s]}
                              </Badge>
                            ))}
                            {STATES.every((s) => !r.byState[s]) && <Text size="sm">—</Text>}
                          </Group>
                        </Table.Td>
                        <Table.Td>{r.online}</Table.Td>
                        <Table.Td miw={260}>
                          <Group gap={4}>
                            {missingLangs.map(([l, n]) =>
                              n > 0 ? (
                                <Button
                                  key={l}
                                  size="compact-xs"
                                  variant="light"
                                  color="orange"
                                  onClick={() => setMissing({ agencyId: r.agencyId, language: l })}
                                  aria-label={`${l.toUpperCase()}: ${n} — ${t('fresh.missingN', { n, language: languageName(t, l), agency: name })}`}
                                >
                                  {l.toUpperCase()}: {n}
                                </Button>
                              ) : (
                                <Badge key={l} color="gray" variant="outline" title={languageName(t, l)}>
                                  {l.toUpperCase()}: 0
                                </Badge>
                              ),
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {r.incompleteDrafts > 0 ? (
                            <Anchor component={Link} to={`/items?state=draft${seesAllAgencies ? `&agencyId=${r.agencyId}` : ''}`} size="sm">
                              {r.incompleteDrafts}
                            </Anchor>
                          ) : (
                            0
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Stack>
      </Stack>
      <Modal
        opened={!!missing}
        onClose={() => setMissing(null)}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={missing ? t('fresh.missingTitle', { language: languageName(t, missing.language) }) : ''}
      >
        {missing && <MissingTranslations agencyId={missing.agencyId} language={missing.language} />}
      </Modal>
    </>
  );
}

function MissingTranslations({ agencyId, language }: { agencyId: string; language: string }) {
  const { t, formatDate } = useI18n();
  const list = useMissingTranslations(agencyId, language);
  if (list.isPending) return <Loading />;
  if (!list.data) return <ErrorAlert error={list.error} />;
  if (list.data.items.length === 0) return <Text>{t('common.empty')}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('fresh.missingIntro', { language: languageName(t, language) })}</Text>
      <List spacing={6}>
        {list.data.items.map((r) => (
          <List.Item key={r.id}>
            <Anchor component={Link} to={`/items/${r.id}`} underline="always">
              {r.title}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {' '}
              · {formatDate(r.publishedAt)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function SchedulingHealth() {
  const { t, formatDateTime } = useI18n();
  const s = useScheduling();
  const d = s.data;
  const ok = d && !d.overdue && !d.lastError;
  return (
    <Paper withBorder p="md" data-testid="scheduling-health">
      <Group gap="xs" mb="sm">
        {d &&
          (ok ? (
            <IconCircleCheck size={20} color="var(--mantine-color-green-9)" aria-hidden />
          ) : (
            <IconAlertTriangle size={20} color="var(--mantine-color-red-9)" aria-hidden />
          ))}
        <Title order={2} size="h3">
          {t('sched.title')}
        </Title>
      </Group>
      <ErrorAlert error={s.error} />
      {s.isPending ? (
        <Loading />
      ) : d ? (
        <Stack gap="sm">
          {d.overdue && (
            <Alert color="red" variant="light" role="alert" title={t('sched.overdue')}>
              {t('sched.overdueHelp')}
            </Alert>
          )}
          {d.lastError && (
            <Alert color="red" variant="light" title={t('sched.lastError')}>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>
                {d.lastError}
              </Text>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('sched.lastRun')}
              </Text>
              <Text size="sm">{d.lastRunAt ? formatDateTime(d.lastRunAt) : t('common.never')}</Text>
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('sched.lastOk')}
              </Text>
              <Text size="sm">{d.lastOkAt ? formatDateTime(d.lastOkAt) : t('common.never')}</Text>
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('sched.nextDue')}
              </Text>
              <Text size="sm">{d.nextScheduledAt ? formatDateTime(d.nextScheduledAt) : t('sched.nothingScheduled')}</Text>
            </div>
          </SimpleGrid>
          {ok && (
            <Text size="sm" c="#1a5c2a">
              {t('sched.ok')}
            </Text>
          )}
        </Stack>
      ) : null}
    </Paper>
  );
}
