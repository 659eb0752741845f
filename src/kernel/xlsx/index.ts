/**
 * Excel (.xlsx) uploads read as CSV text, so every importer keeps one pipeline: the first worksheet
 * is streamed (rows are never all held in memory) and each row becomes one CSV line. Cell values are
 * turned into the text a person sees in Excel: dates as `YYYY-MM-DD`, formulas as their result, rich
 * text as its plain text.
 *
 * An .xlsx is a zip archive of XML parts, and an upload is not trusted: the archive is read through
 * `Archive` (zip.ts), which refuses more entries or more inflated bytes than the configuration allows
 * (413 `request.archive_too_large`, a zip bomb) before and while inflating. The parts are parsed with
 * a streaming XML parser (saxes, which expands no entities of a DTD). The one table held whole, the
 * 共享字符串 shared strings every text cell points into, is kept as UTF-8 bytes rather than a string
 * each, so its memory stays near its size in the file, which the archive's limit bounds.
 *
 * Long digit strings typed into a number cell (an 18-digit identity number) have already lost their
 * last digits inside the file; such a number is passed on as Excel stored it, and the importer's own
 * validation reports the row. Store such columns as text.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { csvLine } from '../csv/index.js';
import { Archive, ArchiveError, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './zip.js';

export { archiveTooLarge, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './zip.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The bytes are not a readable .xlsx workbook (callers turn it into their 400 on the body). */
export class XlsxError extends Error {
  readonly code = 'request.xlsx_invalid';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of one cell as Excel shows it (without number formats). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // date cells are read as UTC midnight of the calendar day
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
 * The rows of the first worksheet (the first tab) of an .xlsx byte stream, with their Excel row
 * numbers (empty rows are skipped). The upload is always read to its end before the first row (the
 * archive's directory is at its end), unless it is too large. `limits`: the configuration's
 * `uploads` (`ctx.config.uploads`).
 */
export async function* xlsxRows(
  bytes: AsyncIterable<Uint8Array>,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): AsyncGenerator<{ fields: string[]; row: number }> {
  let archive: Archive | undefined;
  try {
    archive = await Archive.open(bytes, limits);
    const book = await readBook(archive);
    if (book) yield* sheetRows(archive, book);
  } catch (error) {
    if (error instanceof ArchiveError) throw new XlsxError(`not a readable .xlsx file: ${error.message}`);
    throw error;
  } finally {
    await archive?.close();
  }
}

/** The first worksheet of an .xlsx byte stream, as CSV text (one `\r\n`-ended line per row). */
export async function* xlsxAsCsv(bytes: AsyncIterable<Uint8Array>, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): AsyncGenerator<string> {
  let lastRow = 0;
  for await (const { fields, row } of xlsxRows(bytes, limits)) {
    // empty rows become blank lines (no record, but counted), so row numbers in error reports match Excel's
    for (; lastRow + 1 < row; lastRow++) yield '\r\n';
    lastRow = row;
    yield fields.length ? csvLine(fields) : '\r\n';
  }
}

// ------------------------------------------------------------------------------------- parts

/** Excel's largest sheet: 1,048,576 rows of 16,384 columns (a reference beyond is a damaged file). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

interface Book {
  sheet: string;
  strings: SharedStrings;
  /** per cell style (index into cellXfs): whether its number format shows a date */
  dateStyles: boolean[];
  date1904: boolean;
}

interface Relationship {
  type: string;
  target: string;
}

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** `x:c` → `c`: some writers prefix the spreadsheet namespace. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** An attribute by local name (`r:id`, whatever the prefix). */
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
}

/**
 * Feeds one XML part to a SAX parser chunk by chunk, yielding after each chunk so a caller can take
 * what the handlers collected. Malformed XML is an ArchiveError naming the part.
 */
async function* parseXml(archive: Archive, part: string, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  if (handlers.open) parser.on('opentag', (tag) => handlers.open!(localName(tag.name), tag.attributes));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8');
  const feed = (text: string, end = false) => {
    try {
      parser.write(text);
      if (end) parser.close();
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError(`${part}: ${(error as Error).message}`);
    }
  };
  for await (const chunk of archive.read(part)) {
    feed(decoder.decode(chunk, { stream: true }));
    yield;
  }
  feed(decoder.decode(), true);
  yield;
}

