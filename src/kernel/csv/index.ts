import { registerMessages } from '../i18n/index.js';

/**
 * Streaming CSV (RFC 4180) parser and writer, for files people bring (registry imports, catalogs). Text arrives in chunks of any size, split anywhere
 * (inside a quoted field, between CR and LF); complete records come out as soon as they end.
 *
 * - fields are separated by commas; a field in double quotes may hold commas, newlines and "" (one quote)
 * - records end at LF, CRLF or a lone CR; a byte-order mark at the very start is skipped
 * - blank lines produce no record but count as rows, as in a spreadsheet
 * - lenient like spreadsheets: a quote inside an unquoted field is literal; text after a closing quote is appended
 * - an unterminated quote at the end of input, or a record longer than maxRecordChars, is a CsvError
 */

export interface CsvRecord {
  fields: string[];
  /** spreadsheet row number: the first line is row 1, blank lines count */
  row: number;
  /** physical line where the record starts (differs from row after quoted newlines) */
  line: number;
}

export class CsvError extends Error {
  constructor(
    readonly code: 'csv.unterminated_quote' | 'csv.record_too_long',
    readonly line: number,
  ) {
    super(`${code} at line ${line}`);
    this.name = 'CsvError';
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** a quote seen inside a quoted field: either "" or the closing quote */
  QuoteInQuoted,
  /** after the closing quote, before the separator */
  AfterQuoted,
}

export class CsvParser {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private recordChars = 0;
  private row = 0;
  private line = 1;
  private recordRow = 1;
  private recordLine = 1;
  private first = true;
  /** the previous chunk ended in a CR that ended a record: skip an LF at the start of this one */
  private skipLf = false;
  /** inside quotes, the previous character was a CR */
  private prevCr = false;
  /** the current record had a quoted field (so a lone empty field is not a blank line) */
  private sawQuote = false;
  private readonly separator: number;
  private readonly maxRecordChars: number;

  constructor(options: { separator?: string; maxRecordChars?: number } = {}) {
    this.separator = (options.separator ?? ',').charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? 1 << 20;
  }

  /** Feeds the next chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (this.first && chunk.length) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.skipLf && i < chunk.length) {
      this.skipLf = false;
      if (chunk.charCodeAt(i) === LF) i++;
    }
    // start of the current run of plain characters in this chunk
    let run = i;
    const sep = this.separator;
    const n = chunk.length;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.sawQuote = true;
            this.prevCr = false;
            run = i + 1;
          } else if (c === sep) {
            this.endField('');
            run = i + 1;
          } else if (c === LF || c === CR) {
            this.endField('');
            i = this.endLine(chunk, i, out);
            run = i + 1;
          } else {
            this.state = State.Unquoted;
            run = i;
          }
          break;
        case State.Unquoted:
          if (c === sep) {
            this.endField(this.field + chunk.slice(run, i));
            run = i + 1;
          } else if (c === LF || c === CR) {
            this.endField(this.field + chunk.slice(run, i));
            i = this.endLine(chunk, i, out);
            run = i + 1;
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.field += chunk.slice(run, i);
            this.state = State.QuoteInQuoted;
          } else if (c === CR || (c === LF && !this.prevCr)) {
            // a newline inside quotes: CRLF counts once, even when split between chunks
            this.line++;
          }
          this.prevCr = c === CR;
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // "" inside quotes: one literal quote; the run restarts at this second quote
            this.state = State.Quoted;
            this.prevCr = false;
            run = i;
          } else {
            this.state = State.AfterQuoted;
            i--; // look at this character again as the one after the closing quote
          }
          break;
        case State.AfterQuoted:
          if (c === sep) {
            this.endField(this.field);
            run = i + 1;
          } else if (c === LF || c === CR) {
            this.endField(this.field);
            i = this.endLine(chunk, i, out);
            run = i + 1;
          } else {
            // text after the closing quote ("ab"c): kept, as spreadsheets do
            this.state = State.Unquoted;
            run = i;
          }
          break;
      }
    }
    // Keep the unfinished run for the next chunk.
    if (this.state === State.Unquoted || this.state === State.Quoted) {
      this.field += chunk.slice(run, n);
    }
    this.checkLength();
    return out;
  }

  /** Ends the input: returns the last record (if the input did not end with a newline). */
  end(): CsvRecord[] {
    if (this.state === State.Quoted) throw new CsvError('csv.unterminated_quote', this.recordLine);
    const out: CsvRecord[] = [];
    if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.endField(this.field);
      this.emit(out);
    }
    return out;
  }

  private endField(value: string) {
    this.fields.push(value);
    this.recordChars += value.length;
    this.field = '';
    this.state = State.FieldStart;
    this.checkLength();
  }

  /** Ends a line at position i (CR or LF); returns the index of its last character. */
  private endLine(chunk: string, i: number, out: CsvRecord[]): number {
    this.emit(out);
    this.line++;
    if (chunk.charCodeAt(i) === CR) {
      if (i + 1 < chunk.length) {
        if (chunk.charCodeAt(i + 1) === LF) return i + 1;
      } else {
        this.skipLf = true;
      }
    }
    return i;
  }

  private emit(out: CsvRecord[]) {
    this.row++;
    const blank = this.fields.length === 1 && this.fields[0] === '' && !this.sawQuote;
    if (!blank) out.push({ fields: this.fields, row: this.recordRow, line: this.recordLine });
    this.fields = [];
    this.recordChars = 0;
    this.sawQuote = false;
    this.recordRow = this.row + 1;
    this.recordLine = this.line + 1;
  }

  private checkLength() {
    if (this.recordChars + this.field.length > this.maxRecordChars) throw new CsvError('csv.record_too_long', this.recordLine);
  }
}

/** Records of a stream of text chunks. */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, options?: ConstructorParameters<typeof CsvParser>[0]): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options);
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

/** Parses a whole string (tests, small inputs). */
export function parseCsvText(text: string, options?: ConstructorParameters<typeof CsvParser>[0]): CsvRecord[] {
  const parser = new CsvParser(options);
  return [...parser.push(text), ...parser.end()];
}

/**
 * One CSV field for a file people open in a spreadsheet: quoted when it holds a separator, quote
 * or newline; a leading = + - @ (or tab/CR) is prefixed with ' so it is not run as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  let v = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (values: Array<string | number | null | undefined>) => `${values.map(csvField).join(',')}\r\n`;

registerMessages({
  'csv.unterminated_quote': { zh: '第 {line} 行开始的引号没有闭合', en: 'The quote opened on line {line} is never closed' },
  'csv.record_too_long': { zh: '第 {line} 行开始的记录过长（引号是否缺失？）', en: 'The record starting on line {line} is too long (a missing quote?)' },
});
