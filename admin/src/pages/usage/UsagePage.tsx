// API usage (R5.2): requests, items read, originals downloaded, writes, errors and rate-limit
// refusals per caller and per agency over a range of days, with each client's terms acceptance.
// The server decides what each role sees (the DIC and IOC everyone, an agency its own).
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useUsage } from '../../api/reports';
import { useAgencies } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { DateField, isDateValue } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { AgencyTable, DayTable, PrincipalTable, UsageSummary } from './UsageTables';

const DAY_MS = 86_400_000;
/** Today in Huế (UTC+7, no daylight saving), yyyy-mm-dd. */
const hueToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function validRange(from: string, to: string): boolean {
  return isDateValue(from) && isDateValue(to) && !!from && !!to && from <= to && shift(from, 365) >= to;
}

export function UsagePage() {
  const { t, lang, formatDate } = useI18n();
  const { seesAllAgencies } = useMe();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? hueToday();
  const filters = { from: params.get('from') ?? shift(to, -29), to, agencyId: params.get('agencyId') ?? '' };
  const [draft, setDraft] = useState(filters);
  const [rangeError, setRangeError] = useState(false);
  const agencies = useAgencies({ includeArchived: true });
  const agencyNames = new Map((agencies.data?.items ?? []).map((a) => [a.id, agencyName(a, lang)]));

  const query = { from: filters.from, to: filters.to, agencyId: filters.agencyId || undefined };
  const report = useUsage(query);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!validRange(draft.from, draft.to)) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setParams(next);
  };
  const r = report.data;
  const dayLabel = (d: string) => formatDate(`${d}T12:00:00+07:00`);

  return (
    <>
      <PageHeader title={t('usage.title')} intro={t(seesAllAgencies ? 'usage.intro' : 'usage.introAgency')} />
      <Stack gap="lg">
        <form onSubmit={apply} aria-label={t('common.filter')}>
          <SimpleGrid cols={{ base: 1, sm: seesAllAgencies ? 3 : 2 }}>
            <DateField label={t('usage.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} required />
            <DateField label={t('usage.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} required />
            {seesAllAgencies && (
              <Select
                label={t('usage.agency')}
                data={[{ value: '', label: t('common.all') }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: agencyName(a, lang) }))]}
                value={draft.agencyId}
                onChange={(v) => setDraft({ ...draft, agencyId: v ?? '' })}
                searchable
                allowDeselect={false}
                nothingFoundMessage={t('common.empty')}
              />
            )}
          </SimpleGrid>
          {rangeError && (
            <Text c="red.8" size="sm" mt="xs" role="alert">
              {t('usage.rangeInvalid')}
            </Text>
          )}
          <Group mt="sm">
            <Button type="submit">{t('usage.apply')}</Button>
          </Group>
        </form>
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        {report.isPending ? (
          <Loading />
        ) : r ? (
          <>
            <section aria-labelledby="usage-summary-title">
              <Title order={2} size="h3" id="usage-summary-title" mb="xs">
                {t('usage.summary')}{' '}
                <Text span c="dimmed" size="sm" fw={400}>
                  ({t('usage.range', { from: dayLabel(r.from), to: dayLabel(r.to) })})
                </Text>
              </Title>
              <UsageSummary totals={r.totals} />
            </section>
            {r.principals.length === 0 ? (
              <Text>{t('usage.empty')}</Text>
            ) : (
              <>
                <section aria-labelledby="usage-principals-title">
                  <Title order={2} size="h3" id="usage-principals-title" mb="xs">
                    {t('usage.byPrincipal')}
                  </Title>
                  {r.truncated && (
                    <Alert color="yellow" variant="light" mb="xs">
                      {t('usage.truncated')}
                    </Alert>
                  )}
                  <PrincipalTable report={r} agencyNames={agencyNames} />
                </section>
                <section aria-labelledby="usage-agencies-title">
                  <Title order={2} size="h3" id="usage-agencies-title" mb="xs">
                    {t('usage.byAgency')}
                  </Title>
                  <AgencyTable report={r} />
                </section>
                <section aria-labelledby="usage-days-title">
                  <Title order={2} size="h3" id="usage-days-title" mb="xs">
                    {t('usage.byDay')}
                  </Title>
                  <DayTable report={r} />
                </section>
              </>
            )}
          </>
        ) : null}
      </Stack>
    </>
  );
}
