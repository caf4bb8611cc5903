// Create or edit an agency; validation mirrors the server's limits, server field errors land on fields.
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Agency } from '../../api/client';
import { useAgencies } from '../../api/agencies';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { rules, setServerErrors, SLUG_PATTERN } from '../../lib/forms';
import { AGENCY_FUNCTIONS, agencyName, agencyTypeOptions, type AgencyFunction, type AgencyType } from '../../lib/labels';

export interface AgencyValues {
  slug: string;
  nameVi: string;
  nameEn: string;
  type: string;
  parentId: string | null;
  contact: { email: string; phone: string; address: string; website: string };
  descriptionVi: string;
  descriptionEn: string;
  isOperator: boolean;
  functions: string[];
}

export interface AgencyBody {
  slug: string;
  nameVi: string;
  nameEn: string;
  type: AgencyType;
  parentId: string | null;
  contact: { email?: string; phone?: string; address?: string; website?: string };
  descriptionVi: string;
  descriptionEn: string;
  isOperator: boolean;
  functions: AgencyFunction[];
}

const FIELDS = [
  'slug',
  'nameVi',
  'nameEn',
  'type',
  'parentId',
  'contact.email',
  'contact.phone',
  'contact.address',
  'contact.website',
  'descriptionVi',
  'descriptionEn',
  'isOperator',
  'functions',
];

export const emptyAgency: AgencyValues = {
  slug: '',
  nameVi: '',
  nameEn: '',
  type: 'department',
  parentId: null,
  contact: { email: '', phone: '', address: '', website: '' },
  descriptionVi: '',
  descriptionEn: '',
  isOperator: false,
  functions: ['contribute', 'exploit', 'answer_cases'],
};

export function agencyToValues(a: Agency): AgencyValues {
  return {
    slug: a.slug,
    nameVi: a.nameVi,
    nameEn: a.nameEn,
    type: a.type,
    parentId: a.parentId,
    contact: { email: a.contact.email ?? '', phone: a.contact.phone ?? '', address: a.contact.address ?? '', website: a.contact.website ?? '' },
    descriptionVi: a.descriptionVi,
    descriptionEn: a.descriptionEn,
    isOperator: a.isOperator ?? false,
    functions: a.functions ?? [],
  };
}

function toBody(v: AgencyValues): AgencyBody {
  const contact: AgencyBody['contact'] = {};
  for (const k of ['email', 'phone', 'address', 'website'] as const) if (v.contact[k].trim()) contact[k] = v.contact[k].trim();
  return {
    slug: v.slug.trim(),
    nameVi: v.nameVi.trim(),
    nameEn: v.nameEn.trim(),
    type: v.type as AgencyType,
    parentId: v.parentId || null,
    contact,
    descriptionVi: v.descriptionVi.trim(),
    descriptionEn: v.descriptionEn.trim(),
    isOperator: v.isOperator,
    functions: v.functions as AgencyFunction[],
  };
}

/** A code for the address from a Vietnamese name: "Sở Du lịch" -> "so-du-lich". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** "sovhtt.hue.gov.vn" -> "https://sovhtt.hue.gov.vn"; addresses with a scheme are left as they are. */
export function withScheme(url: string): string {
  const v = url.trim();
  return v && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? `https://${v}` : v;
}

interface Props {
  initial: AgencyValues;
  selfId?: string;
  submitLabel: string;
  onSubmit: (body: AgencyBody) => Promise<unknown>;
  onCancel?: () => void;
}

export function AgencyForm({ initial, selfId, submitLabel, onSubmit, onCancel }: Props) {
  const { t, lang } = useI18n();
  const r = rules(t);
  const agencies = useAgencies({});
  const form = useForm<AgencyValues>({
    initialValues: initial,
    validate: {
      slug: (v) => r.length(2, 64)(v) ?? (SLUG_PATTERN.test(v) ? null : t('agencies.slugFormat')),
      nameVi: r.length(2, 300),
      nameEn: r.length(2, 300),
      type: r.required,
      contact: {
        email: (v) => r.maxLength(254)(v) ?? r.optionalEmail(v),
        phone: r.maxLength(64),
        address: r.maxLength(500),
        website: r.maxLength(500),
      },
      descriptionVi: r.maxLength(5000),
      descriptionEn: r.maxLength(5000),
    },
  });
  const [error, setError] = useState<unknown>(null);
  // A new agency's code follows its Vietnamese name until the person types a code themselves.
  const [slugTouched, setSlugTouched] = useState(initial.slug !== '');
  const submitting = form.submitting;
  const parentOptions = (agencies.data?.items ?? []).filter((a) => a.id !== selfId).map((a) => ({ value: a.id, label: agencyName(a, lang) }));

  const handle = form.onSubmit(async (values) => {
    setError(null);
    try {
      await onSubmit(toBody({ ...values, contact: { ...values.contact, website: withScheme(values.contact.website) } }));
    } catch (e) {
      setServerErrors(form, e, FIELDS);
      setError(e);
    }
  });

  return (
    <form onSubmit={handle} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('agencies.nameVi')}
            required
            maxLength={300}
            {...form.getInputProps('nameVi')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              form.setFieldValue('nameVi', name);
              if (!slugTouched) form.setFieldValue('slug', slugify(name));
            }}
          />
          <TextInput label={t('agencies.nameEn')} required maxLength={300} {...form.getInputProps('nameEn')} />
          <TextInput
            label={t('agencies.slug')}
            description={!slugTouched && form.values.slug ? `${t('agencies.slugHint')} ${t('agency.slugSuggested')}` : t('agencies.slugHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            maxLength={64}
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('slug')}
            onChange={(e) => {
              setSlugTouched(true);
              form.setFieldValue('slug', e.currentTarget.value);
            }}
          />
          <Select label={t('agencies.type')} required data={agencyTypeOptions(t)} allowDeselect={false} {...form.getInputProps('type')} />
          <Select label={t('agencies.parent')} data={parentOptions} searchable clearable {...form.getInputProps('parentId')} />
        </SimpleGrid>
        <Checkbox.Group label={t('agencies.functions')} {...form.getInputProps('functions')}>
          <Group mt={6}>
            {AGENCY_FUNCTIONS.map((f) => (
              <Checkbox key={f} value={f} label={t(`agencyFunction.${f}` as MessageKey)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch label={t('agencies.isOperator')} {...form.getInputProps('isOperator', { type: 'checkbox' })} />
        <Fieldset legend={t('agencies.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="email" label={t('agencies.email')} maxLength={254} {...form.getInputProps('contact.email')} />
            <TextInput type="tel" label={t('agencies.phone')} maxLength={64} {...form.getInputProps('contact.phone')} />
            <TextInput label={t('agencies.address')} maxLength={500} {...form.getInputProps('contact.address')} />
            <TextInput
              type="url"
              label={t('agencies.website')}
              description={t('agency.websiteHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder="https://"
              maxLength={500}
              {...form.getInputProps('contact.website')}
              onBlur={(e) => {
                const fixed = withScheme(e.currentTarget.value);
                if (fixed !== form.values.contact.website) form.setFieldValue('contact.website', fixed);
                form.getInputProps('contact.website').onBlur?.(e);
              }}
            />
          </SimpleGrid>
        </Fieldset>
        <Textarea label={t('agencies.descriptionVi')} autosize minRows={3} maxLength={5000} {...form.getInputProps('descriptionVi')} />
        <Textarea label={t('agencies.descriptionEn')} autosize minRows={3} maxLength={5000} {...form.getInputProps('descriptionEn')} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={submitting} data-testid="agency-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
