/**
 * Uploaded archives (.xlsx) against zip bombs, over HTTP with the configuration's default limits
 * (XLSX_MAX_INFLATED_MB=100, XLSX_MAX_ENTRIES=2000): a bomb is refused with a 413 and the server's
 * memory does not follow its inflated size; an ordinary workbook still imports.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, randomIdNumber } from '../support/factories.js';
import { REGISTRY_HEADER } from '../support/registry-csv.js';
import { workbookParts, xlsxBomb, zip, type ZipPart } from '../support/zip.js';
import { XLSX_CONTENT_TYPE } from '../../src/kernel/xlsx/index.js';

let server: TestServer;
let clerk: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  [clerk, admin] = await Promise.all(['nanyang_clerk', 'nanyang_admin'].map(async (name) => (await loginStaff(server, name)).accessToken));
  const mode = await server.api('PUT', '/collection/settings/411300', { token: admin, body: { mode: 'tax_full' } });
  expect(mode.status, JSON.stringify(mode.body)).toBe(200);
}, 60_000);
afterAll(() => server?.close());

const MB = 1024 * 1024;
/** the bomb inflates to half again the default limit */
const BOMB_MB = 150;

async function post(path: string, token: string, bytes: Uint8Array, language = 'zh-CN') {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_CONTENT_TYPE, 'accept-language': language },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

const importPersons = (bytes: Uint8Array, language?: string) => post('/registry/imports?fileName=persons.xlsx', clerk, bytes, language);
const importTaxPayments = (bytes: Uint8Array) => post('/collection/imports/tax-payments?regionCode=411300&fileName=tax.xlsx', admin, bytes);

/**
 * Runs `work` while sampling this process's memory (the server runs in it): the peak growth over
 * the start, in MB, of the resident set and of the JS heap with the buffers outside it.
 */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; rssMb: number; heapMb: number }> {
  const heap = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const start = { rss: process.memoryUsage.rss(), heap: heap() };
  const peak = { ...start };
  const sample = () => {
    peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
    peak.heap = Math.max(peak.heap, heap());
  };
  const timer = setInterval(sample, 2);
  try {
    const result = await work();
    sample();
    return { result, rssMb: (peak.rss - start.rss) / MB, heapMb: (peak.heap - start.heap) / MB };
  } finally {
    clearInterval(timer);
  }
}

const rows = <T>(query: ReturnType<typeof sql>) => server.platform.ctx.database.rows<T>(query);

