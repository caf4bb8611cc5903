// The tables of the API usage screen: per caller (with terms-of-use acceptance), per agency, per
// day, each with its totals row; and the summary figures.
import { Badge, Code, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type Lang, type MessageKey } from '../../i18n';
import { formatBytes } from '../../lib/media';

export type UsageReport = Schemas['UsageReport'];
type Counters = Schemas['UsageCounters'];
type Principal = Schemas['PrincipalUsage'];
type AgencyUsage = Schemas['AgencyUsage'];

const COUNTERS = ['requests', 'itemReads', 'originalDownloads', 'writes', 'errors', 'rateLimited', 'bytesOut'] as const;

function useFormat() {
  const { lang } = useI18n();
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (key: (typeof COUNTERS)[number], value: number) => (key === 'bytesOut' ? formatBytes(lang, value) : n.format(value));
}

function CounterHeads() {
  const { t } = useI18n();
  return (
    <>
      {COUNTERS.map((k) => (
        <Table.Th key={k} scope="col" ta="right">
          {t(`usage.${k}` as MessageKey)}
        </Table.Th>
      ))}
    </>
  );
}

function CounterCells({ c, strong = false }: { c: Counters; strong?: boolean }) {
  const format = useFormat();
  return (
    <>
      {COUNTERS.map((k) => (
        <Table.Td key={k} ta="right" className="nowrap" fw={strong ? 700 : undefined}>
          {format(k, c[k])}
        </Table.Td>
      ))}
    </>
  );
}

export function UsageSummary({ totals }: { totals: Counters }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" data-testid="usage-summary">
      {COUNTERS.map((k) => (
        <Paper key={k} withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            {t(`usage.${k}` as MessageKey)}
          </Text>
          <Text fw={700} size="lg">
            {format(k, totals[k])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function agencyLabel(a: Pick<AgencyUsage, 'agencyId' | 'nameVi' | 'nameEn'>, lang: Lang, t: (k: MessageKey) => string): string {
  if (!a.agencyId) return t('usage.anonymous');
  return (lang === 'en' ? a.nameEn : a.nameVi) ?? t('usage.unknownAgency');
}

const KIND_COLORS = { client: 'ttdn', user: 'grape', ip: 'gray' } as const;

export function PrincipalTable({ report, agencyNames }: { report: UsageReport; agencyNames: Map<string, string> }) {
  const { t, formatDateTime } = useI18n();
  return (
    <TableScroll minWidth={960} label={t('usage.byPrincipal')}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid="usage-principals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('usage.caller')}</Table.Th>
            <Table.Th scope="col">{t('usage.agency')}</Table.Th>
            <Table.Th scope="col">{t('usage.terms')}</Table.Th>
            <CounterHeads />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.principals.map((p: Principal) => (
            <Table.Tr key={p.principal}>
              <Table.Th scope="row" fw={500} miw={200} style={{ overflowWrap: 'anywhere' }}>
                {p.name}
                <Group gap={4} mt={2}>
                  <Badge size="xs" variant="light" color={KIND_COLORS[p.kind]}>
                    {t(`usage.kind.${p.kind}` as MessageKey)}
                  </Badge>
                  {p.revoked && (
                    <Badge size="xs" variant="light" color="red">
                      {t('usage.revoked')}
                    </Badge>
                  )}
                  {p.clientKey && <Code fz="xs">{p.clientKey}</Code>}
                </Group>
              </Table.Th>
              <Table.Td miw={160}>{p.agencyId ? (agencyNames.get(p.agencyId) ?? t('usage.unknownAgency')) : t('usage.anonymous')}</Table.Td>
              <Table.Td miw={150}>
                {p.terms ? (
                  <Text size="sm">{t('usage.termsAccepted', { version: p.terms.version, date: formatDateTime(p.terms.acceptedAt) })}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('usage.termsNone')}
                  </Text>
                )}
              </Table.Td>
              <CounterCells c={p.totals} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={3}>
              {t('usage.total')}
            </Table.Th>
            <CounterCells c={report.totals} strong />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}

/** A table of counters with one row head column (an agency, a day) and the totals row. */
function CounterTable<R>(props: {
  report: UsageReport;
  label: string;
  testId: string;
  head: string;
  rows: R[];
  rowKey: (r: R) => string;
  rowHead: (r: R) => React.ReactNode;
  counters: (r: R) => Counters;
}) {
  const { t } = useI18n();
  return (
    <TableScroll minWidth={900} label={props.label}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{props.head}</Table.Th>
            <CounterHeads />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((r) => (
            <Table.Tr key={props.rowKey(r)}>
              <Table.Th scope="row" fw={500} miw={200}>
                {props.rowHead(r)}
              </Table.Th>
              <CounterCells c={props.counters(r)} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('usage.total')}</Table.Th>
            <CounterCells c={props.report.totals} strong />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}

export function AgencyTable({ report }: { report: UsageReport }) {
  const { t, lang } = useI18n();
  return (
    <CounterTable
      report={report}
      label={t('usage.byAgency')}
      testId="usage-agencies"
      head={t('usage.agency')}
      rows={report.agencies}
      rowKey={(a) => a.agencyId ?? 'anonymous'}
      rowHead={(a) => agencyLabel(a, lang, t)}
      counters={(a) => a.totals}
    />
  );
}

export function DayTable({ report }: { report: UsageReport }) {
  const { t, formatDate } = useI18n();
  return (
    <CounterTable
      report={report}
      label={t('usage.byDay')}
      testId="usage-days"
      head={t('usage.day')}
      rows={report.days}
      rowKey={(d) => d.day}
      rowHead={(d) => formatDate(`${d.day}T12:00:00+07:00`)}
      counters={(d) => d}
    />
  );
}
