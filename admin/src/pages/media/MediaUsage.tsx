// Where a file is used (the items whose working or published version shows it) and how often its
// original was downloaded, per day and account.
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useAgencies } from '../../api/agencies';
import { useUser } from '../../api/users';
import { useMediaDownloads, useMediaUsage } from '../../api/media';
import { LanguageBadge, VersionBadges } from '../../components/ContentBadges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { agencyName } from '../../lib/labels';
import { formatBytes } from '../../lib/media';

export function MediaUsageList({ mediaId }: { mediaId: string }) {
  const { t } = useI18n();
  const usage = useMediaUsage(mediaId);
  if (usage.isPending) return <Loading />;
  if (usage.error) return <ErrorAlert error={usage.error} onRetry={() => void usage.refetch()} />;
  const items = usage.data.items;
  if (items.length === 0) return <Text size="sm">{t('media.usage.none')}</Text>;
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="media-usage">
      {items.map((u) => (
        <Group component="li" key={u.versionId} gap="xs" wrap="wrap">
          <LanguageBadge code={u.language} />
          <Anchor component={Link} to={`/items/${u.versionId}`} size="sm" fw={600}>
            {u.title || t('items.untitled')}
          </Anchor>
          <VersionBadges state={u.state} online={u.online} />
        </Group>
      ))}
    </Stack>
  );
}

export function MediaDownloads({ mediaId }: { mediaId: string }) {
  const { t, lang, formatDate } = useI18n();
  const downloads = useMediaDownloads(mediaId);
  const agencyList = useAgencies({ includeArchived: true });
  const agencies = new Map((agencyList.data?.items ?? []).map((a) => [a.id, agencyName(a, lang)]));
  if (downloads.isPending) return <Loading />;
  if (downloads.error) return <ErrorAlert error={downloads.error} onRetry={() => void downloads.refetch()} />;
  const items = downloads.data.items;
  if (items.length === 0) return <Text size="sm">{t('media.downloads.none')}</Text>;
  return (
    <TableScroll minWidth={480} label={t('media.downloads.title')}>
      <Table striped withTableBorder data-testid="media-downloads">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('media.downloads.day')}</Table.Th>
            <Table.Th scope="col">{t('media.downloads.who')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('media.downloads.count')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('media.downloads.bytes')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={`${d.day}-${d.principal}`}>
              <Table.Td className="nowrap">{formatDate(`${d.day}T12:00:00+07:00`)}</Table.Td>
              <Table.Td>
                <Principal principal={d.principal} />
                {d.principalAgencyId && agencies.get(d.principalAgencyId) && (
                  <Text size="xs" c="dimmed">
                    {agencies.get(d.principalAgencyId)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{d.count}</Table.Td>
              <Table.Td ta="right" className="nowrap">
                {formatBytes(lang, d.bytes)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** "user:<id>" as the person's name, "client:<id>" as an API client, "anonymous" in words. */
function Principal({ principal }: { principal: string }) {
  const { t } = useI18n();
  const [kind, id] = principal.split(':');
  const user = useUser(kind === 'user' ? id : undefined);
  if (principal === 'anonymous') return <>{t('media.downloads.anonymous')}</>;
  if (kind === 'user')
    return (
      <Anchor component={Link} to={`/users/${id}`} size="sm">
        {user.data?.displayName ?? id?.slice(0, 8)}
      </Anchor>
    );
  if (kind === 'client') return <>{t('media.downloads.client', { id: id?.slice(0, 8) ?? '' })}</>;
  return <>{principal}</>;
}
