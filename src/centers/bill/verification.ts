/** 查验 anyone's verification of a bill, and 已报销 marking a bill used for reimbursement. */
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { conflict, notFound } from '../../kernel/errors/index.js';
import type { PublicBillView, VerificationView, VerifyInput } from './contract.js';
import { verdictOf } from './rules.js';
import { bills } from './schema.js';
import { iso, publicOf, relatedOf } from './views.js';

/** 查验 the verdict, and the bill's public fields unless it was not found. */
export async function verifyBill(ctx: AppContext, input: VerifyInput): Promise<VerificationView> {
  const db = ctx.database.db;
  const [row] = await db.select().from(bills).where(and(eq(bills.billCode, input.billCode), eq(bills.billNumber, input.billNumber)));
  const result = verdictOf(row ?? null, input);
  if (result === 'not_found' || !row) return { result: 'not_found', bill: null };
  return { result, bill: publicOf(row, await relatedOf(db, [row])) };
}

/**
 * 已报销 an institution or insurer marks a normal bill used for reimbursement, once; it must hold
 * the bill (code, number and check code). A voided or red-letter bill cannot be used.
 */
export async function markUsed(ctx: AppContext, channel: { appId: string }, input: { billCode: string; billNumber: string; checkCode: string }): Promise<PublicBillView> {
  const db = ctx.database.db;
  const match = and(eq(bills.billCode, input.billCode), eq(bills.billNumber, input.billNumber), eq(bills.checkCode, input.checkCode.toUpperCase()));
  const [updated] = await db
    .update(bills)
    .set({ usedAt: new Date(), usedBy: channel.appId })
    .where(and(match, eq(bills.kind, 'normal'), eq(bills.status, 'issued'), isNull(bills.usedAt)))
    .returning();
  if (updated) return publicOf(updated, await relatedOf(db, [updated]));
  const [row] = await db.select().from(bills).where(match);
  if (!row) throw notFound('bill.not_found');
  if (row.kind === 'red') throw conflict('bill.red_not_usable');
  if (row.status === 'voided') throw conflict('bill.voided_not_usable');
  throw conflict('bill.already_used', { usedAt: iso(row.usedAt) });
}
