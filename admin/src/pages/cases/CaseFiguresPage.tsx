// Cases dashboard: per agency, notifications answered on time, late, overdue and pending, the
// on-time rate and the average response time over a period (from /cases/figures, per local
// quarter, summed here); and the cases with an overdue deadline now.
import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DateField, isDateValue } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { CaseStatusBadge, DeadlineBadge } from './CaseBadges';
import { useCases, useFigures, type Figures } from '../../api/cases';
import { hueToday, useAgencyNames } from './types';

interface Row {
  agencyId: string;
  opened: number;
  notified: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  hours: number;
  answered: number;
}

/** Quarters summed per agency; the average response time weighted by the answers. */
export function sumFigures(items: Figures['items']): Row[] {
  const by = new Map<string, Row>();
  for (const f of items) {
    const r = by.get(f.agencyId) ?? { agencyId: f.agencyId, opened: 0, notified: 0, onTime: 0, late: 0, overdue: 0, pending: 0, hours: 0, answered: 0 };
    r.opened += f.opened;
    r.notified += f.notified;
    r.onTime += f.answeredOnTime;
    r.late += f.answeredLate;
    r.overdue += f.overdue;
    r.pending += f.pending;
    const n = f.answeredOnTime + f.answeredLate;
    if (f.averageResponseHours !== null && n) {
      r.hours += f.averageResponseHours * n;
      r.answered += n;
    }
    by.set(f.agencyId, r);
  }
  return [...by.values()].filter((r) => r.notified > 0 || r.opened > 0);
}

/** On time among the notifications that were due (answered, or overdue). */
export const onTimeRate = (r: Pick<Row, 'onTime' | 'late' | 'overdue'>) => {
  const due = r.onTime + r.late + r.overdue;
  return due ? Math.round((100 * r.onTime) / due) : null;
};

