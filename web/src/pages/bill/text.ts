/** The e-bill pages' own strings (zh-CN and English), kept beside them rather than in the shared catalog. */
import { useI18n } from '../../i18n';

const zh = {
  'mine.title': '我的电子票据',
  'mine.hint': '定点医药机构结算后开具的医疗收费电子票据；可下载 PDF，凭票据代码、号码、校验码和开票日期在“票据查验”中核验真伪。',
  'col.code': '票据代码',
  'col.number': '票据号码',
  'col.checkCode': '校验码',
  'col.date': '开票日期',
  'col.institution': '开票单位',
  'col.visitType': '就诊类型',
  'col.total': '合计（元）',
  'col.fund': '统筹基金支付',
  'col.account': '个人账户支付',
  'col.cash': '个人现金支付',
  'col.status': '状态',
  'col.actions': '操作',
  'action.pdf': '下载 PDF',
  'status.issued': '正常',
  'status.voided': '已冲红',
  'status.used': '已报销',
  'kind.red': '红字票据',
  'visit.outpatient': '门诊',
  'visit.inpatient': '住院',
  'visit.pharmacy': '药店购药',
  'verify.title': '电子票据查验',
  'verify.hint': '输入票据上的票据代码、票据号码、校验码和开票日期（合计金额可选），核验票据真伪及状态。无需登录。',
  'verify.total': '合计金额（元，可选）',
  'verify.submit': '查验',
  'verify.toLogin': '返回登录',
  'verify.invalid': '请按格式填写',
  'result.genuine': '票据真实有效',
  'result.voided': '票据已冲红（作废）',
  'result.used': '票据真实，已用于报销',
  'result.not_found': '未查到该票据：请核对票据代码、号码、校验码、开票日期和金额',
  'result.redBill': '红字票据',
  'result.originalBill': '冲红原票据',
  'result.payer': '交款人',
};
type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'mine.title': 'My e-bills',
  'mine.hint': 'Medical e-bills issued by institutions after settlement. Download the PDF; anyone can verify a bill by its code, number, check code and date under “Verify an e-bill”.',
  'col.code': 'Bill code',
  'col.number': 'Bill number',
  'col.checkCode': 'Check code',
  'col.date': 'Issue date',
  'col.institution': 'Institution',
  'col.visitType': 'Visit',
  'col.total': 'Total (yuan)',
  'col.fund': 'Fund',
  'col.account': 'Personal account',
  'col.cash': 'Cash',
  'col.status': 'Status',
  'col.actions': 'Actions',
  'action.pdf': 'Download PDF',
  'status.issued': 'Valid',
  'status.voided': 'Voided',
  'status.used': 'Used',
  'kind.red': 'Red-letter',
  'visit.outpatient': 'Outpatient',
  'visit.inpatient': 'Inpatient',
  'visit.pharmacy': 'Pharmacy',
  'verify.title': 'Verify an e-bill',
  'verify.hint': 'Enter the bill code, bill number, check code and issue date printed on the bill (the total is optional) to check that it is genuine and its state. No login needed.',
  'verify.total': 'Total (yuan, optional)',
  'verify.submit': 'Verify',
  'verify.toLogin': 'Back to login',
  'verify.invalid': 'Use the printed format',
  'result.genuine': 'The bill is genuine',
  'result.voided': 'The bill is voided (red-letter issued)',
  'result.used': 'The bill is genuine and was used for reimbursement',
  'result.not_found': 'No such bill: check the code, number, check code, date and total',
  'result.redBill': 'Red-letter bill',
  'result.originalBill': 'Voided original',
  'result.payer': 'Payer',
};

export function useBillText(): (key: Key) => string {
  const { lang } = useI18n();
  return (key) => (lang === 'en' ? en : zh)[key];
}

export interface BillRef {
  billCode: string;
  billNumber: string;
}

/** GET /bill/mine items */
export interface Bill extends BillRef {
  id: string;
  kind: 'normal' | 'red';
  checkCode: string;
  issueDate: string;
  institution: { code: string; name: string };
  payerName: string;
  visitType: 'outpatient' | 'inpatient' | 'pharmacy';
  totalFen: number;
  fundPayFen: number;
  accountPayFen: number;
  cashPayFen: number;
  status: 'issued' | 'voided';
  usedAt: string | null;
  redBill: BillRef | null;
  originalBill: BillRef | null;
}
