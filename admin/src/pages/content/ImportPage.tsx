// Bulk import from CSV, XLSX or JSON (the documented template): the file goes up as the request
// body, rows are processed in the background, progress is polled every 500 ms, and the rows
// refused are listed with their reasons. Past imports below.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Paper,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useImport, useImports, useStartImport, type ImportStatus } from '../../api/imports';
import { useAgencies } from '../../api/agencies';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type MessageKey } from '../../i18n';
import { agencyName } from '../../lib/labels';

const MIME: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};
const MAX_BYTES = 64 * 1024 * 1024;

const extensionOf = (name: string) => name.toLowerCase().split('.').pop() ?? '';

export function ImportPage() {
  const { t, lang } = useI18n();
  const { role, user } = useMe();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'draft' | 'submit'>('draft');
  const [declared, setDeclared] = useState(false);
  const [agencyId, setAgencyId] = useState<string>(user.agencyId);
  const [errors, setErrors] = useState<{ file?: string; declaration?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const agencies = useAgencies({}, role === 'appraiser');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!file) errs.file = t('import.chooseFile');
    else if (!MIME[extensionOf(file.name)]) errs.file = t('import.badType');
    else if (file.size > MAX_BYTES) errs.file = t('import.tooLarge');
    if (mode === 'submit' && !declared) errs.declaration = t('wf.declarationRequired');
    setErrors(errs);
    if (errs.file || errs.declaration || !file) return;
    setBusy(true);
    setError(null);
    try {
      const started = await start.mutateAsync({
        file,
        contentType: MIME[extensionOf(file.name)],
        query: {
          mode,
          fileName: file.name.slice(0, 255),
          ...(mode === 'submit' ? { declaration: true } : {}),
          ...(role === 'appraiser' && agencyId !== user.agencyId ? { agencyId } : {}),
        },
      });
      setCurrentId(started.id);
      setFile(null);
      setDeclared(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={900}>
          <form onSubmit={submit} noValidate aria-label={t('import.formLabel')}>
            <Stack>
              <Group>
                <Button
                  component="a"
                  href="/api/v1/imports/template.csv"
                  download
                  variant="default"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  data-testid="import-template"
                >
                  {t('import.template')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('import.templateHelp')}
                </Text>
              </Group>
              <FileInput
                label={t('import.file')}
                description={t('import.fileHelp')}
                inputWrapperOrder={['label', 'description', 'input', 'error']}
                placeholder={t('import.choose')}
                accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setErrors((x) => ({ ...x, file: undefined }));
                }}
                clearable
                required
                error={errors.file}
                leftSection={<IconFileImport size={16} aria-hidden />}
                styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
                data-testid="import-file"
              />
              <SimpleGrid cols={{ base: 1, sm: role === 'appraiser' ? 2 : 1 }}>
                <Radio.Group label={t('import.mode')} value={mode} onChange={(v) => setMode(v === 'submit' ? 'submit' : 'draft')}>
                  <Stack gap={6} mt={6}>
                    <Radio value="draft" label={t('import.modeDraft')} />
                    <Radio value="submit" label={t('import.modeSubmit')} />
                  </Stack>
                </Radio.Group>
                {role === 'appraiser' && (
                  <Select
                    label={t('import.agency')}
                    data={(agencies.data?.items ?? []).filter((a) => !a.archivedAt).map((a) => ({ value: a.id, label: agencyName(a, lang) }))}
                    value={agencyId}
                    onChange={(v) => setAgencyId(v ?? user.agencyId)}
                    searchable
                    allowDeselect={false}
                  />
                )}
              </SimpleGrid>
              {mode === 'submit' && (
                <Checkbox
                  label={t('import.declaration')}
                  checked={declared}
                  onChange={(e) => {
                    setDeclared(e.currentTarget.checked);
                    setErrors((x) => ({ ...x, declaration: undefined }));
                  }}
                  error={errors.declaration}
                  required
                />
              )}
              <ErrorAlert error={error} />
              <Group justify="flex-end">
                <Button type="submit" loading={busy} leftSection={<IconUpload size={18} aria-hidden />} data-testid="import-start">
                  {t('import.start')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {currentId && <ImportProgress id={currentId} />}
        <PastImports onOpen={setCurrentId} />
      </Stack>
    </>
  );
}

const statusColor = (s: string) => (s === 'done' ? 'green' : s === 'running' ? 'blue' : 'red');
const statusLabel = (t: (k: MessageKey) => string, s: string) =>
  ['running', 'done', 'failed', 'interrupted'].includes(s) ? t(`import.status.${s}` as MessageKey) : s;

