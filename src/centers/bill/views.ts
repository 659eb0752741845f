/** The bill rows as the contract shows them: the whole bill (with the text its signature covers) and its public face. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../kernel/db/index.js';
import type { BillView, PublicBillView } from './contract.js';
import { canonicalBillText, type SignedFields } from './rules.js';
import { bills, type BillRow } from './schema.js';

type BillRef = { id: string; billCode: string; billNumber: string };

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The printed fields the signature covers, of a stored (or about to be stored) bill. */
export function signedFieldsOf(
  row: Pick<BillRow, 'kind' | 'billCode' | 'billNumber' | 'checkCode' | 'issuedAt' | 'institutionCode' | 'institutionName' | 'payerName' | 'insuranceIdMasked' | 'visitType' | 'items' | 'totalFen' | 'fundPayFen' | 'accountPayFen' | 'cashPayFen'>,
  original: { billCode: string; billNumber: string } | null,
): SignedFields {
  return {
    kind: row.kind,
    billCode: row.billCode,
    billNumber: row.billNumber,
    checkCode: row.checkCode,
    issuedAt: row.issuedAt.toISOString(),
    institutionCode: row.institutionCode,
    institutionName: row.institutionName,
    payerName: row.payerName,
    insuranceId: row.insuranceIdMasked,
    visitType: row.visitType,
    items: row.items,
    totalFen: row.totalFen,
    fundPayFen: row.fundPayFen,
    accountPayFen: row.accountPayFen,
    cashPayFen: row.cashPayFen,
    original,
  };
}

/** Related bills (the red-letter bill of an original, the original of a red-letter bill) by id. */
export async function relatedOf(db: Db, rows: BillRow[]): Promise<Map<string, BillRef>> {
  const ids = [...new Set(rows.flatMap((r) => [r.redBillId, r.originalBillId]).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const related = await db.select({ id: bills.id, billCode: bills.billCode, billNumber: bills.billNumber }).from(bills).where(inArray(bills.id, ids));
  return new Map(related.map((r) => [r.id, r]));
}

/** What is printed on the bill and anyone verifying it may read: no person id, no items, no signature. */
function printed(row: BillRow) {
  return {
    kind: row.kind,
    billCode: row.billCode,
    billNumber: row.billNumber,
    issueDate: row.issueDate,
    institution: { code: row.institutionCode, name: row.institutionName },
    payerName: row.payerName,
    visitType: row.visitType,
    totalFen: row.totalFen,
    fundPayFen: row.fundPayFen,
    accountPayFen: row.accountPayFen,
    cashPayFen: row.cashPayFen,
    status: row.status,
    voidedAt: iso(row.voidedAt),
    usedAt: iso(row.usedAt),
  };
}

function toView(row: BillRow, related: Map<string, BillRef>): BillView {
  const original = row.originalBillId ? (related.get(row.originalBillId) ?? null) : null;
  return {
    ...printed(row),
    id: row.id,
    checkCode: row.checkCode,
    issuedAt: row.issuedAt.toISOString(),
    personId: row.personId,
    insuranceId: row.insuranceIdMasked,
    settlementRef: row.settlementRef,
    items: row.items,
    redBill: row.redBillId ? (related.get(row.redBillId) ?? null) : null,
    originalBill: original,
    signature: row.signature,
    signedText: canonicalBillText(signedFieldsOf(row, original)),
  };
}

export async function views(db: Db, rows: BillRow[]): Promise<BillView[]> {
  const related = await relatedOf(db, rows);
  return rows.map((r) => toView(r, related));
}

export const viewOf = async (db: Db, row: BillRow) => (await views(db, [row]))[0];

export function publicOf(row: BillRow, related: Map<string, BillRef>): PublicBillView {
  const ref = (id: string | null) => {
    const r = id ? related.get(id) : undefined;
    return r ? { billCode: r.billCode, billNumber: r.billNumber } : null;
  };
  return { ...printed(row), redBill: ref(row.redBillId), originalBill: ref(row.originalBillId) };
}
