// The audit log (admins, IOC security): filters, newest first, "load more" by cursor; chain check.
import { Alert, Badge, Button, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { useAgencies } from '../api/hooks';
import { TableScroll } from '../components/TableScroll';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { endOfDayInHue, startOfDayInHue, useI18n } from '../i18n';
import { agencyName } from '../lib/labels';

const PAGE = 50;

export function AuditVerify() {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: () => call(api.GET('/api/v1/audit-events/verify')) });
  const r = verify.data;
  return (
    <Stack gap="sm">
      <Group>
        <Button leftSection={<IconShieldCheck size={18} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending} variant="default" data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={verify.error} />
      {r && (
        <Alert color={r.ok ? 'green' : 'red'} variant="light" role="status" data-testid="audit-verify-result">
          <Text size="sm" fw={600}>
            {r.ok ? t('audit.verifyOk', { checked: r.checked }) : t('audit.verifyBroken', { seq: r.brokenAt ?? '?', reason: r.reason ?? '', checked: r.checked })}
          </Text>
          {r.head && (
            <Text size="xs" mt={4} style={{ wordBreak: 'break-all' }}>
              {t('audit.head')}: <Code>{r.head}</Code>
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const { t, lang, formatDateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = {
    action: params.get('action') ?? '',
    actorId: params.get('actorId') ?? '',
    agencyId: params.get('agencyId') ?? '',
    outcome: params.get('outcome') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const [draft, setDraft] = useState(filters);
  const agencies = useAgencies({ includeArchived: true });
  const agencyById = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));

  const query = {
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    agencyId: filters.agencyId || undefined,
    outcome: (filters.outcome || undefined) as 'success' | 'failure' | undefined,
    from: filters.from ? (startOfDayInHue(filters.from) ?? undefined) : undefined,
    to: filters.to ? (endOfDayInHue(filters.to) ?? undefined) : undefined,
    limit: PAGE,
  };
  const events = useInfiniteQuery({
    queryKey: ['audit', query],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/audit-events', { params: { query: { ...query, before: pageParam } } })),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setParams(next);
  };
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Stack gap="lg">
        <AuditVerify />
        <form onSubmit={apply} aria-label={t('common.filter')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput label={t('audit.action')} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} maxLength={100} />
            <Select
              label={t('audit.outcome')}
              data={[
                { value: '', label: t('common.all') },
                { value: 'success', label: t('audit.success') },
                { value: 'failure', label: t('audit.failure') },
              ]}
              value={draft.outcome}
              onChange={(v) => setDraft({ ...draft, outcome: v ?? '' })}
              allowDeselect={false}
            />
            <Select
              label={t('audit.agency')}
              data={[{ value: '', label: t('common.all') }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: agencyName(a, lang) }))]}
              value={draft.agencyId}
              onChange={(v) => setDraft({ ...draft, agencyId: v ?? '' })}
              searchable
              allowDeselect={false}
            />
            <TextInput label={t('audit.actor')} value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.currentTarget.value })} maxLength={100} />
            <TextInput type="date" label={t('audit.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
            <TextInput type="date" label={t('audit.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit">{t('common.filter')}</Button>
          </Group>
        </form>
        <ErrorAlert error={events.error} />
        {events.isPending ? (
          <Loading />
        ) : items.length === 0 ? (
          <Text>{t('common.empty')}</Text>
        ) : (
          <TableScroll minWidth={1000} label={t('audit.title')}>
            <Table striped withTableBorder verticalSpacing="xs" data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">{t('audit.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actionCol')}</Table.Th>
                  <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actorCol')}</Table.Th>
                  <Table.Th scope="col">{t('audit.agency')}</Table.Th>
                  <Table.Th scope="col">{t('audit.data')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => {
                  const agency = e.agencyId ? agencyById.get(e.agencyId) : undefined;
                  const data = Object.keys(e.data).length ? JSON.stringify(e.data) : '';
                  return (
                    <Table.Tr key={e.seq}>
                      <Table.Td>{e.seq}</Table.Td>
                      <Table.Td className="nowrap">{formatDateTime(e.occurredAt)}</Table.Td>
                      <Table.Td>
                        <Code>{e.action}</Code>
                        {e.targetType && (
                          <Text size="xs" c="dimmed">
                            {e.targetType}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={e.outcome === 'success' ? 'green' : 'red'} variant="light">
                          {e.outcome === 'success' ? t('audit.success') : t('audit.failure')}
                        </Badge>
                      </Table.Td>
                      <Table.Td miw={140}>
                        <Text size="sm" style={{ wordBreak: 'break-word' }}>
                          {e.actorLabel}
                        </Text>
                        {e.ip && (
                          <Text size="xs" c="dimmed">
                            {e.ip}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td miw={160}>{agency ? agencyName(agency, lang) : '—'}</Table.Td>
                      <Table.Td miw={240} maw={420}>
                        {data ? (
                          <Text size="xs" ff="monospace" lineClamp={3} style={{ wordBreak: 'break-all' }}>
                            {data}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {events.hasNextPage && (
          <Group justify="center">
            <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
