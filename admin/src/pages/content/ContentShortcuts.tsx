// On the home page of those who write or appraise: what waits for them, and shortcuts. A
// contributor's card is about their agency's items (those returned to them); an appraiser's about
// the appraisal queue of every agency, and it is titled so.
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconFiles, IconGavel, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAppraisalQueue, useItems } from '../../api/content';
import { useMe } from '../../auth/session';
import { useI18n } from '../../i18n';

export function ContentShortcuts() {
  const { t } = useI18n();
  const { role } = useMe();
  const appraiser = role === 'appraiser';
  const queue = useAppraisalQueue({ enabled: appraiser });
  const returned = useItems({ state: 'returned', limit: 50 }, { enabled: !appraiser });
  // The queue's total, not the rows of its first page.
  const n = appraiser ? queue.data?.total : returned.data?.items.length;
  const count = n === undefined ? undefined : `${n}${!appraiser && returned.data?.nextCursor ? '+' : ''}`;
  const waiting =
    count === undefined
      ? null
      : n === 0
        ? t(appraiser ? 'home.queueEmpty' : 'home.noReturned')
        : t(appraiser ? 'home.queueCount' : 'home.returnedCount', { count });
  return (
    <Card withBorder padding="lg" mb="lg" data-testid="home-content">
      <Title order={2} size="h4" mb="xs">
        {t(appraiser ? 'home.appraisal' : 'home.content')}
      </Title>
      {waiting && (
        <Text size="sm" mb="sm" data-testid="home-waiting">
          {waiting}
        </Text>
      )}
      <Group gap="sm">
        {appraiser && (
          <Button component={Link} to="/appraisal" leftSection={<IconGavel size={18} aria-hidden />}>
            {t('nav.appraisal')}
          </Button>
        )}
        <Button component={Link} to="/items/new" variant={appraiser ? 'default' : 'filled'} leftSection={<IconPlus size={18} aria-hidden />}>
          {t('items.new')}
        </Button>
        {!appraiser && !!n && (
          <Button component={Link} to="/items?state=returned" variant="light" color="red" leftSection={<IconFiles size={18} aria-hidden />}>
            {t('home.seeReturned')}
          </Button>
        )}
        <Button component={Link} to="/items" variant="default" leftSection={<IconFiles size={18} aria-hidden />}>
          {t('nav.items')}
        </Button>
      </Group>
    </Card>
  );
}
