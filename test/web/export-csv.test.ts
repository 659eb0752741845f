/** 导出: the CSV a list page writes, and how it reads every page. */
import { describe, expect, it } from 'vitest';
import { readAll, toCsv, type ExportColumn } from '../../web/src/components/exportCsv.js';

interface Row {
  id: string;
  name: string;
  amountFen: number;
  person: { region: string };
}

const columns: ExportColumn<Row>[] = [
  { title: '名称', dataIndex: 'name' },
  { title: '金额（元）', dataIndex: 'amountFen', exportAs: (r) => (r.amountFen / 100).toFixed(2) },
  { title: '区划', dataIndex: ['person', 'region'] },
  // an actions column: no text title, not exported
  { title: undefined, key: 'actions' },
];

describe('toCsv', () => {
  it.each([
    ['plain', { id: '1', name: '南阳市第一人民医院', amountFen: 1_445_000, person: { region: '411302' } }, '南阳市第一人民医院,14450.00,411302'],
    ['a comma and quotes are quoted', { id: '2', name: 'A, "B"', amountFen: 5, person: { region: '411303' } }, '"A, ""B""",0.05,411303'],
    ['a formula is defused', { id: '3', name: '=HYPERLINK("x")', amountFen: 0, person: { region: '410100' } }, `"'=HYPERLINK(""x"")",0.00,410100`],
    ['a negative number stays a number', { id: '4', name: '-12', amountFen: -100, person: { region: '110105' } }, '-12,-1.00,110105'],
  ])('%s', (_, row, line) => {
    const csv = toCsv(columns, [row]);
    expect(csv.startsWith('\uFEFF名称,金额（元）,区划\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(line);
  });
});

describe('readAll', () => {
  const source = Array.from({ length: 250 }, (_, i) => i);
  const fetchPage = async (page: number, pageSize: number) => ({ items: source.slice((page - 1) * pageSize, page * pageSize), total: source.length });

  it('reads every page in order', async () => {
    expect(await readAll(fetchPage)).toEqual({ rows: source, tooMany: false });
  });

  it('refuses a list longer than the limit without reading it', async () => {
    let calls = 0;
    const long = async () => (calls++, { items: [1], total: 5_001 });
    expect(await readAll(long)).toEqual({ rows: [], tooMany: true });
    expect(calls).toBe(1);
  });
});
