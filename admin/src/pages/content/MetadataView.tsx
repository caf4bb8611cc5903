// The item's metadata, read-only, as the appraiser checks it (with the claim of a clarification).
import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTopics } from '../../api/topics';
import { type WorkingVersion } from '../../api/content';
import { useAgency } from '../../api/agencies';
import { useI18n } from '../../i18n';
import { documentTypeLabel, kindLabel, licenceLabel, topicName, visibilityLabel } from '../../lib/content';
import { agencyName } from '../../lib/labels';
import { ClaimView } from './ClaimView';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

export function MetadataView({ version: v, errors, headingOrder = 3 }: { version: WorkingVersion; errors?: Record<string, unknown>; headingOrder?: 3 | 4 }) {
  const { t, lang, formatDate } = useI18n();
  const topics = useTopics(true);
  const agency = useAgency(v.agencyId);
  const m = v.metadata;
  const byId = new Map((topics.data?.items ?? []).map((x) => [x.id, topicName(x, lang)]));
  const source = obj(m.source);
  const doc = obj(m.document);
  const missing = (
    <Text span c="red.9" fw={600}>
      {t('meta.missing')}
    </Text>
  );
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div data-testid={testId}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value === '' || value === null || value === undefined ? missing : value}
      </Text>
    </div>
  );
  const sourceUrl = str(source.url);
  const grid = (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="metadata-view">
      {row(t('items.agency'), agency.data ? agencyName(agency.data, lang) : '…')}
      {row(t('items.kind'), kindLabel(t, v.kind))}
      {row(t('meta.activityDate'), str(m.activityDate) ? formatDate(`${str(m.activityDate)}T12:00:00+07:00`) : '')}
      {row(t('meta.authors'), strs(m.authors).join(', '))}
      {row(
        t('meta.topics'),
        strs(m.topicIds)
          .map((id) => byId.get(id) ?? id)
          .join('; '),
      )}
      {row(t('meta.tags'), strs(m.tags).join(', '))}
      {row(t('meta.place'), str(m.place))}
      {row(
        t('meta.source'),
        source.type === 'other' ? (
          <>
            {t('meta.sourceOther')}: {str(source.name) || '—'}
            {sourceUrl && (
              <>
                {' · '}
                <Anchor href={sourceUrl} target="_blank" rel="noopener noreferrer" size="sm" underline="always" style={{ wordBreak: 'break-all' }}>
                  {sourceUrl}
                </Anchor>
              </>
            )}
          </>
        ) : source.type === 'own' ? (
          t('meta.sourceOwn')
        ) : (
          ''
        ),
      )}
      {row(t('meta.copyrightHolder'), str(m.copyrightHolder))}
      {row(t('meta.licence'), str(m.licence) ? licenceLabel(t, str(m.licence)) : '')}
      {row(t('meta.visibility'), str(m.visibility) ? visibilityLabel(t, str(m.visibility)) : '')}
      {v.kind === 'document' && (
        <>
          {row(t('doc.number'), str(doc.number))}
          {row(t('doc.documentType'), str(doc.documentType) ? documentTypeLabel(t, str(doc.documentType)) : '')}
          {row(t('doc.issuingBody'), str(doc.issuingBody))}
          {row(t('doc.signer'), str(doc.signer))}
          {row(t('doc.issueDate'), str(doc.issueDate) ? formatDate(`${str(doc.issueDate)}T12:00:00+07:00`) : '')}
          {row(t('doc.effectiveDate'), str(doc.effectiveDate) ? formatDate(`${str(doc.effectiveDate)}T12:00:00+07:00`) : '—')}
        </>
      )}
    </SimpleGrid>
  );
  if (v.kind !== 'clarification') return grid;
  // The version under review first: its statement is the one its submission needs.
  const languages = [v.language, ...v.versions.map((x) => x.language).filter((l) => l !== v.language)];
  return (
    <Stack gap="lg">
      {grid}
      <ClaimView metadata={m} languages={languages} errors={errors} headingOrder={headingOrder} />
    </Stack>
  );
}