async function readXml(archive: Archive, part: string, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parseXml(archive, part, handlers));
}

/** A part's relationships (`dir/_rels/name.rels`) by id, targets resolved to part names. */
async function readRelationships(archive: Archive, part: string): Promise<Map<string, Relationship>> {
  const dir = path.posix.dirname(part);
  const rels = path.posix.join(dir, '_rels', `${path.posix.basename(part)}.rels`).replace(/^\.\//, '');
  const found = new Map<string, Relationship>();
  if (!archive.has(rels)) return found;
  await readXml(archive, rels, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External' || !attributes.Id || !attributes.Target) return;
      const target = attributes.Target.startsWith('/') ? attributes.Target.slice(1) : path.posix.join(dir, attributes.Target);
      found.set(attributes.Id, { type: attributes.Type ?? '', target: path.posix.normalize(target).replace(/^\.\//, '') });
    },
  });
  return found;
}

const ofType = (relationship: Relationship | undefined, type: string) => relationship !== undefined && relationship.type.endsWith(`/${type}`);

/** The workbook's parts: its first worksheet, styles, shared strings and date system; null without a worksheet. */
async function readBook(archive: Archive): Promise<Book | null> {
  const root = await readRelationships(archive, '');
  const workbook = [...root.values()].find((r) => ofType(r, 'officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!archive.has(workbook)) throw new ArchiveError('no workbook part');
  const sheetIds: string[] = [];
  let date1904 = false;
  await readXml(archive, workbook, {
    open(name, attributes) {
      if (name === 'sheet') {
        const id = attribute(attributes, 'id');
        if (id) sheetIds.push(id);
      } else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
    },
  });
  const relationships = await readRelationships(archive, workbook);
  const sheet = sheetIds.map((id) => relationships.get(id)).find((r) => ofType(r, 'worksheet') && archive.has(r!.target));
  if (!sheet) return null;
  const parts = [...relationships.values()];
  const styles = parts.find((r) => ofType(r, 'styles') && archive.has(r.target));
  const strings = parts.find((r) => ofType(r, 'sharedStrings') && archive.has(r.target));
  return {
    sheet: sheet.target,
    dateStyles: styles ? await readDateStyles(archive, styles.target) : [],
    strings: strings ? await readSharedStrings(archive, strings.target) : new SharedStrings(),
    date1904,
  };
}

/** Built-in number formats that show a date or time: 14–22 and 45–47, and the CJK ones 27–36 and 50–58 (年月日). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format shows a date when, outside quotes, brackets and escapes, it has a date or time letter. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\.|[_*]./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** For each cell style (`cellXfs`), whether its number format is a date's. */
async function readDateStyles(archive: Archive, part: string): Promise<boolean[]> {
  const customDates = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await readXml(archive, part, {
    open(name, attributes) {
      if (name === 'numFmt') customDates.set(Number(attributes.numFmtId), isDateFormat(attributes.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        styles.push(customDates.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** `_x000D_` → CR: how OOXML escapes characters XML cannot carry in a string. */
const unescapeOoxml = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

const BLOCK_BYTES = 256 * 1024;

/**
 * 共享字符串表 the shared strings, as UTF-8 in blocks of bytes with three numbers each (block, start,
 * end): no JS string per entry (nor slices of the parser's chunks kept alive), so the table costs
 * about its bytes in the file, which the archive's inflated limit bounds.
 */
class SharedStrings {
  private blocks: Buffer[] = [];
  private used = BLOCK_BYTES;
  private refs = new Uint32Array(3 * 1024);
  private count = 0;

  add(text: string) {
    const length = Buffer.byteLength(text);
    let block = this.blocks[this.blocks.length - 1];
    if (!block || this.used + length > block.length) {
      block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, length));
      this.blocks.push(block);
      this.used = 0;
    }
    block.write(text, this.used);
    if (this.refs.length < 3 * (this.count + 1)) {
      const grown = new Uint32Array(this.refs.length * 2);
      grown.set(this.refs);
      this.refs = grown;
    }
    this.refs.set([this.blocks.length - 1, this.used, this.used + length], 3 * this.count++);
    this.used += length;
  }

  /** The string at an index; a reference past the table is an empty cell, as Excel shows it. */
  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return '';
    const at = 3 * index;
    return this.blocks[this.refs[at]].toString('utf8', this.refs[at + 1], this.refs[at + 2]);
  }
}

/** Each `<si>`: its text runs (`<t>`, directly or in rich-text runs `<r>`), without phonetic guides (`<rPh>`). */
async function readSharedStrings(archive: Archive, part: string): Promise<SharedStrings> {
  const strings = new SharedStrings();
  let text: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await readXml(archive, part, {
    open(name) {
      if (name === 'si') text = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && text && !phonetic) inText = true;
    },
    text(value) {
      if (inText) text!.push(value);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && text) {
        strings.add(unescapeOoxml(text.join('')));
        text = null;
      }
    },
  });
  return strings;
}

interface Cell {
  column: number;
  /** t: s shared string, inlineStr, str (a formula's text), b, e (error), d (ISO date), n (number, the default) */
  type: string;
  style: number;
  value: string | null;
  inline: string[] | null;
}

/** `B12` → 2; the next column when the reference is missing. */
function columnOf(reference: string | undefined, next: number): number {
  if (!reference) return next;
  let column = 0;
  for (const ch of reference.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
    if (column > MAX_COLUMN) throw new ArchiveError(`cell ${reference.slice(0, 20)} is beyond the last column`);
  }
  return column || next;
}

/** Excel's serial day (from 1899-12-30, or 1904-01-01 in the 1904 system) as a date, UTC. */
const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** The cell's text as Excel shows it; a formula gives its last computed result. */
function cellValueText(cell: Cell, book: Book): string {
  const value = cell.value;
  switch (cell.type) {
    case 's':
      return value === null ? '' : book.strings.get(Number(value));
    case 'inlineStr':
      return unescapeOoxml(cell.inline ? cell.inline.join('') : (value ?? ''));
    case 'str':
      return unescapeOoxml(value ?? '');
    case 'e':
      return value ?? '';
    case 'b':
      return value === null ? '' : cellText(Number(value) !== 0);
    case 'd':
      return value === null ? '' : (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value);
    default: {
      if (value === null || value.trim() === '') return '';
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      if (book.dateStyles[cell.style]) {
        const date = excelDate(number, book.date1904);
        if (!Number.isNaN(date.getTime())) return cellText(date);
      }
      return cellText(number);
    }
  }
}

/** The worksheet's rows as they stream out of the archive, one parsed chunk at a time. */
async function* sheetRows(archive: Archive, book: Book): AsyncGenerator<{ fields: string[]; row: number }> {
  const ready: Array<{ fields: string[]; row: number }> = [];
  let fields: string[] | null = null;
  let rowNumber = 0;
  let nextColumn = 1;
  let cell: Cell | null = null;
  let capture: 'value' | 'inline' | null = null;
  let phonetic = 0;
  const handlers: XmlHandlers = {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) throw new ArchiveError(`row ${String(attributes.r).slice(0, 20)} is beyond the last row`);
          rowNumber = r;
          fields = [];
          nextColumn = 1;
          break;
        }
        case 'c':
          if (!fields) break;
          cell = { column: columnOf(attributes.r, nextColumn), type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: null, inline: null };
          nextColumn = cell.column + 1;
          break;
        case 'v':
          if (!cell) break;
          cell.value = '';
          capture = 'value';
          break;
        case 'is':
          if (cell) cell.inline = [];
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell?.inline && !phonetic) capture = 'inline';
          break;
      }
    },
    text(text) {
      if (capture === 'value') cell!.value += text;
      else if (capture === 'inline') cell!.inline!.push(text);
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell && fields) {
            const text = cellValueText(cell, book);
            while (fields.length < cell.column) fields.push('');
            fields[cell.column - 1] = text;
          }
          cell = null;
          break;
        case 'row':
          if (fields) {
            while (fields.length && fields[fields.length - 1] === '') fields.pop();
            ready.push({ fields, row: rowNumber });
          }
          fields = null;
          break;
      }
    },
  };
  for await (const _ of parseXml(archive, book.sheet, handlers)) {
    for (const row of ready.splice(0)) yield row;
  }
}
