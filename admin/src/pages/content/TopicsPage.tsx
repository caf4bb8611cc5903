// The taxonomy of promotional topics (DIC appraisers and administrators): list in order, add,
// rename in Vietnamese and English, move up or down, archive and restore. Slugs are fixed once
// created: they are in addresses and feeds.
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, SimpleGrid, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { topicRequests, useTopicMutation, useTopics, type Topic } from '../../api/topics';
import { ApiForm, useApiForm } from '../../components/ApiForm';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { topicName } from '../../lib/content';
import { rules, SLUG_PATTERN } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';

type TopicValues = {
  slug: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  position: number;
};

export function TopicsPage() {
  const { t, lang } = useI18n();
  const [showArchived, setShowArchived] = useState(true);
  const topics = useTopics(true);
  const all = [...(topics.data?.items ?? [])].sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
  const shown = showArchived ? all : all.filter((x) => !x.archived);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Topic | null>(null);
  const [creating, createModal] = useDisclosure(false);

  const reorder = useTopicMutation(topicRequests.renumber, { notifyErrors: true });
  const archive = useTopicMutation(topicRequests.update, { success: (_r, v) => (v.archived ? t('topics.archivedDone') : t('topics.restoredDone')) });
  const create = useTopicMutation(topicRequests.create, { success: (_r, v) => t('topics.created', { name: v.nameVi }), onSuccess: createModal.close });
  const update = useTopicMutation(topicRequests.update, { success: t('common.saved'), onSuccess: () => setEditing(null) });

  /** Moves a topic one place up or down: positions become 0..n-1 in the new order. */
  const move = async (topic: Topic, delta: -1 | 1) => {
    const order = [...all];
    const i = order.findIndex((x) => x.id === topic.id);
    const j = i + delta;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    setBusy(true);
    try {
      await reorder.mutateAsync(order);
      notifySuccess(t('topics.moved', { name: topicName(topic, lang) }));
    } catch {
      // told by the mutation; the list was read again
    } finally {
      setBusy(false);
    }
  };

  const setArchived = (topic: Topic, archived: boolean) => archive.mutateAsync({ id: topic.id, version: topic.version, archived });

  return (
    <>
      <PageHeader
        title={t('topics.title')}
        intro={t('topics.intro')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open} data-testid="new-topic">
            {t('topics.new')}
          </Button>
        }
      />
      <Switch label={t('topics.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb="md" />
      <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} />
      {topics.isPending ? (
        <Loading />
      ) : (
        <TableScroll minWidth={900} label={t('topics.title')}>
          <Table striped withTableBorder data-testid="topics-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('topics.order')}</Table.Th>
                <Table.Th scope="col">{t('topics.nameVi')}</Table.Th>
                <Table.Th scope="col">{t('topics.nameEn')}</Table.Th>
                <Table.Th scope="col">{t('topics.slug')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((x) => {
                const i = all.findIndex((y) => y.id === x.id);
                const name = topicName(x, lang);
                return (
                  <Table.Tr key={x.id} data-testid={`topic-${x.slug}`}>
                    <Table.Td className="nowrap">
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="subtle" disabled={busy || i === 0} onClick={() => void move(x, -1)} aria-label={t('topics.moveUp', { name })}>
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={busy || i === all.length - 1}
                          onClick={() => void move(x, 1)}
                          aria-label={t('topics.moveDown', { name })}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <Text size="sm" c="dimmed">
                          {x.position}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td lang="vi">
                      <Text size="sm" fw={600}>
                        {x.nameVi}
                      </Text>
                      {x.archived && (
                        <Badge color="gray" variant="light" mt={2}>
                          {t('topics.archived')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td lang="en">{x.nameEn}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {x.slug}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => setEditing(x)}
                          aria-label={t('topics.editN', { name })}
                        >
                          {t('common.edit')}
                        </Button>
                        {x.archived ? (
                          <ConfirmButton
                            size="xs"
                            variant="default"
                            message={t('topics.restoreConfirm', { name })}
                            onConfirm={() => setArchived(x, false)}
                            aria-label={t('topics.restoreN', { name })}
                          >
                            {t('topics.restore')}
                          </ConfirmButton>
                        ) : (
                          <ConfirmButton
                            size="xs"
                            variant="light"
                            danger
                            message={t('topics.archiveConfirm', { name })}
                            onConfirm={() => setArchived(x, true)}
                            aria-label={t('topics.archiveN', { name })}
                          >
                            {t('topics.archive')}
                          </ConfirmButton>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Modal opened={creating} onClose={createModal.close} title={t('topics.new')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {creating && (
          <TopicForm
            initial={{
              slug: '',
              nameVi: '',
              nameEn: '',
              descriptionVi: '',
              descriptionEn: '',
              position: all.length ? Math.max(...all.map((x) => x.position)) + 1 : 0,
            }}
            submitLabel={t('common.create')}
            onCancel={createModal.close}
            onSubmit={(v) => create.mutateAsync({ ...v, slug: v.slug.trim(), nameVi: v.nameVi.trim(), nameEn: v.nameEn.trim() })}
          />
        )}
      </Modal>
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={t('topics.edit')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {editing && (
          <TopicForm
            initial={{
              slug: editing.slug,
              nameVi: editing.nameVi,
              nameEn: editing.nameEn,
              descriptionVi: editing.descriptionVi,
              descriptionEn: editing.descriptionEn,
              position: editing.position,
            }}
            slugFixed
            submitLabel={t('common.save')}
            onCancel={() => setEditing(null)}
            onSubmit={(v) =>
              update.mutateAsync({
                id: editing.id,
                version: editing.version,
                nameVi: v.nameVi.trim(),
                nameEn: v.nameEn.trim(),
                descriptionVi: v.descriptionVi,
                descriptionEn: v.descriptionEn,
                position: v.position,
              })
            }
          />
        )}
      </Modal>
    </>
  );
}

function TopicForm({
  initial,
  slugFixed,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: TopicValues;
  slugFixed?: boolean;
  submitLabel: string;
  onSubmit: (v: TopicValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const r = rules(t);
  const state = useApiForm<TopicValues>({
    initialValues: initial,
    validate: {
      slug: (v) => (slugFixed ? null : (r.length(2, 64)(v) ?? (SLUG_PATTERN.test(v) ? null : t('agencies.slugFormat')))),
      nameVi: r.length(2, 200),
      nameEn: r.length(2, 200),
      descriptionVi: r.maxLength(2000),
      descriptionEn: r.maxLength(2000),
    },
    fields: ['slug', 'nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'position'],
    submit: onSubmit,
  });
  const { form } = state;
  return (
    <ApiForm state={state} submitLabel={submitLabel} onCancel={onCancel}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('topics.nameVi')} required maxLength={200} lang="vi" {...form.getInputProps('nameVi')} data-autofocus />
        <TextInput label={t('topics.nameEn')} required maxLength={200} lang="en" {...form.getInputProps('nameEn')} />
        <TextInput
          label={t('topics.slug')}
          description={slugFixed ? t('topics.slugFixed') : t('agencies.slugHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required={!slugFixed}
          readOnly={slugFixed}
          maxLength={64}
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('slug')}
        />
        <NumberInput label={t('topics.order')} min={0} max={10000} allowDecimal={false} {...form.getInputProps('position')} />
      </SimpleGrid>
      <Textarea label={t('topics.descriptionVi')} autosize minRows={2} maxLength={2000} lang="vi" {...form.getInputProps('descriptionVi')} />
      <Textarea label={t('topics.descriptionEn')} autosize minRows={2} maxLength={2000} lang="en" {...form.getInputProps('descriptionEn')} />
    </ApiForm>
  );
}
