// A clarification's claim (Art. 4): the false information as it circulated, one text per language
// of the item (each version's language is needed at its submission), how false it is, who spread
// it, when it was first seen and where it appeared (a short list of addresses with add/remove).
import { ActionIcon, Button, Fieldset, Grid, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { DateField } from '../../components/DateInput';
import { useI18n } from '../../i18n';
import { claimRatingOptions, languageName, MAX_APPEARANCES } from '../../lib/content';
import type { ItemValues } from './itemValues';

const PREFIX = 'metadata.claim';

interface Props {
  form: UseFormReturnType<ItemValues>;
  /** The item's language versions: each needs the statement in its language. */
  itemLanguages: readonly string[];
}

export function ClaimFields({ form, itemLanguages }: Props) {
  const { t } = useI18n();
  const claim = form.values.metadata.claim;
  const errors = form.errors;
  // The item's languages, then any other already written or refused (never hidden while it holds text).
  const extra = Object.keys(claim.statement).filter((l) => claim.statement[l]?.trim() || errors[`${PREFIX}.statement.${l}`]);
  const languages = [...new Set([...itemLanguages, ...extra])];
  const general = [errors[PREFIX], errors[`${PREFIX}.statement`]].filter(Boolean).map(String);
  return (
    <Fieldset legend={t('claim.legend')} variant="filled" data-testid="claim-fields">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('claim.intro')}
        </Text>
        {general.map((e) => (
          <Text key={e} size="sm" c="red.9">
            {e}
          </Text>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('claim.rating')}
            data={claimRatingOptions(t)}
            clearable
            {...form.getInputProps(`${PREFIX}.rating`)}
            value={claim.rating || null}
            data-testid="claim-rating"
          />
          <DateField label={t('claim.firstSeen')} {...form.getInputProps(`${PREFIX}.firstSeen`)} data-testid="claim-firstSeen" />
        </SimpleGrid>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('claim.statementHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: Math.min(2, languages.length) }} spacing="sm">
            {languages.map((l) => (
              <Textarea
                key={l}
                label={t('claim.statementIn', { language: languageName(t, l) })}
                lang={l}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={2000}
                {...form.getInputProps(`${PREFIX}.statement.${l}`)}
                value={claim.statement[l] ?? ''}
                data-testid={`claim-statement-${l}`}
              />
            ))}
          </SimpleGrid>
        </Stack>
        <TextInput
          label={t('claim.claimant')}
          description={t('claim.claimantHelp')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          maxLength={300}
          {...form.getInputProps(`${PREFIX}.claimant`)}
          data-testid="claim-claimant"
        />
        <Appearances form={form} />
      </Stack>
    </Fieldset>
  );
}

function Appearances({ form }: { form: UseFormReturnType<ItemValues> }) {
  const { t } = useI18n();
  const list = form.values.metadata.claim.appearances;
  const listError = form.errors[`${PREFIX}.appearances`];
  const [announce, setAnnounce] = useState('');
  const focus = useRef<number | 'add' | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const full = list.length >= MAX_APPEARANCES;

  // Row paths shift on removal: the errors of the rows are dropped rather than left on the wrong row.
  const clearRowErrors = () => form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([k]) => !k.startsWith(`${PREFIX}.appearances`))));

  const add = () => {
    if (full) return;
    focus.current = list.length;
    form.insertListItem(`${PREFIX}.appearances`, { url: '', platform: '' });
  };
  const remove = (i: number) => {
    clearRowErrors();
    form.removeListItem(`${PREFIX}.appearances`, i);
    focus.current = list.length > 1 ? Math.min(i, list.length - 2) : 'add';
    setAnnounce(t('claim.removeAppearance', { n: i + 1 }));
  };

  // A new row gets the focus on its address; after a removal, the row now in its place (or "add").
  useEffect(() => {
    const f = focus.current;
    if (f === null) return;
    focus.current = null;
    if (f === 'add') addRef.current?.focus();
    else document.querySelector<HTMLInputElement>(`[data-appearance-url="${f}"]`)?.focus();
  }, [list.length]);

  return (
    <Stack gap="xs" role="group" aria-labelledby="claim-appearances-title" data-testid="claim-appearances">
      <div>
        <Text size="sm" fw={600} id="claim-appearances-title">
          {t('claim.appearances')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('claim.appearancesHelp', { max: MAX_APPEARANCES })}
        </Text>
      </div>
      {listError && (
        <Text size="sm" c="red.9">
          {String(listError)}
        </Text>
      )}
      {list.length === 0 ? (
        <Text size="sm">{t('claim.appearancesNone')}</Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((_, i) => {
            const path = `${PREFIX}.appearances.${i}`;
            const rowError = form.errors[path];
            return (
              <li key={i} data-testid="claim-appearance">
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <Grid gap="xs" style={{ flex: 1, minWidth: 0 }}>
                    <Grid.Col span={{ base: 12, xs: 8 }}>
                      <TextInput
                        type="url"
                        label={t('claim.appearanceUrl', { n: i + 1 })}
                        placeholder="https://"
                        maxLength={2000}
                        {...form.getInputProps(`${path}.url`)}
                        error={form.errors[`${path}.url`] ?? rowError}
                        data-appearance-url={i}
                        data-testid="claim-appearance-url"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, xs: 4 }}>
                      <TextInput
                        label={t('claim.appearancePlatform', { n: i + 1 })}
                        placeholder={t('claim.appearancePlatformPlaceholder')}
                        maxLength={100}
                        {...form.getInputProps(`${path}.platform`)}
                        data-testid="claim-appearance-platform"
                      />
                    </Grid.Col>
                  </Grid>
                  <Tooltip label={t('claim.removeAppearance', { n: i + 1 })} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={28}
                      onClick={() => remove(i)}
                      aria-label={t('claim.removeAppearance', { n: i + 1 })}
                      data-testid="claim-appearance-remove"
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      <VisuallyHidden role="status">{announce}</VisuallyHidden>
      <Group gap="sm">
        <Button
          ref={addRef}
          variant="light"
          size="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={add}
          disabled={full}
          data-testid="claim-appearance-add"
        >
          {t('claim.addAppearance')}
        </Button>
        {full && (
          <Text size="sm" c="dimmed">
            {t('claim.appearancesMax', { max: MAX_APPEARANCES })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
