// One file of the library: the preview (with the focal point of an image), what was read from the
// file, its description form, the crops made around the focal point, where it is used, its
// downloads, and deletion (refused while a published item shows it).
import { Alert, Badge, Button, Grid, Group, Image, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMeta } from '../../api/meta';
import { mediaRequests, useDeleteMedia, useMedia, useMediaMutation, useMediaUsage, variantNamed, variantsComing, type Media } from '../../api/media';
import { useMe } from '../../auth/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey } from '../../i18n';
import { visibilityLabel } from '../../lib/content';
import { mediaKindLabel, VISIBILITY_BADGE } from '../../lib/media';
import { NotFoundPage } from '../NotFoundPage';
import { canWriteContent } from '../content/ItemsPage';
import { MediaFacts } from './MediaFacts';
import { MediaForm, mediaToValues, setMediaErrors, valuesToBody, type MediaValues } from './MediaForm';
import { MediaPreview } from './MediaPreview';
import { MediaDownloads, MediaUsageList } from './MediaUsage';

export function MediaDetailPage() {
  const { id } = useParams();
  const media = useMedia(id);
  const meta = useMeta();
  if (media.isPending || meta.isPending) return <Loading />;
  if (media.error instanceof ApiError && media.error.status === 404) return <NotFoundPage />;
  if (!media.data) return <ErrorAlert error={media.error} onRetry={() => void media.refetch()} />;
  return <MediaEditor media={media.data} languages={meta.data?.contentLanguages ?? ['vi']} refetch={() => media.refetch()} />;
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function MediaEditor({ media: m, languages, refetch }: { media: Media; languages: readonly string[]; refetch: () => Promise<unknown> }) {
  const { t, lang } = useI18n();
  const { role } = useMe();
  const update = useMediaMutation(mediaRequests.update, { success: t('media.saved') });
  const deleteMedia = useDeleteMedia({ success: t('media.deleted', { name: m.fileName }), onSuccess: () => navigate('/media', { replace: true }) });
  const navigate = useNavigate();
  const canEdit = canWriteContent(role) && m.version !== undefined;
  const form = useForm<MediaValues>({ initialValues: mediaToValues(m, languages) });
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const usage = useMediaUsage(m.id);
  const neededLanguages = [...new Set((usage.data?.items ?? []).map((u) => u.language))];

  // A new version of the record (saved here, or reloaded after a conflict): the form shows it.
  useEffect(() => {
    const values = mediaToValues(m, languages);
    form.setValues(values);
    form.resetDirty(values);
  }, [m.id, m.version]);

  const save = form.onSubmit(async (values) => {
    setError(null);
    try {
      await update.mutateAsync({ id: m.id, ...valuesToBody(values, m.version ?? 1, m.kind) });
      setStale(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_revision') return setStale(true);
      setMediaErrors(form, e);
      setError(e);
    }
  });

  const remove = () => deleteMedia.mutateAsync(m.id);

  const alt = form.values.alt[lang] || m.alt[lang] || Object.values(m.alt).find(Boolean) || '';
  const square = variantNamed(m, 'square.webp');
  const social = variantNamed(m, 'social.webp');
  // Every field path the server may name ("authors/3" is shown on the authors field).
  const formFields = [
    ...languages.flatMap((l) => [`title.${l}`, `caption.${l}`, `alt.${l}`]),
    ...['authors', 'tags'].flatMap((f) => [f, ...Array.from({ length: 50 }, (_, i) => `${f}.${i}`)]),
    ...['dateTaken', 'place', 'copyrightHolder', 'licence', 'visibility', 'keepGps', 'focalPoint'],
  ];

  return (
    <>
      <PageHeader
        title={m.fileName}
        badges={
          <Group gap={4}>
            <Badge variant="light" color="gray">
              {mediaKindLabel(t, m.kind)}
            </Badge>
            <Badge variant="light" color={VISIBILITY_BADGE[m.visibility] ?? 'gray'}>
              {visibilityLabel(t, m.visibility)}
            </Badge>
          </Group>
        }
        actions={
          <>
            <Button component={Link} to="/media" variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />}>
              {t('media.backToLibrary')}
            </Button>
            {canEdit && (
              <ConfirmButton
                variant="light"
                danger
                leftSection={<IconTrash size={18} aria-hidden />}
                message={t('media.deleteConfirm', { name: m.fileName })}
                confirmLabel={t('media.delete')}
                onConfirm={remove}
                data-testid="media-delete"
              >
                {t('media.delete')}
              </ConfirmButton>
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Section title={t('media.preview')}>
              <MediaPreview
                media={m}
                alt={alt}
                focal={m.kind === 'image' ? form.values.focalPoint : undefined}
                onFocal={canEdit ? (p) => form.setFieldValue('focalPoint', p) : undefined}
              />
            </Section>
            {m.kind === 'image' && (
              <Section title={t('media.crops')} testId="media-crops">
                <Group gap="xs" mb="sm">
                  <Text size="sm">{t('media.variants.status')}</Text>
                  <Badge
                    variant="light"
                    color={m.variantsStatus === 'ready' ? 'green' : m.variantsStatus === 'failed' ? 'red' : 'orange'}
                    data-testid="variants-status"
                    data-status={m.variantsStatus}
                  >
                    {t(`media.variants.${m.variantsStatus}` as MessageKey)}
                  </Badge>
                  {variantsComing(m) && <Loader size="xs" aria-hidden />}
                </Group>
                {m.variantsStatus === 'ready' && square && social ? (
                  <SimpleGrid cols={2} spacing="sm">
                    <figure style={{ margin: 0 }}>
                      <Image src={square.url} alt={t('media.crop.squareAlt')} radius="sm" data-testid="crop-square" />
                      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
                        {t('media.crop.square', { w: square.width, h: square.height })}
                      </Text>
                    </figure>
                    <figure style={{ margin: 0 }}>
                      <Image src={social.url} alt={t('media.crop.socialAlt')} radius="sm" data-testid="crop-social" />
                      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
                        {t('media.crop.social', { w: social.width, h: social.height })}
                      </Text>
                    </figure>
                  </SimpleGrid>
                ) : (
                  <Text size="sm" c="dimmed">
                    {variantsComing(m) ? t('media.crops.coming') : t('media.crops.none')}
                  </Text>
                )}
              </Section>
            )}
            <Section title={t('media.facts')}>
              <MediaFacts media={m} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {stale && (
              <Alert color="orange" variant="light" role="alert" title={t('media.staleTitle')} data-testid="stale-alert">
                <Text size="sm">{t('media.stale')}</Text>
                <Button
                  mt="sm"
                  size="xs"
                  color="orange"
                  onClick={async () => {
                    await refetch();
                    setStale(false);
                  }}
                >
                  {t('editor.reload')}
                </Button>
              </Alert>
            )}
            <form onSubmit={save} noValidate aria-label={t('media.form.label')}>
              <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
                <Title order={2} size="h4" mb="sm">
                  {t('media.form.label')}
                </Title>
                <Stack gap="md">
                  <ErrorAlert error={error} fields={formFields} />
                  {!canEdit && (
                    <Alert color="gray" variant="light">
                      {t('media.readOnly')}
                    </Alert>
                  )}
                  <MediaForm form={form} media={m} languages={languages} neededLanguages={neededLanguages} readOnly={!canEdit} />
                  {canEdit && (
                    <Group justify="flex-end">
                      <Button type="submit" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={form.submitting} data-testid="media-save">
                        {t('common.save')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Paper>
            </form>
            <Section title={t('media.usage.title')}>
              <MediaUsageList mediaId={m.id} />
            </Section>
            <Section title={t('media.downloads.title')}>
              <MediaDownloads mediaId={m.id} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
