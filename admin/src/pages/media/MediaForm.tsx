// The description of a file: per language its title, caption and alternative text (tabs), then
// authors, tags, date taken, place, rights, visibility, GPS and (images) the focal point.
import { Fieldset, Group, Radio, Select, SimpleGrid, Stack, Switch, Tabs, TagsInput, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { Media, UpdateMediaBody } from '../../api/media';
import { DateField } from '../../components/DateInput';
import { useI18n } from '../../i18n';
import { languageName, licenceOptions, VISIBILITIES, type Licence, type Visibility } from '../../lib/content';
import { formPath } from '../../lib/forms';
import { FocalInputs } from './FocalPointPicker';

export interface MediaValues {
  title: Record<string, string>;
  caption: Record<string, string>;
  alt: Record<string, string>;
  authors: string[];
  tags: string[];
  dateTaken: string;
  place: string;
  copyrightHolder: string;
  licence: string;
  visibility: string;
  keepGps: boolean;
  focalPoint: { x: number; y: number };
}

const perLanguage = (map: Record<string, string>, languages: readonly string[]) => Object.fromEntries(languages.map((l) => [l, map[l] ?? '']));

export function mediaToValues(m: Media, languages: readonly string[]): MediaValues {
  return {
    title: perLanguage(m.title, languages),
    caption: perLanguage(m.caption, languages),
    alt: perLanguage(m.alt, languages),
    authors: [...m.authors],
    tags: [...m.tags],
    dateTaken: m.dateTaken ?? '',
    place: m.place,
    copyrightHolder: m.copyrightHolder,
    licence: m.licence ?? '',
    visibility: m.visibility,
    keepGps: m.keepGps,
    focalPoint: { ...m.focalPoint },
  };
}

export function valuesToBody(v: MediaValues, version: number, kind: string): UpdateMediaBody {
  return {
    version,
    title: v.title,
    caption: v.caption,
    alt: v.alt,
    authors: v.authors.map((a) => a.trim()).filter(Boolean),
    tags: v.tags.map((a) => a.trim()).filter(Boolean),
    dateTaken: v.dateTaken || null,
    place: v.place.trim(),
    copyrightHolder: v.copyrightHolder.trim(),
    licence: (v.licence || null) as Licence | null,
    visibility: v.visibility as Visibility,
    ...(kind === 'image' ? { keepGps: v.keepGps, focalPoint: v.focalPoint } : {}),
  };
}

/** Server field errors ("alt/en", "authors/2") onto the form's fields. */
export function setMediaErrors(form: UseFormReturnType<MediaValues>, error: unknown) {
  if (!(error instanceof ApiError)) return;
  for (const e of error.problem.errors ?? []) form.setFieldError(formPath(e.field).replace(/^(authors|tags)\.\d+$/, '$1'), e.message);
}

interface Props {
  form: UseFormReturnType<MediaValues>;
  media: Media;
  languages: readonly string[];
  /** Languages of the items using the file: an image needs its alt text in each. */
  neededLanguages?: readonly string[];
  readOnly?: boolean;
}

export function MediaForm({ form, media, languages, neededLanguages = [], readOnly }: Props) {
  const { t } = useI18n();
  const [tab, setTab] = useState<string | null>(languages[0] ?? null);
  const image = media.kind === 'image';
  const v = form.values;
  return (
    <Fieldset variant="unstyled" disabled={readOnly}>
      <Stack gap="md">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label={t('media.form.languages')}>
            {languages.map((l) => {
              const missingAlt = image && neededLanguages.includes(l) && !v.alt[l]?.trim();
              const hasError = ['title', 'caption', 'alt'].some((f) => form.errors[`${f}.${l}`]);
              return (
                <Tabs.Tab key={l} value={l} data-testid={`media-lang-${l}`} c={hasError ? 'red.9' : undefined}>
                  {languageName(t, l)}
                  {(missingAlt || hasError) && (
                    <>
                      {' '}
                      <span aria-hidden style={{ color: 'var(--mantine-color-red-9)' }}>
                        •
                      </span>
                      <VisuallyHidden>{hasError ? t('media.form.tabError') : t('media.form.tabNoAlt')}</VisuallyHidden>
                    </>
                  )}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {languages.map((l) => (
            <Tabs.Panel key={l} value={l} pt="sm">
              <Stack gap="sm">
                <TextInput label={t('media.form.title')} lang={l} maxLength={500} {...form.getInputProps(`title.${l}`)} data-testid={`media-title-${l}`} />
                <Textarea
                  label={t('media.form.caption')}
                  lang={l}
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={2000}
                  {...form.getInputProps(`caption.${l}`)}
                  data-testid={`media-caption-${l}`}
                />
                <Textarea
                  label={t('media.form.alt')}
                  description={image ? t('media.form.altHelp') : t('media.form.altOther')}
                  inputWrapperOrder={['label', 'description', 'input', 'error']}
                  withAsterisk={image}
                  lang={l}
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={1000}
                  {...form.getInputProps(`alt.${l}`)}
                  data-testid={`media-alt-${l}`}
                />
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
        <Text size="xs" c="dimmed">
          {t('media.form.rightsIntro')}
        </Text>
        <TagsInput
          label={t('meta.authors')}
          description={t('meta.tagsHelp')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          withAsterisk
          maxTags={20}
          splitChars={[',', ';']}
          acceptValueOnBlur
          {...form.getInputProps('authors')}
          data-testid="media-authors"
        />
        <TagsInput
          label={t('meta.tags')}
          description={t('meta.tagsHelp')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          maxTags={50}
          splitChars={[',', ';']}
          acceptValueOnBlur
          {...form.getInputProps('tags')}
          data-testid="media-tags"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('media.form.dateTaken')} {...form.getInputProps('dateTaken')} data-testid="media-dateTaken" />
          <TextInput label={t('meta.place')} maxLength={300} {...form.getInputProps('place')} data-testid="media-place" />
          <TextInput label={t('meta.copyrightHolder')} withAsterisk maxLength={300} {...form.getInputProps('copyrightHolder')} data-testid="media-copyright" />
          <Select
            label={t('meta.licence')}
            withAsterisk
            data={licenceOptions(t)}
            clearable
            {...form.getInputProps('licence')}
            value={v.licence || null}
            onChange={(x) => form.setFieldValue('licence', x ?? '')}
            data-testid="media-licence"
          />
        </SimpleGrid>
        <Radio.Group
          label={t('meta.visibility')}
          description={t('media.form.visibilityHelp')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          {...form.getInputProps('visibility')}
        >
          <Stack gap={8} mt={6}>
            {VISIBILITIES.map((x) => (
              <Radio key={x} value={x} label={t(`visibility.${x}`)} description={t(`visibility.${x}.help`)} />
            ))}
          </Stack>
        </Radio.Group>
        {image && (
          <>
            <Switch
              label={t('media.form.keepGps')}
              description={media.gps ? t('media.form.keepGpsHelpGps') : t('media.form.keepGpsHelp')}
              {...form.getInputProps('keepGps', { type: 'checkbox' })}
              data-testid="media-keepGps"
            />
            <Fieldset legend={t('media.focal.title')} variant="filled">
              <Stack gap="xs">
                <Text size="sm">{t('media.focal.intro')}</Text>
                <Group>
                  <FocalInputs value={v.focalPoint} onChange={(p) => form.setFieldValue('focalPoint', p)} disabled={readOnly} />
                </Group>
                {form.errors.focalPoint && (
                  <Text size="sm" c="red.9">
                    {form.errors.focalPoint}
                  </Text>
                )}
              </Stack>
            </Fieldset>
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
