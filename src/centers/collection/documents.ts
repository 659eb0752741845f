/**
 * 缴费单文件 a unit's bill as a PDF (Chinese text in an embedded Noto Sans SC subset, so it prints
 * and its text can be copied anywhere) and as an XLSX workbook (summary and every line).
 */
import type { AppContext } from '../../kernel/context.js';
import { openPdf } from '../../kernel/pdf/index.js';
import * as registry from '../registry/index.js';
import type { BillRow } from './pools.js';
import type { receivables } from './schema.js';
import { monthText } from './rules.js';
import { percentOfPpm, yuan } from '../../kernel/money/index.js';

type LineRow = typeof receivables.$inferSelect;

const BEYOND_FONT = /[\u{20000}-\u{3FFFF}]/u;
const STATUS: Record<string, string> = { due: '待缴', partly_paid: '部分缴费', paid: '已缴清', cancelled: '已作废' };
const PAYER: Record<string, string> = { unit: '单位', person: '个人', fiscal: '财政' };
const LINE_STATUS: Record<string, string> = { due: '应缴', received: '已到账', cancelled: '已作废' };

interface BillContext {
  bill: BillRow;
  entity: { name: string; creditCode: string } | null;
  lines: LineRow[];
  names: Map<string, string>;
}

/** The unit and its employees' names for a bill (registry reads: one per person on the bill). */
export async function billContext(ctx: AppContext, bill: BillRow, lines: LineRow[]): Promise<BillContext> {
  const entity = await registry.getEntity(ctx, bill.entityId);
  const names = new Map<string, string>();
  const persons = [...new Set(lines.map((l) => l.personId))];
  for (let i = 0; i < persons.length; i += 1000) {
    for (const [id, person] of await registry.getPersons(ctx, persons.slice(i, i + 1000))) names.set(id, person.name);
  }
  return { bill, entity: entity ? { name: entity.name, creditCode: entity.creditCode } : null, lines, names };
}

export async function billPdfBuffer({ bill, entity, lines, names }: BillContext): Promise<Buffer> {
  const { doc, finish } = await openPdf({ size: 'A4', margin: 48, info: { Title: `单位缴费单 ${bill.number}`, Author: 'Yibao 医保公共服务业务中台', Subject: `${monthText(bill.month)} ${entity?.name ?? bill.entityId}` } });

  doc.fontSize(18).text('单位缴费单', { align: 'center' });
  doc.moveDown(0.3).fontSize(9).fillColor('#555').text('Unit contribution bill', { align: 'center' }).fillColor('#000');
  doc.moveDown();
  doc.fontSize(10);
  const field = (label: string, value: string) => doc.text(`${label}：${value}`);
  field('缴费单号', bill.number);
  field('单位名称', entity?.name ?? bill.entityId);
  field('统一社会信用代码', entity?.creditCode ?? '');
  field('费款所属期', monthText(bill.month));
  field('缴费状态', STATUS[bill.status] ?? bill.status);
  field('参保人数', String(bill.persons));
  doc.moveDown();

  const table = (headers: string[], rows: string[][], widths: number[]) => {
    const x0 = doc.page.margins.left;
    const drawRow = (cells: string[], bold = false) => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
      const y = doc.y;
      let x = x0;
      cells.forEach((cell, i) => {
        doc.fillColor(bold ? '#000' : '#222').text(cell, x + 2, y, { width: widths[i] - 4, lineBreak: false, align: i === 0 ? 'left' : 'right' });
        x += widths[i];
      });
      doc.moveTo(x0, y + 14).lineTo(x, y + 14).lineWidth(0.3).strokeColor('#999').stroke();
      doc.x = x0;
      doc.y = y + 17;
    };
    drawRow(headers, true);
    for (const row of rows) drawRow(row);
  };

  doc.fontSize(11).text('按险种汇总（元）');
  doc.moveDown(0.3).fontSize(9);
  table(
    ['险种', '单位缴费', '个人缴费', '合计', '已到账'],
    [
      ...bill.byType.map((t) => [t.insuranceType, yuan(t.unitFen), yuan(t.personFen), yuan(t.totalFen), yuan(t.receivedFen)]),
      ['合计', yuan(bill.unitFen), yuan(bill.personFen), yuan(bill.totalFen), yuan(bill.receivedFen)],
    ],
    [120, 90, 90, 100, 90],
  );
  doc.moveDown();
  doc.fontSize(11).text(`应缴合计：${yuan(bill.totalFen)} 元    已到账：${yuan(bill.receivedFen)} 元    未缴：${yuan(Math.max(bill.totalFen - bill.receivedFen, 0))} 元`);
  doc.moveDown();

  doc.fontSize(11).text('缴费明细（元）');
  doc.moveDown(0.3).fontSize(8);
  table(
    ['姓名', '险种', '缴费主体', '基数', '费率', '金额', '状态'],
    lines.map((l) => [names.get(l.personId) ?? l.personId, l.insuranceType, PAYER[l.payer] ?? l.payer, yuan(l.baseFen), percentOfPpm(l.ratePpm), yuan(l.amountFen), LINE_STATUS[l.status] ?? l.status]),
    [110, 60, 60, 80, 60, 70, 60],
  );
  // Noto Sans SC stops at the Basic Multilingual Plane: a rare character of CJK Extension B and
  // beyond (some names) has no glyph here. Say so rather than print a name with a gap in it.
  if ([entity?.name ?? '', ...names.values()].some((name) => BEYOND_FONT.test(name))) {
    doc.moveDown().fontSize(8).fillColor('#a00').text('注：部分姓名含字库未收录的生僻字（CJK 扩展 B 及以后），PDF 中无法显示，请以 Excel 缴费单为准。Some names hold rare characters this font lacks; see the Excel bill.');
  }
  return finish();
}

