// `ttdn import FILE --agency SLUG [--mode draft|submit] [--declare]`: bulk import from CSV, XLSX or
// JSON (docs/import.md) with a progress bar on standard error and the rejected rows' reasons after.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as accounts from '../modules/accounts/service.js';
import * as content from '../modules/content/service.js';
import { fail, type Command } from './command.js';

const REPORTED_ROWS = 50;

function progressBar(done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${done}/${total}`);
}

export const importCommand: Command = async ({ ctx }, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { agency: { type: 'string' }, mode: { type: 'string' }, declare: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) fail('import needs a file: ttdn import FILE --agency SLUG', 2);
  const mode = (values.mode ?? 'draft') as 'draft' | 'submit';
  if (mode !== 'draft' && mode !== 'submit') fail('--mode is draft or submit', 2);
  const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  let agencyId: string | undefined;
  if (values.agency) {
    const agency = (await accounts.listAgencies(ctx, {})).find((a) => a.slug === values.agency || a.id === values.agency);
    if (!agency) fail(`No agency "${values.agency}".`);
    agencyId = agency.id;
  }
  await content.ensureDefaultTopics(ctx);
  const opts = { format, mode, agencyId, declaration: values.declare, fileName: file } as const;
  const { id, rows } = await content.startImport(ctx, readFileSync(file), opts);
  const started = Date.now();
  const result = await content.runImport(ctx, id, rows, opts, progressBar);
  process.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `Imported ${result.imported} item(s) as ${mode === 'submit' ? 'submitted' : 'drafts'}, rejected ${result.rejected} row(s) in ${seconds.toFixed(1)} s (${Math.round(rows.length / seconds)} rows/s). Import ${id}.\n`,
  );
  for (const r of result.report.slice(0, REPORTED_ROWS))
    process.stdout.write(`  row ${r.row}: ${r.errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}\n`);
  if (result.report.length > REPORTED_ROWS) process.stdout.write(`  … ${result.report.length - REPORTED_ROWS} more in the import report\n`);
};
