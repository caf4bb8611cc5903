// The fields of a language version: its text, and on the source language the item's shared
// metadata (Art. 6.2) with the document fields when the kind is "document" and the claim when it
// is "clarification". The values and their API bodies are in itemValues.ts.
import { Box, Fieldset, Group, MultiSelect, Paper, Radio, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useId } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useTopics } from '../../api/topics';
import { RichTextField } from '../../components/RichTextField';
import { useI18n } from '../../i18n';
import { documentTypeOptions, licenceOptions, topicName, VISIBILITIES } from '../../lib/content';
import { DateField } from '../../components/DateInput';
import { DocumentFileField } from './DocumentFileField';
import { ClaimFields } from './ClaimFields';
import type { ItemValues } from './itemValues';

export function TextFields({ form, lang, readOnly }: { form: UseFormReturnType<ItemValues>; lang: string; readOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <TextInput
        label={t('field.title')}
        required
        maxLength={500}
        lang={lang}
        readOnly={readOnly}
        {...form.getInputProps('text.title')}
        data-testid="field-title"
      />
      <Textarea
        label={t('field.summary')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={3000}
        lang={lang}
        readOnly={readOnly}
        {...form.getInputProps('text.summary')}
        data-testid="field-summary"
      />
      <RichTextField
        label={t('field.body')}
        previewLang={lang}
        lang={lang}
        readOnly={readOnly}
        maxLength={500_000}
        value={form.values.text.body}
        onChange={(v) => form.setFieldValue('text.body', v)}
        error={form.errors['text.body']}
        data-testid="field-body"
      />
    </Stack>
  );
}

interface MetadataFieldsProps {
  form: UseFormReturnType<ItemValues>;
  kind: string;
  readOnly?: boolean;
  /** The item's agency: where the document's file is uploaded. */
  agencyId?: string;
  /** The item's language versions (the document's file needs its details in each). */
  itemLanguages?: readonly string[];
}

export function MetadataFields({ form, kind, readOnly, agencyId, itemLanguages = [] }: MetadataFieldsProps) {
  const { t, lang } = useI18n();
  const topics = useTopics();
  const m = form.values.metadata;
  const topicOptions = (topics.data?.items ?? []).map((x) => ({ value: x.id, label: topicName(x, lang) }));
  // A topic archived since it was chosen stays visible in the selection.
  for (const id of m.topicIds) if (!topicOptions.some((o) => o.value === id)) topicOptions.push({ value: id, label: id });
  const sourceError = form.errors['metadata.source'] ?? form.errors['metadata.source.type'];
  const titleId = useId();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h3" mb={4} id={titleId}>
        {t('meta.legend')}
      </Title>
      <Fieldset variant="unstyled" disabled={readOnly} aria-labelledby={titleId}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('meta.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('meta.activityDate')} {...form.getInputProps('metadata.activityDate')} data-testid="meta-activityDate" />
            <TextInput label={t('meta.place')} maxLength={300} {...form.getInputProps('metadata.place')} data-testid="meta-place" />
          </SimpleGrid>
          <TagsInput
            label={t('meta.authors')}
            description={t('meta.tagsHelp')}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            maxTags={20}
            splitChars={[',', ';']}
            acceptValueOnBlur
            {...form.getInputProps('metadata.authors')}
            data-testid="meta-authors"
          />
          <MultiSelect
            label={t('meta.topics')}
            data={topicOptions}
            searchable
            maxValues={20}
            hidePickedOptions
            nothingFoundMessage={t('common.empty')}
            {...form.getInputProps('metadata.topicIds')}
            data-testid="meta-topics"
          />
          <TagsInput
            label={t('meta.tags')}
            description={t('meta.tagsHelp')}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            maxTags={50}
            splitChars={[',', ';']}
            acceptValueOnBlur
            {...form.getInputProps('metadata.tags')}
            data-testid="meta-tags"
          />
          <Radio.Group label={t('meta.source')} {...form.getInputProps('metadata.source.type')} error={sourceError}>
            <Group mt={6}>
              <Radio value="own" label={t('meta.sourceOwn')} />
              <Radio value="other" label={t('meta.sourceOther')} />
            </Group>
          </Radio.Group>
          {m.source.type === 'other' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('meta.sourceName')} maxLength={300} {...form.getInputProps('metadata.source.name')} />
              <TextInput type="url" label={t('meta.sourceUrl')} placeholder="https://" maxLength={2000} {...form.getInputProps('metadata.source.url')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('meta.copyrightHolder')} maxLength={300} {...form.getInputProps('metadata.copyrightHolder')} data-testid="meta-copyright" />
            <Select
              label={t('meta.licence')}
              data={licenceOptions(t)}
              clearable
              {...form.getInputProps('metadata.licence')}
              value={m.licence || null}
              data-testid="meta-licence"
            />
          </SimpleGrid>
          <Radio.Group label={t('meta.visibility')} {...form.getInputProps('metadata.visibility')}>
            <Stack gap={8} mt={6}>
              {VISIBILITIES.map((v) => (
                <Radio key={v} value={v} label={t(`visibility.${v}`)} description={t(`visibility.${v}.help`)} />
              ))}
            </Stack>
          </Radio.Group>
          {kind === 'document' && (
            <Fieldset legend={t('meta.document')} variant="filled">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('doc.number')} maxLength={100} {...form.getInputProps('metadata.document.number')} />
                <Select
                  label={t('doc.documentType')}
                  data={documentTypeOptions(t)}
                  clearable
                  {...form.getInputProps('metadata.document.documentType')}
                  value={m.document.documentType || null}
                />
                <TextInput label={t('doc.issuingBody')} maxLength={300} {...form.getInputProps('metadata.document.issuingBody')} />
                <TextInput label={t('doc.signer')} maxLength={200} {...form.getInputProps('metadata.document.signer')} />
                <DateField label={t('doc.issueDate')} {...form.getInputProps('metadata.document.issueDate')} />
                <DateField label={t('doc.effectiveDate')} {...form.getInputProps('metadata.document.effectiveDate')} />
              </SimpleGrid>
              <Box mt="md">
                <DocumentFileField form={form} agencyId={agencyId} itemLanguages={itemLanguages} readOnly={readOnly} />
              </Box>
            </Fieldset>
          )}
          {kind === 'clarification' && <ClaimFields form={form} itemLanguages={itemLanguages} />}
        </Stack>
      </Fieldset>
    </Paper>
  );
}