export async function billXlsxBuffer({ bill, entity, lines, names }: BillContext): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yibao';
  const summary = workbook.addWorksheet('缴费单');
  summary.columns = [{ width: 20 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }];
  summary.addRow(['单位缴费单 Unit contribution bill']).font = { bold: true, size: 14 };
  summary.addRow(['缴费单号', bill.number]);
  summary.addRow(['单位名称', entity?.name ?? bill.entityId]);
  summary.addRow(['统一社会信用代码', entity?.creditCode ?? '']);
  summary.addRow(['费款所属期', monthText(bill.month)]);
  summary.addRow(['缴费状态', STATUS[bill.status] ?? bill.status]);
  summary.addRow(['参保人数', bill.persons]);
  summary.addRow([]);
  summary.addRow(['险种', '单位缴费（元）', '个人缴费（元）', '合计（元）', '已到账（元）']).font = { bold: true };
  // Amounts as exact text in yuan (no binary fractions); the detail sheet also has whole fen to sum.
  for (const t of bill.byType) summary.addRow([t.insuranceType, yuan(t.unitFen), yuan(t.personFen), yuan(t.totalFen), yuan(t.receivedFen)]);
  summary.addRow(['合计', yuan(bill.unitFen), yuan(bill.personFen), yuan(bill.totalFen), yuan(bill.receivedFen)]).font = { bold: true };
  for (const column of [2, 3, 4, 5]) summary.getColumn(column).alignment = { horizontal: 'right' };

  const detail = workbook.addWorksheet('明细');
  detail.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '人员编号', key: 'personId', width: 32 },
    { header: '险种', key: 'insuranceType', width: 8 },
    { header: '规则', key: 'ruleCode', width: 10 },
    { header: '缴费主体', key: 'payer', width: 10 },
    { header: '基数（元）', key: 'base', width: 14, style: { alignment: { horizontal: 'right' } } },
    { header: '费率', key: 'rate', width: 10 },
    { header: '金额（元）', key: 'amount', width: 14, style: { alignment: { horizontal: 'right' } } },
    { header: '金额（分）', key: 'amountFen', width: 12 },
    { header: '状态', key: 'status', width: 10 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const l of lines) {
    detail.addRow({
      name: names.get(l.personId) ?? '',
      personId: l.personId,
      insuranceType: l.insuranceType,
      ruleCode: l.ruleCode,
      payer: PAYER[l.payer] ?? l.payer,
      base: yuan(l.baseFen),
      rate: percentOfPpm(l.ratePpm),
      amount: yuan(l.amountFen),
      amountFen: l.amountFen,
      status: LINE_STATUS[l.status] ?? l.status,
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
