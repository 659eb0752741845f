import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../csv/index.js';
import { cellText, xlsxAsCsv, XlsxError } from './index.js';

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
