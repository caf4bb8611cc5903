// Active sessions: your own, or everyone's for admins and IOC security. Admins end anyone's.
import { Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../api/client';
import { useRevokeSession, useSessions } from '../api/sessions';
import { useMe } from '../auth/session';
import { TableScroll } from '../components/TableScroll';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n';

const BROWSERS: [string, RegExp][] = [
  ['Edge', /Edg\/(\d+)/],
  ['Firefox', /Firefox\/(\d+)/],
  ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
  ['Safari', /Version\/(\d+).*Safari/],
];

/** "Chrome 131 · Linux" from a User-Agent string; the raw string is too long to read. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return '—';
  let browser = ua.split(' ')[0];
  for (const [name, re] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = `${name} ${m[1]}`;
      break;
    }
  }
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} · ${os}` : browser;
}

export function SessionsPage() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const canSeeAll = me.isAdmin || me.isSecurity;
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const all = canSeeAll && scope === 'all';
  const sessions = useSessions(all);
  const revoke = useRevokeSession({ success: t('sessions.revoked') });
  const canRevoke = (s: Session) => !s.current && (me.isAdmin || s.userId === me.user.id);

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        actions={
          canSeeAll && (
            <SegmentedControl
              aria-label={t('sessions.title')}
              value={scope}
              onChange={(v) => setScope(v as 'mine' | 'all')}
              data={[
                { value: 'mine', label: t('sessions.mine') },
                { value: 'all', label: t('sessions.everyone') },
              ]}
            />
          )
        }
      />
      <ErrorAlert error={sessions.error ?? revoke.error} />
      {sessions.isPending ? (
        <Loading />
      ) : sessions.data && sessions.data.items.length === 0 ? (
        <Text>{t('common.empty')}</Text>
      ) : (
        <TableScroll minWidth={820} label={t('sessions.title')}>
          <Table striped withTableBorder data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                {all && <Table.Th scope="col">{t('sessions.user')}</Table.Th>}
                <Table.Th scope="col">{t('sessions.device')}</Table.Th>
                <Table.Th scope="col">{t('sessions.ip')}</Table.Th>
                <Table.Th scope="col">{t('sessions.started')}</Table.Th>
                <Table.Th scope="col">{t('sessions.lastSeen')}</Table.Th>
                <Table.Th scope="col">{t('sessions.expires')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data?.items.map((s) => (
                <Table.Tr key={s.id}>
                  {all && <Table.Td>{s.username ?? '—'}</Table.Td>}
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">{describeUserAgent(s.userAgent)}</Text>
                      {s.current && (
                        <Badge color="green" variant="light">
                          {t('sessions.current')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(s.createdAt)}</Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(s.idleExpiresAt < s.expiresAt ? s.idleExpiresAt : s.expiresAt)}</Table.Td>
                  <Table.Td>
                    {canRevoke(s) && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={revoke.isPending && revoke.variables === s.id}
                        onClick={() => revoke.mutate(s.id)}
                        aria-label={t('sessions.revokeLabel', { user: s.username ?? '', time: formatDateTime(s.createdAt) })}
                      >
                        {t('sessions.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
