/**
 * Fake 财政票据赋码 finance-bureau numbering service. Hands out a 票据代码 per province and year and
 * 票据号码 sequential per code, idempotent on the caller's requestId; records every issued and
 * voided bill so tests can compare the platform's books with the bureau's.
 */
import {
  badRequest,
  field,
  startFakeServer,
  stringField,
  type FakeHandle,
  type FakeServerOptions,
} from '../shared/fake-server.js';

export interface FinanceBillRecord {
  billCode: string;
  billNumber: string;
  institutionCode: string;
  totalFen: number;
  issueDate: string;
  kind: 'normal' | 'red';
  status: 'issued' | 'voided';
  /** the red-letter bill of a voided original, or the original of a red-letter bill */
  related?: { billCode: string; billNumber: string };
  requestId: string;
}

export type FakeFinanceOptions = FakeServerOptions;

export interface FakeFinance extends FakeHandle {
  /** Every bill the bureau numbered, oldest first. */
  readonly bills: readonly FinanceBillRecord[];
  find(billCode: string, billNumber: string): FinanceBillRecord | undefined;
  /** The next n signed calls answer 503 without numbering anything. */
  failNext(n?: number): void;
}

/** 定点医药机构编码: H (medical) or P (pharmacy) + 6-digit region + 5 digits */
const INSTITUTION_RE = /^[HP]\d{11}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** 医疗收费票据 in the bureau's bill-kind list; the rest of the code is province and year. */
const MEDICAL_KIND = '16';

export async function startFakeFinance(opts: FakeFinanceOptions): Promise<FakeFinance> {
  const bills: FinanceBillRecord[] = [];
  const byRequest = new Map<string, FinanceBillRecord>();
  const sequences = new Map<string, number>();
  let failRemaining = 0;

  const number = (institutionCode: string, issueDate: string) => {
    // 2-digit province of the institution's region, the bill kind, the 2-digit year, batch 01.
    const billCode = `${institutionCode.slice(1, 3)}${MEDICAL_KIND}${issueDate.slice(2, 4)}01`;
    const next = (sequences.get(billCode) ?? 0) + 1;
    sequences.set(billCode, next);
    return { billCode, billNumber: String(next).padStart(10, '0') };
  };
  const answer = (r: FinanceBillRecord) => ({ billCode: r.billCode, billNumber: r.billNumber });
  const find = (billCode: string, billNumber: string) => bills.find((b) => b.billCode === billCode && b.billNumber === billNumber);

  const handle = await startFakeServer(opts, (r) => {
    r.signed('POST', '/v1/bills/allocate', (_req, reply, body) => {
      const requestId = stringField(body, 'requestId');
      const institutionCode = stringField(body, 'institutionCode');
      const issueDate = stringField(body, 'issueDate');
      const totalFen = field(body, 'totalFen');
      if (!requestId) return badRequest(reply, 'requestId is required');
      if (!institutionCode || !INSTITUTION_RE.test(institutionCode)) return badRequest(reply, 'institutionCode must be H + 11 digits', 'invalid_institution');
      if (!issueDate || !DATE_RE.test(issueDate)) return badRequest(reply, 'issueDate must be YYYY-MM-DD');
      if (!Number.isSafeInteger(totalFen) || (totalFen as number) < 0) return badRequest(reply, 'totalFen must be a non-negative integer');
      if (failRemaining > 0) {
        failRemaining -= 1;
        return reply.code(503).send({ code: 'bureau_unavailable', message: 'simulated failure' });
      }
      const known = byRequest.get(requestId);
      if (known) return answer(known);
      const record: FinanceBillRecord = { ...number(institutionCode, issueDate), institutionCode, totalFen: totalFen as number, issueDate, kind: 'normal', status: 'issued', requestId };
      bills.push(record);
      byRequest.set(requestId, record);
      return answer(record);
    });

    r.signed('POST', '/v1/bills/void', (_req, reply, body) => {
      const requestId = stringField(body, 'requestId');
      const billCode = stringField(body, 'billCode');
      const billNumber = stringField(body, 'billNumber');
      const issueDate = stringField(body, 'issueDate');
      const totalFen = field(body, 'totalFen');
      if (!requestId || !billCode || !billNumber) return badRequest(reply, 'requestId, billCode and billNumber are required');
      if (!issueDate || !DATE_RE.test(issueDate)) return badRequest(reply, 'issueDate must be YYYY-MM-DD');
      if (!Number.isSafeInteger(totalFen) || (totalFen as number) > 0) return badRequest(reply, 'totalFen of a red-letter bill must be a non-positive integer');
      if (failRemaining > 0) {
        failRemaining -= 1;
        return reply.code(503).send({ code: 'bureau_unavailable', message: 'simulated failure' });
      }
      const known = byRequest.get(requestId);
      if (known) return answer(known);
      const original = find(billCode, billNumber);
      if (!original || original.kind !== 'normal') return reply.code(404).send({ code: 'bill_not_found', message: 'no such bill' });
      if (original.status === 'voided') return reply.code(409).send({ code: 'already_voided', message: 'the bill is voided already' });
      const red: FinanceBillRecord = {
        ...number(original.institutionCode, issueDate),
        institutionCode: original.institutionCode,
        totalFen: totalFen as number,
        issueDate,
        kind: 'red',
        status: 'issued',
        related: { billCode, billNumber },
        requestId,
      };
      original.status = 'voided';
      original.related = answer(red);
      bills.push(red);
      byRequest.set(requestId, red);
      return answer(red);
    });

    // Test-only: what the bureau's ledger holds.
    r.open('GET', '/v1/bills', () => ({ bills }));
  });

  return {
    ...handle,
    bills,
    find,
    failNext: (n = 1) => {
      failRemaining = n;
    },
  };
}