export function CaseFiguresPage() {
  const { t, lang } = useI18n();
  const today = hueToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const figures = useFigures(from, to, isDateValue(from) && isDateValue(to) && !!from && !!to && from <= to);
  const names = useAgencyNames();
  const overdue = useCases({ overdue: true, limit: 50 });
  const rows = sumFigures(figures.data?.items ?? []).sort((a, b) => (onTimeRate(a) ?? 101) - (onTimeRate(b) ?? 101));
  const hours = (h: number) =>
    h < 48
      ? t('cases.hoursN', { n: Math.round(h) })
      : t('cases.daysN', { n: (h / 24).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }) });
  return (
    <>
      <PageHeader title={t('cases.figuresTitle')} intro={t('cases.figuresIntro')} />
      <Stack gap="xl">
        <Paper withBorder p="md" component="section" aria-labelledby="overdue-title">
          <Title order={2} size="h4" id="overdue-title" mb="sm">
            {t('cases.overdueNow')} {overdue.data ? `(${overdue.data.total})` : ''}
          </Title>
          <ErrorAlert error={overdue.error} />
          {overdue.isPending ? (
            <Loading />
          ) : !overdue.data?.items.length ? (
            <Text size="sm">{t('cases.noOverdue')}</Text>
          ) : (
            <Stack gap="xs" data-testid="overdue-cases">
              {overdue.data.items.map((c) => (
                <Group key={c.id} gap="sm" wrap="wrap" align="flex-start">
                  <Text size="sm" ff="monospace">
                    {c.reference}
                  </Text>
                  <Anchor component={Link} to={`/cases/${c.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere', flex: '1 1 14rem' }}>
                    {c.title}
                  </Anchor>
                  <CaseStatusBadge status={c.status} />
                  <Stack gap={2}>
                    {c.agencies
                      .filter((a) => a.overdue)
                      .map((a) => (
                        <Group key={a.agencyId} gap={6} wrap="wrap">
                          <Text size="sm">{names.name(a.agencyId)}</Text>
                          <DeadlineBadge d={a} showDate={false} />
                        </Group>
                      ))}
                  </Stack>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="rate-title">
          <Title order={2} size="h4" id="rate-title" mb="sm">
            {t('cases.onTimeRateTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} maw={520} mb="md">
            <DateField label={t('cases.from')} value={from} onChange={setFrom} />
            <DateField label={t('cases.to')} value={to} onChange={setTo} />
          </SimpleGrid>
          <ErrorAlert error={figures.error ?? names.error} />
          {figures.isLoading ? (
            <Loading />
          ) : rows.length === 0 ? (
            <Text size="sm">{t('cases.noFigures')}</Text>
          ) : (
            <TableScroll minWidth={820} label={t('cases.onTimeRateTitle')}>
              <Table striped verticalSpacing="xs" data-testid="figures-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cases.agency')}</Table.Th>
                    <Table.Th>{t('cases.onTimeRate')}</Table.Th>
                    <Table.Th ta="right">{t('cases.fig.notified')}</Table.Th>
                    <Table.Th ta="right">{t('cases.fig.onTime')}</Table.Th>
                    <Table.Th ta="right">{t('cases.fig.late')}</Table.Th>
                    <Table.Th ta="right">{t('cases.fig.overdue')}</Table.Th>
                    <Table.Th ta="right">{t('cases.fig.pending')}</Table.Th>
                    <Table.Th ta="right">{t('cases.fig.avg')}</Table.Th>
                    <Table.Th ta="right">{t('cases.fig.opened')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => {
                    const rate = onTimeRate(r);
                    return (
                      <Table.Tr key={r.agencyId} data-testid="figures-row">
                        <Table.Td>{names.name(r.agencyId)}</Table.Td>
                        <Table.Td miw={140}>
                          {rate === null ? (
                            '—'
                          ) : (
                            <Group gap={6} wrap="nowrap">
                              <Progress value={rate} color={rate >= 90 ? 'green' : rate >= 60 ? 'yellow' : 'red'} w={70} aria-hidden />
                              <Text size="sm" fw={600}>
                                {rate}%
                              </Text>
                            </Group>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">{r.notified}</Table.Td>
                        <Table.Td ta="right">{r.onTime}</Table.Td>
                        <Table.Td ta="right">{r.late}</Table.Td>
                        <Table.Td ta="right" c={r.overdue ? 'red.8' : undefined} fw={r.overdue ? 700 : undefined}>
                          {r.overdue}
                        </Table.Td>
                        <Table.Td ta="right">{r.pending}</Table.Td>
                        <Table.Td ta="right">{r.answered ? hours(r.hours / r.answered) : '—'}</Table.Td>
                        <Table.Td ta="right">{r.opened}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Paper>
      </Stack>
    </>
  );
}

/** The home page's card: cases overdue now and (for an agency) what it owes, with links. */
export function CasesHomeCard() {
  const { t } = useI18n();
  const overdue = useCases({ overdue: true, limit: 1 });
  const pending = useCases({ pending: true, limit: 1 });
  if (overdue.error || pending.error) return null;
  return (
    <Paper withBorder p="lg" data-testid="cases-card" mb="xl">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('cases.title')}
          </Title>
          <Group gap="xl">
            <Anchor component={Link} to="/cases?overdue=true" c={overdue.data?.total ? 'red.8' : undefined}>
              <Text span fz={28} fw={700} lh={1.2} c="inherit">
                {overdue.data?.total ?? '…'}
              </Text>{' '}
              <Text span size="sm" c="inherit">
                {t('cases.cardOverdue')}
              </Text>
            </Anchor>
            <Anchor component={Link} to="/cases">
              <Text span fz={28} fw={700} lh={1.2} c="inherit">
                {pending.data?.total ?? '…'}
              </Text>{' '}
              <Text span size="sm" c="inherit">
                {t('cases.cardPending')}
              </Text>
            </Anchor>
          </Group>
        </Stack>
        <Anchor component={Link} to="/cases/figures" size="sm">
          {t('cases.figures')}
        </Anchor>
      </Group>
    </Paper>
  );
}