/** Polls an import every 500 ms while it runs; then its report. */
function ImportProgress({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useImport(id);
  const r = q.data;
  if (!r) return q.error ? <ErrorAlert error={q.error} /> : <Loading />;
  const pct = r.total ? Math.round((r.processed / r.total) * 100) : r.status === 'running' ? 0 : 100;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={900} data-testid="import-progress">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t(r.status === 'running' ? 'import.progressTitle' : 'import.resultTitle', { name: r.fileName || r.format.toUpperCase() })}
          </Title>
          <Badge color={statusColor(r.status)} variant="light">
            {statusLabel(t, r.status)}
          </Badge>
        </Group>
        <Progress.Root size="lg">
          <Progress.Section
            value={pct}
            animated={r.status === 'running'}
            aria-label={t('import.progressLabel')}
            aria-valuetext={t('import.progress', { processed: r.processed, total: r.total })}
          />
        </Progress.Root>
        <Text size="sm" role="status" aria-live="polite">
          {t('import.progress', { processed: r.processed, total: r.total })}
          {r.status !== 'running' && ` · ${t('import.summary', { imported: r.imported, rejected: r.rejected })}`}
        </Text>
        {r.error && (
          <Alert color="red" variant="light">
            {r.error}
          </Alert>
        )}
        {r.status !== 'running' && r.imported > 0 && (
          <Text size="sm">
            <Anchor component={Link} to={r.mode === 'submit' ? '/items?state=submitted' : '/items?state=draft'} underline="always">
              {t('import.seeItems')}
            </Anchor>
          </Text>
        )}
        {r.status !== 'running' && <ImportReport report={r.report} />}
      </Stack>
    </Paper>
  );
}

function ImportReport({ report }: { report: ImportStatus['report'] }) {
  const { t } = useI18n();
  if (report.length === 0) return <Text size="sm">{t('import.noRejected')}</Text>;
  const lines = report.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, first: i === 0, count: r.errors.length, ...e })));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('import.rejectedRows')}
      </Title>
      <TableScroll minWidth={600} label={t('import.rejectedRows')}>
        <Table withTableBorder striped data-testid="import-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.row')}</Table.Th>
              <Table.Th scope="col">{t('import.field')}</Table.Th>
              <Table.Th scope="col">{t('import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.key}>
                <Table.Td>{l.row}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {l.field}
                  </Text>
                </Table.Td>
                <Table.Td>{l.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

function PastImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const { user } = useMe();
  // The API gives the importing account's id, not its name: name yourself, show others as given.
  const who = (createdBy: string) => (createdBy === user.id ? user.displayName : createdBy);
  const list = useImports();
  const [report, setReport] = useState<ImportStatus | null>(null);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('import.past')}
      </Title>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : !list.data || list.data.items.length === 0 ? (
        <Text>{t('import.none')}</Text>
      ) : (
        <TableScroll minWidth={900} label={t('import.past')}>
          <Table striped withTableBorder data-testid="imports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('import.when')}</Table.Th>
                <Table.Th scope="col">{t('import.file')}</Table.Th>
                <Table.Th scope="col">{t('import.mode')}</Table.Th>
                <Table.Th scope="col">{t('import.statusCol')}</Table.Th>
                <Table.Th scope="col">{t('import.counts')}</Table.Th>
                <Table.Th scope="col">{t('import.by')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td className="nowrap">{formatDateTime(r.createdAt)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{r.fileName || r.format.toUpperCase()}</Table.Td>
                  <Table.Td>{r.mode === 'submit' ? t('import.modeSubmitShort') : t('import.modeDraftShort')}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor(r.status)} variant="light">
                      {statusLabel(t, r.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="nowrap">{t('import.countsValue', { imported: r.imported, rejected: r.rejected, total: r.total })}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{who(r.createdBy)}</Table.Td>
                  <Table.Td>
                    {r.status === 'running' ? (
                      <Button size="xs" variant="default" onClick={() => onOpen(r.id)}>
                        {t('import.follow')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setReport(r)}
                        disabled={r.report.length === 0}
                        aria-label={`${t('import.report')}: ${r.fileName || r.format}`}
                      >
                        {t('import.report')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Modal
        opened={!!report}
        onClose={() => setReport(null)}
        size="xl"
        title={report ? t('import.reportOf', { name: report.fileName || report.format }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {report && <ImportReport report={report.report} />}
      </Modal>
    </Stack>
  );
}
