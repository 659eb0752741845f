import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../csv/index.js';
import { DomainError } from '../errors/index.js';
import { workbookParts, xlsxBomb, zip } from '../../../test/support/zip.js';
import { cellText, xlsxAsCsv, XlsxError, xlsxRows, type ArchiveLimits } from './index.js';

async function workbook(rows: ExcelJS.CellValue[][], gapAfter?: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员');
  rows.forEach((values, i) => {
    const rowNumber = gapAfter !== undefined && i > gapAfter ? i + 2 : i + 1;
    sheet.getRow(rowNumber).values = values;
  });
  book.addWorksheet('second').addRow(['ignored']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function text(bytes: Buffer): Promise<string> {
  let out = '';
  for await (const chunk of xlsxAsCsv((async function* () {
    // arrives in pieces, as an upload does
    for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
  })())) out += chunk;
  return out;
}

describe('xlsx as CSV', () => {
  it('turns the first worksheet into CSV lines with dates, numbers and quoted text as Excel shows them', async () => {
    const bytes = await workbook([
      ['身份证号', '姓名', '出生日期', '工资'],
      ['11010519491231002X', '张三, 李', new Date(Date.UTC(1949, 11, 31)), 350000],
      ['110105194912310021', { richText: [{ text: '王' }, { text: '五' }] }, '1949-12-31', 1.5],
    ]);
    const records = parseCsvText(await text(bytes));
    expect(records.map((r) => r.fields)).toEqual([
      ['身份证号', '姓名', '出生日期', '工资'],
      ['11010519491231002X', '张三, 李', '1949-12-31', '350000'],
      ['110105194912310021', '王五', '1949-12-31', '1.5'],
    ]);
  });

  it('keeps the row numbers of rows after an empty row', async () => {
    const bytes = await workbook([['a', 'b'], ['1', '2'], ['3', '4']], 1);
    const records = parseCsvText(await text(bytes));
    expect(records.map((r) => [r.row, r.fields[0]])).toEqual([[1, 'a'], [2, '1'], [4, '3']]);
  });

  it('gives formula results and hyperlink text', () => {
    expect(cellText({ formula: 'A1*2', result: 42 } as ExcelJS.CellValue)).toBe('42');
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' } as ExcelJS.CellValue)).toBe('链接');
    expect(cellText(null)).toBe('');
  });

  it('refuses bytes that are not an xlsx file with its own error', async () => {
    await expect(text(Buffer.from('身份证号,姓名\r\n'))).rejects.toBeInstanceOf(XlsxError);
  });
});

const xlsxOf = (input: Parameters<typeof workbookParts>[0]) => zip(workbookParts(input));

async function rows(bytes: Buffer, limits?: ArchiveLimits) {
  const out: Array<[number, string[]]> = [];
  for await (const { row, fields } of xlsxRows((async function* () {
    yield bytes;
  })(), limits)) out.push([row, fields]);
  return out;
}

describe('xlsx as Excel writes it', () => {
  it('reads a worksheet stored before its shared strings, with inline and rich text, formulas, booleans, errors and dates', async () => {
    const bytes = xlsxOf({
      // shared strings: plain, rich text runs, a phonetic guide (not shown), an escaped CR
      sharedStrings: '<si><t>姓名</t></si><si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space="preserve">五 </t></r></si><si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si><si><t>a_x000D_b</t></si>',
      numFmts: '<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="&quot;¥&quot;#,##0.00"/>',
      cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="31"/>',
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
        // dates by built-in, custom and CJK formats; a money format is no date; an ISO date cell
        '<row r="2"><c r="A2" s="1"><v>18263</v></c><c r="B2" s="2"><v>45292.75</v></c><c r="C2" s="3"><v>1234.5</v></c><c r="D2" s="4"><v>45292</v></c><c r="E2" t="d"><v>2024-02-29T00:00:00</v></c></row>' +
        // formulas give their cached result (a date-styled one as a date); none cached is empty
        '<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C3" s="1"><f>TODAY()</f><v>45000</v></c><c r="D3"><f>X()</f></c><c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
        // inline strings (rich too), booleans, cells without references, a styled empty cell at the end
        '<row r="5"><c t="inlineStr"><is><r><t>行</t></r><r><t>内</t></r></is></c><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c r="E5" s="1"/></row>' +
        '<row r="6"/>' +
        '<row><c r="B7"><v>0.1</v></c></row>',
    });
    expect(await rows(bytes)).toEqual([
      [1, ['姓名', '王五 ', '山田', 'a\rb']],
      [2, ['1949-12-31', '2024-01-01', '1234.5', '2024-01-01', '2024-02-29']],
      [3, ['2', 'ab', '2023-03-15', '', '', '#DIV/0!']],
      [5, ['行内', 'true', 'false']],
      [6, []],
      [7, ['', '0.1']],
    ]);
  });

  it('keeps characters whole where the inflated stream splits them', async () => {
    // 20,000 rows of three-byte characters: the 64 KiB chunks of the parts cut through some of them
    const names = Array.from({ length: 20_000 }, (_, i) => `张三李四${i}`);
    const bytes = xlsxOf({
      sharedStrings: names.map((n) => `<si><t>${n}</t></si>`).join(''),
      sheetData: names.map((n, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${n}</t></is></c></row>`).join(''),
    });
    const read = await rows(bytes);
    expect(read.filter(([row, [a, b]]) => a !== names[row - 1] || b !== names[row - 1])).toEqual([]);
    expect(read).toHaveLength(names.length);
  });

  it('takes the first tab of the workbook, in the 1904 date system, whatever prefix the XML uses', async () => {
    const parts = workbookParts({ sheetData: '', others: ['<row r="1"><c r="A1"><v>2</v></c></row>'], cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/>', date1904: true });
    const first = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    first.data = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    // stored (not deflated) entries, the second sheet written first
    expect(await rows(zip(parts.reverse().map((p) => ({ ...p, store: true }))))).toEqual([[1, ['1904-01-01']]]);
  });

  it('refuses a damaged archive, an entry lying about its size, and XML that defines entities', async () => {
    const good = xlsxOf({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    const damaged = Buffer.from(good);
    const sheet = damaged.indexOf('xl/worksheets/sheet1.xml'); // the first time: in its local header
    damaged[sheet + 'xl/worksheets/sheet1.xml'.length + 3] ^= 0xff; // a byte of its deflated data
    await expect(rows(damaged)).rejects.toBeInstanceOf(XlsxError);
    await expect(rows(good.subarray(0, good.length - 30))).rejects.toBeInstanceOf(XlsxError);
    const liar = workbookParts({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }).map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, declaredSize: 20 } : p));
    await expect(rows(zip(liar))).rejects.toThrow(/more than the 20 bytes it declares/);
    const laughs = workbookParts({ sheetData: '' });
    laughs.find((p) => p.name.endsWith('sheet1.xml'))!.data =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="str"><v>&b;</v></c></row></sheetData></worksheet>';
    await expect(rows(zip(laughs))).rejects.toThrow(/undefined entity/);
    const far = xlsxOf({ sheetData: '<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>' });
    await expect(rows(far)).rejects.toThrow(/beyond the last column/);
  });
});

describe('archive limits (zip bombs)', () => {
  const tooLarge = { code: 'request.archive_too_large', kind: 'too_large', field: 'body' };

  it('refuses an archive whose entries declare more than the inflated limit, before inflating them', async () => {
    const bomb = xlsxBomb(20); // 20 MB of shared strings in about 20 KB
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await rows(bomb, { xlsxMaxInflatedBytes: 8 * 1024 * 1024, xlsxMaxEntries: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ ...tooLarge, params: { maxMb: 8, maxEntries: 100 } });
    // the same file within a larger limit is read (its one row is the 20 MB string)
    const [[row, [cell]]] = await rows(bomb, { xlsxMaxInflatedBytes: 32 * 1024 * 1024, xlsxMaxEntries: 100 });
    expect([row, cell.length, cell.slice(0, 3)]).toEqual([1, 20 * 1024 * 1024, 'aaa']);
  });

  it('counts the bytes inflated, over every entry read', async () => {
    const bytes = await workbook([['身份证号', '姓名'], ['11010519491231002X', '张三']]);
    await expect(rows(bytes, { xlsxMaxInflatedBytes: 1024, xlsxMaxEntries: 100 })).rejects.toMatchObject(tooLarge);
    expect(await rows(bytes, { xlsxMaxInflatedBytes: 1024 * 1024, xlsxMaxEntries: 100 })).toHaveLength(2);
  });

  it('refuses more entries than the limit', async () => {
    const parts = workbookParts({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    const limits = { xlsxMaxInflatedBytes: 1024 * 1024, xlsxMaxEntries: parts.length };
    expect(await rows(zip(parts), limits)).toEqual([[1, ['1']]]);
    const padded = [...parts, { name: 'docProps/custom.xml', data: '<x/>' }];
    await expect(rows(zip(padded), limits)).rejects.toMatchObject(tooLarge);
  });

  it('stops reading an upload that is larger than the inflated limit could explain', async () => {
    let read = 0;
    const endless = (async function* () {
      for (;;) {
        read += 64 * 1024;
        yield Buffer.alloc(64 * 1024);
      }
    })();
    await expect(xlsxRows(endless, { xlsxMaxInflatedBytes: 1024 * 1024, xlsxMaxEntries: 100 }).next()).rejects.toMatchObject(tooLarge);
    expect(read).toBeLessThan(3 * 1024 * 1024);
  });
});
