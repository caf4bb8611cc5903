// The audit log (admins, IOC security): filters, newest first, "load more" by cursor; chain check.
import { Alert, Anchor, Badge, Button, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuditPages, useAuditVerify } from '../api/reports';
import { useAgencies } from '../api/agencies';
import { useUsers } from '../api/users';
import { DateField, isDateValue } from '../components/DateInput';
import { TableScroll } from '../components/TableScroll';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { endOfDayInHue, startOfDayInHue, useI18n, type MessageKey, type TFunction } from '../i18n';
import { vi } from '../i18n/vi';
import { agencyName } from '../lib/labels';

const PAGE = 50;
/** Entries of an event's data shown before "show all". */
const DATA_PREVIEW = 4;

/** An action code in words (the code itself when it has no label yet). */
export function auditActionLabel(t: TFunction, action: string): string {
  const key = `auditAction.${action}`;
  return key in vi ? t(key as MessageKey) : action;
}

function dataValue(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'reason' && typeof value === 'string' && `audit.reason.${value}` in vi) return t(`audit.reason.${value}` as MessageKey);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ');
  return JSON.stringify(value, null, 1).replace(/\s*\n\s*/g, ' ');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects as dotted keys ("contact.website"); a before/after pair as "key: old → new" for what changed. */
function flattenData(t: TFunction, data: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const walk = (prefix: string, v: unknown) => {
    if (isRecord(v) && Object.keys(v).length > 0) for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    else if (prefix) out.push([prefix, dataValue(t, prefix.split('.').pop() ?? prefix, v)]);
  };
  const { before, after, ...rest } = data;
  if (isRecord(before) && isRecord(after)) {
    const flat = (o: Record<string, unknown>) => {
      const saved = out.length;
      walk('', o);
      return new Map(out.splice(saved));
    };
    const b = flat(before);
    const a = flat(after);
    for (const k of new Set([...b.keys(), ...a.keys()])) {
      if (k === 'version' || k === 'updatedAt' || b.get(k) === a.get(k)) continue;
      out.push([k, `${b.get(k) ?? '—'} → ${a.get(k) ?? '—'}`]);
    }
    walk('', rest);
  } else if (isRecord(after) && before === undefined) {
    // A creation: the new record's fields, then the rest.
    walk('', after);
    walk('', rest);
  } else {
    walk('', data);
  }
  return out;
}

/** An event's data as "key: value" lines that wrap, the long tail behind a disclosure. */
function AuditData({ data }: { data: Record<string, unknown> }) {
  const { t } = useI18n();
  const entries = flattenData(t, data);
  if (entries.length === 0) return <>—</>;
  const line = ([k, v]: [string, string]) => (
    <div key={k} style={{ overflowWrap: 'anywhere' }}>
      <Text span size="xs" fw={600}>
        {k}:
      </Text>{' '}
      <Text span size="xs">
        {v}
      </Text>
    </div>
  );
  if (entries.length <= DATA_PREVIEW + 1) return <div>{entries.map(line)}</div>;
  return (
    <div>
      {entries.slice(0, DATA_PREVIEW).map(line)}
      <details>
        <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>{t('audit.showAll', { count: entries.length })}</summary>
        {entries.slice(DATA_PREVIEW).map(line)}
      </details>
    </div>
  );
}

export function AuditVerify() {
  const { t } = useI18n();
  const verify = useAuditVerify();
  const r = verify.data;
  return (
    <Stack gap="sm">
      <Group>
        <Button
          leftSection={<IconShieldCheck size={18} aria-hidden />}
          onClick={() => verify.mutate()}
          loading={verify.isPending}
          variant="default"
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={verify.error} />
      {r && (
        <Alert color={r.ok ? 'green' : 'red'} variant="light" role="status" data-testid="audit-verify-result">
          <Text size="sm" fw={600}>
            {r.ok
              ? t('audit.verifyOk', { checked: r.checked })
              : t('audit.verifyBroken', { seq: r.brokenAt ?? '?', reason: r.reason ?? '', checked: r.checked })}
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
    targetId: params.get('targetId') ?? '',
  };
  const [draft, setDraft] = useState(filters);
  const agencies = useAgencies({ includeArchived: true });
  const agencyById = new Map((agencies.data?.items ?? []).map((a) => [a.id, a]));
  const users = useUsers();
  const actorOptions = [
    { value: '', label: t('audit.actorAny') },
    ...(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
  ];
  // An actor taken from the address who is not in the list (e.g. a deleted account) stays selectable.
  if (draft.actorId && !actorOptions.some((o) => o.value === draft.actorId)) actorOptions.push({ value: draft.actorId, label: draft.actorId });

  const query = {
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    agencyId: filters.agencyId || undefined,
    outcome: (filters.outcome || undefined) as 'success' | 'failure' | undefined,
    from: filters.from ? (startOfDayInHue(filters.from) ?? undefined) : undefined,
    to: filters.to ? (endOfDayInHue(filters.to) ?? undefined) : undefined,
    targetId: filters.targetId || undefined,
    limit: PAGE,
  };
  const events = useAuditPages(query);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!isDateValue(draft.from) || !isDateValue(draft.to)) return;
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
            <Select
              label={t('audit.actor')}
              data={actorOptions}
              value={draft.actorId}
              onChange={(v) => setDraft({ ...draft, actorId: v ?? '' })}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common.empty')}
            />
            <DateField label={t('audit.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} />
            <DateField label={t('audit.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit">{t('common.filter')}</Button>
          </Group>
        </form>
        {filters.targetId && (
          <Alert color="ttdn" variant="light" role="status">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('audit.targetFilter', { id: filters.targetId })}{' '}
              <Anchor
                component={Link}
                to={{ search: new URLSearchParams(Object.entries({ ...filters, targetId: '' }).filter(([, v]) => v)).toString() }}
                onClick={() => setDraft({ ...draft, targetId: '' })}
              >
                {t('audit.clearTarget')}
              </Anchor>
            </Text>
          </Alert>
        )}
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
                  return (
                    <Table.Tr key={e.seq}>
                      <Table.Td>{e.seq}</Table.Td>
                      <Table.Td className="nowrap">{formatDateTime(e.occurredAt)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {auditActionLabel(t, e.action)}
                        </Text>
                        <Code fz="xs">{e.action}</Code>
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
                        <AuditData data={e.data} />
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
