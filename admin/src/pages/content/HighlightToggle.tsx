// "Highlight on the portal" on an item, for appraisers: adds the item at the end of the portal's
// highlights or takes it out (the whole list is written again, as the server keeps it). Shown when
// the item has a public published version, or is highlighted already.
import { Anchor, Divider, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { WorkingVersion } from '../../api/content';
import { MAX_HIGHLIGHTS, useSaveHighlights, useHighlights } from '../../api/highlights';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { notifySuccess } from '../../lib/notify';

export function HighlightToggle({ version: v }: { version: WorkingVersion }) {
  const { t, lang } = useI18n();
  const saveHighlights = useSaveHighlights();
  const highlights = useHighlights(lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = highlights.data?.itemIds;
  if (!ids) return null;
  const on = ids.includes(v.itemId);
  // What the server asks: some version published (its working copy is the published one) and public.
  const eligible = v.versions.some((x) => x.state === 'published') && v.metadata.visibility === 'public';
  if (!on && !eligible) return null;
  const full = !on && ids.length >= MAX_HIGHLIGHTS;

  const toggle = async (next: boolean) => {
    setBusy(true);
    setError(null);
    try {
      // The list as it is now: someone may have changed it since this page was opened.
      const fresh = (await highlights.refetch({ throwOnError: true })).data?.itemIds ?? ids;
      const others = fresh.filter((id) => id !== v.itemId);
      await saveHighlights(next ? [...others, v.itemId] : others);
      notifySuccess(t(next ? 'highlights.toggleOn' : 'highlights.toggleOff'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={6} data-testid="highlight-toggle">
      <Divider mb={4} />
      <Switch
        label={t('highlights.toggle')}
        description={
          on
            ? t('highlights.toggleOnHint', { n: ids.indexOf(v.itemId) + 1, total: ids.length })
            : full
              ? t('highlights.toggleFull', { max: MAX_HIGHLIGHTS })
              : t('highlights.toggleHint')
        }
        checked={on}
        disabled={busy || full}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      <ErrorAlert error={error} />
      <Anchor component={Link} to="/highlights" size="sm">
        {t('highlights.manage')}
      </Anchor>
    </Stack>
  );
}