describe('zip bombs: uploaded archives are held to XLSX_MAX_INFLATED_MB and XLSX_MAX_ENTRIES', () => {
  it('refuses a bomb in a person import with a 413, without its memory', async () => {
    const bomb = xlsxBomb(BOMB_MB);
    expect(bomb.length).toBeLessThan(BOMB_MB * 2 * 1024); // about a thousandth of what it inflates to
    const [{ n: jobsBefore }] = await rows<{ n: number }>(sql`select count(*)::int as n from registry.import_jobs`);

    const { result: refused, rssMb, heapMb } = await peakGrowth(() => importPersons(bomb));
    expect(refused.status, JSON.stringify(refused.body)).toBe(413);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'request.archive_too_large', field: 'body', status: 413 });
    expect(refused.body.detail).toContain('100 MB');
    // the server held far less than the 150 MB the bomb inflates to (the old reader grew by over 300 MB)
    expect(rssMb, `resident set grew by ${rssMb.toFixed(1)} MB`).toBeLessThan(60);
    expect(heapMb, `heap grew by ${heapMb.toFixed(1)} MB`).toBeLessThan(60);
    // no job was left behind
    const [{ n: jobsAfter }] = await rows<{ n: number }>(sql`select count(*)::int as n from registry.import_jobs`);
    expect(jobsAfter).toBe(jobsBefore);

    const english = await importPersons(bomb, 'en');
    expect([english.status, english.body.code, english.body.field]).toEqual([413, 'request.archive_too_large', 'body']);
    expect(english.body.detail).toMatch(/too large once unpacked.*100 MB/);
  });

  it('refuses a bomb whose headers understate its size as soon as it inflates past them', async () => {
    const liar = xlsxBomb(BOMB_MB, { declaredMb: 1 });
    const { result: refused, rssMb, heapMb } = await peakGrowth(() => importPersons(liar));
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([400, 'registry.import_xlsx_invalid', 'body']);
    expect(rssMb, `resident set grew by ${rssMb.toFixed(1)} MB`).toBeLessThan(60);
    expect(heapMb, `heap grew by ${heapMb.toFixed(1)} MB`).toBeLessThan(60);
  });

  it('refuses the bomb in the collection’s payment file import too, leaving no file record', async () => {
    const [{ n: before }] = await rows<{ n: number }>(sql`select count(*)::int as n from collection.import_files`);
    const { result: refused, rssMb } = await peakGrowth(() => importTaxPayments(xlsxBomb(BOMB_MB)));
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([413, 'request.archive_too_large', 'body']);
    expect(rssMb, `resident set grew by ${rssMb.toFixed(1)} MB`).toBeLessThan(60);
    const [{ n: after }] = await rows<{ n: number }>(sql`select count(*)::int as n from collection.import_files`);
    expect(after).toBe(before);
  });

  it('refuses an archive with more entries than XLSX_MAX_ENTRIES, on both import routes', async () => {
    const parts = workbookParts({ sheetData: `<row r="1">${REGISTRY_HEADER.split(',').map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>` });
    const padding: ZipPart[] = Array.from({ length: 2001 - parts.length }, (_, i) => ({ name: `xl/media/pad${i}.bin`, data: 'x', store: true }));
    const crowded = zip([...parts, ...padding]);
    expect(crowded.length).toBeLessThan(512 * 1024);
    for (const refused of [await importPersons(crowded), await importTaxPayments(crowded)]) {
      expect([refused.status, refused.body.code, refused.body.field]).toEqual([413, 'request.archive_too_large', 'body']);
    }
    // one entry fewer is within the limit: the file is read (and this one holds only a header)
    const within = await importPersons(zip([...parts, ...padding.slice(1)]));
    expect([within.status, within.body.code]).toEqual([202, undefined]);
  });

  it('still imports an ordinary workbook, and one in Excel’s own part order', async () => {
    const ids = [randomIdNumber('411302'), randomIdNumber('411302')];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('人员');
    sheet.addRow(REGISTRY_HEADER.split(','));
    sheet.addRow([ids[0], '限额甲', '', '', '', '411302', '在职职工']);
    const started = await importPersons(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(started.status, JSON.stringify(started.body)).toBe(202);

    // the worksheet before the shared strings it points into, inline strings beside them
    const header = REGISTRY_HEADER.split(',');
    const strings = [...header, '限额乙', '城乡居民'];
    const cells = (values: Array<string | null>, r: number) =>
      values.map((v, i) => (v === null ? '' : `<c r="${String.fromCharCode(65 + i)}${r}" t="s"><v>${strings.indexOf(v)}</v></c>`)).join('');
    const handmade = zip(
      workbookParts({
        sharedStrings: strings.map((s) => `<si><t>${s}</t></si>`).join(''),
        sheetData: `<row r="1">${cells(header, 1)}</row><row r="2"><c r="A2" t="inlineStr"><is><t>${ids[1]}</t></is></c>${cells([null, '限额乙', null, null, null, null, '城乡居民'], 2)}<c r="F2"><v>411302</v></c></row>`,
      }),
    );
    const second = await importPersons(handmade);
    expect(second.status, JSON.stringify(second.body)).toBe(202);

    for (const id of [started.body.id, second.body.id]) {
      let job;
      for (let i = 0; i < 600; i++) {
        job = (await server.api('GET', `/registry/imports/${id}`, { token: clerk })).body;
        if (['completed', 'failed', 'interrupted'].includes(job.status)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(job, JSON.stringify(job)).toMatchObject({ status: 'completed', rows: { read: 1, committed: 1, failed: 0 } });
    }
  });
});
