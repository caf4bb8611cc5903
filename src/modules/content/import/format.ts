// The bulk-import template (docs/import.md): one row per item, in its source language, with
// optional translation columns title_<lang>, summary_<lang>, body_<lang>. CSV (UTF-8, comma,
// header row), XLSX (first sheet, header row) or JSON (an array of objects with the same keys).
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export const TEMPLATE_COLUMNS = [
  'kind',
  'language',
  'agency',
  'title',
  'summary',
  'body',
  'activity_date',
  'authors',
  'topics',
  'tags',
  'place',
  'source_type',
  'source_name',
  'source_url',
  'copyright_holder',
  'licence',
  'visibility',
  'document_number',
  'document_issuing_body',
  'document_issue_date',
  'document_effective_date',
  'document_signer',
  'document_type',
  'claim_rating',
  'claim_statement',
  'claim_claimant',
  'claim_first_seen',
  'claim_urls',
] as const;

export type RawRow = Record<string, unknown>;
export type ImportFormat = 'csv' | 'xlsx' | 'json';
export const MAX_ROWS = 100_000;

export class ImportFileError extends Error {}

function normaliseKeys(row: RawRow): RawRow {
  const out: RawRow = {};
  for (const [k, v] of Object.entries(row)) out[k.trim().toLowerCase().normalize('NFC')] = typeof v === 'string' ? v.normalize('NFC') : v;
  return out;
}

export async function parseImportFile(format: ImportFormat, body: Buffer | unknown): Promise<RawRow[]> {
  let rows: RawRow[];
  if (format === 'json') {
    let data = body;
    if (Buffer.isBuffer(body)) {
      try {
        data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
      } catch (e) {
        throw new ImportFileError(`not valid UTF-8 JSON: ${(e as Error).message}`);
      }
    }
    if (!Array.isArray(data)) throw new ImportFileError('the JSON must be an array of objects');
    if (data.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) throw new ImportFileError('every element of the JSON array must be an object');
    rows = data as RawRow[];
  } else if (format === 'csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body as Buffer);
    } catch {
      throw new ImportFileError('the CSV is not valid UTF-8');
    }
    try {
      rows = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: false, relax_column_count: false }) as RawRow[];
    } catch (e) {
      throw new ImportFileError(`the CSV cannot be read: ${(e as Error).message}`);
    }
  } else {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
    } catch (e) {
      throw new ImportFileError(`the XLSX file cannot be read: ${(e as Error).message}`);
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw new ImportFileError('the XLSX file has no worksheet');
    const header: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col] = String(cell.text ?? '').trim()));
    rows = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) return;
      const r: RawRow = {};
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (header[col]) r[header[col]] = cell.type === ExcelJS.ValueType.Date ? (cell.value as Date).toISOString().slice(0, 10) : cell.text;
      });
      rows.push(r);
    });
  }
  if (rows.length > MAX_ROWS) throw new ImportFileError(`too many rows (${rows.length}); at most ${MAX_ROWS} per file`);
  if (!rows.length) throw new ImportFileError('the file has no data rows');
  return rows.map(normaliseKeys);
}
