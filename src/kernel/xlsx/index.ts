/**
 * Excel (.xlsx) uploads read as CSV text, so every importer keeps one pipeline: the first worksheet
 * is streamed (exceljs' WorkbookReader; rows are not all held in memory) and each row becomes one
 * CSV line. Cell values are turned into the text a person sees in Excel: dates as `YYYY-MM-DD`,
 * formulas as their result, rich text as its plain text.
 *
 * Long digit strings typed into a number cell (an 18-digit identity number) have already lost their
 * last digits inside the file; such a number is passed on as Excel stored it, and the importer's own
 * validation reports the row. Store such columns as text.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine } from '../csv/index.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class XlsxError extends Error {
  readonly code = 'request.xlsx_invalid';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of one cell as Excel shows it (without number formats). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads date cells as UTC midnight of the calendar day
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue); // formula
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The rows of the first worksheet of an .xlsx byte stream, with their Excel row numbers (empty rows
 * are skipped). Later worksheets are read through and ignored, so an upload is always drained.
 */
export async function* xlsxRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<{ fields: string[]; row: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let first = true;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!first) continue;
        const fields = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        while (fields.length && fields[fields.length - 1] === '') fields.pop();
        yield { fields, row: row.number };
      }
      first = false;
    }
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`not a readable .xlsx file: ${(error as Error).message}`);
  }
}

/** The first worksheet of an .xlsx byte stream, as CSV text (one `\r\n`-ended line per row). */
export async function* xlsxAsCsv(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let lastRow = 0;
  for await (const { fields, row } of xlsxRows(bytes)) {
    // empty rows become blank lines (no record, but counted), so row numbers in error reports match Excel's
    for (; lastRow + 1 < row; lastRow++) yield '\r\n';
    lastRow = row;
    yield fields.length ? csvLine(fields) : '\r\n';
  }
}
