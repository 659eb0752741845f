/**
 * 电子票据版式文件 the bill as a PDF: Chinese text in an embedded Noto Sans SC subset (so it prints
 * anywhere and its text can be extracted), the fund / account / cash split, and a verification QR
 * code drawn as vector squares (no image codec in the render path).
 */
import QRCode from 'qrcode';
import { openPdf } from '../../kernel/pdf/index.js';
import { beijingDateTime, VISIT_TYPE_ZH, yuan } from './rules.js';
import type { BillView } from './contract.js';

/** The verification page with the four (five) fields filled in, as the QR code carries it. */
export function verifyLink(verifyUrl: string, bill: Pick<BillView, 'billCode' | 'billNumber' | 'checkCode' | 'issueDate' | 'totalFen'>): string {
  const query = new URLSearchParams({ code: bill.billCode, number: bill.billNumber, check: bill.checkCode, date: bill.issueDate, total: String(bill.totalFen) });
  return `${verifyUrl}?${query.toString()}`;
}

export async function billPdfBuffer(bill: BillView, verifyUrl: string): Promise<Buffer> {
  const red = bill.kind === 'red';
  const title = red ? '医疗收费电子票据（红字）' : '医疗收费电子票据';
  const { doc, finish } = await openPdf({ size: 'A5', layout: 'landscape', margin: 36, info: { Title: `${title} ${bill.billCode}-${bill.billNumber}`, Author: 'Yibao 医保公共服务业务中台', Subject: bill.institution.name } });

  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;

  // Verification QR code, top right: scanning it opens the public verification page pre-filled.
  const qr = QRCode.create(verifyLink(verifyUrl, bill), { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const qrSize = 78;
  const cell = qrSize / modules;
  const qrX = right - qrSize;
  const qrY = doc.page.margins.top;
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (qr.modules.get(row, col)) doc.rect(qrX + col * cell, qrY + row * cell, cell, cell);
    }
  }
  doc.fillColor('#000').fill();
  doc.fontSize(6).fillColor('#555').text('扫码查验 scan to verify', qrX, qrY + qrSize + 2, { width: qrSize, align: 'center' });

  doc.fillColor(red ? '#b00' : '#000').fontSize(16).text(title, left, doc.page.margins.top, { width: right - left - qrSize, align: 'center' });
  doc.fontSize(8).fillColor('#555').text(red ? 'Medical electronic bill (red-letter, voiding)' : 'Medical electronic bill', { width: right - left - qrSize, align: 'center' });
  doc.fillColor('#000').moveDown(0.8).fontSize(9);

  const line = (pairs: Array<[string, string]>) => {
    doc.x = left;
    doc.text(pairs.map(([label, value]) => `${label}：${value}`).join('    '), { width: right - left - qrSize - 8 });
  };
  line([['票据代码', bill.billCode], ['票据号码', bill.billNumber], ['校验码', bill.checkCode]]);
  line([['开票日期', beijingDateTime(new Date(bill.issuedAt))]]);
  line([['交款人', bill.payerName], ['医保编号', bill.insuranceId], ['就诊类型', VISIT_TYPE_ZH[bill.visitType]]]);
  line([['开票单位', `${bill.institution.name}（${bill.institution.code}）`]]);
  if (bill.originalBill) line([['冲红原票据', `${bill.originalBill.billCode} ${bill.originalBill.billNumber}`]]);
  if (bill.redBill) line([['已冲红', `红字票据 ${bill.redBill.billCode} ${bill.redBill.billNumber}`]]);
  doc.y = Math.max(doc.y, qrY + qrSize + 14);
  doc.moveDown(0.5);

  // Items (项目) with their amounts, then the split.
  const amountX = right - 110;
  const row = (name: string, amount: string, bold = false) => {
    const y = doc.y;
    doc.fillColor(bold ? '#000' : '#222').text(name, left + 2, y, { width: amountX - left - 8, lineBreak: false, ellipsis: true });
    doc.text(amount, amountX, y, { width: 108, align: 'right', lineBreak: false });
    doc.moveTo(left, y + 13).lineTo(right, y + 13).lineWidth(0.3).strokeColor('#999').stroke();
    doc.x = left;
    doc.y = y + 16;
  };
  row('项目名称 item', '金额（元） yuan', true);
  for (const item of bill.items) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage().font('cjk').fontSize(9);
    row(item.name, yuan(item.amountFen));
  }
  doc.moveDown(0.4);
  row('合计 total', yuan(bill.totalFen), true);
  row('医保统筹基金支付 fund', yuan(bill.fundPayFen));
  row('个人账户支付 personal account', yuan(bill.accountPayFen));
  row('个人现金支付 cash', yuan(bill.cashPayFen));

  doc.moveDown(0.6).fontSize(6).fillColor('#555');
  doc.x = left;
  doc.text(`SM2 签名（SM3，签名者标识 1234567812345678）：${bill.signature}`, { width: right - left });
  doc.text(`结算流水号：${bill.settlementRef}`, { width: right - left });
  return finish();
}
