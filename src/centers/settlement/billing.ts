/**
 * 开票依据 the settlement an institution's e-bill (医疗收费电子票据) cites: the bill center checks a
 * bill's person and figures against it. Looked up only among the institution's own settlements, so a
 * bill can neither cite another institution's settlement nor learn that one exists.
 */
import { and, eq, or } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { SettlementView } from './contract.js';
import { settlements } from './schema.js';
import { settlementView } from './service.js';

/** A settlement as a bill sees it: the settlement, and the payment order it was made for (the person's consent), if any. */
export type BillableSettlement = SettlementView & {
  /** the payment order (`pay_…`) the person confirmed for this settlement; null when the institution settled directly */
  orderId: string | null;
};

/**
 * The institution's settlement `ref` names: the platform's id (`stl_…`) or the institution's own
 * reference (结算流水号); null when the institution has none by that name. Should an institution
 * have used another of its settlements' ids as a reference, the id wins.
 */
export async function settlementForBill(ctx: AppContext, institutionCode: string, ref: string): Promise<BillableSettlement | null> {
  const rows = await ctx.database.db
    .select()
    .from(settlements)
    .where(and(eq(settlements.institutionCode, institutionCode), or(eq(settlements.id, ref), eq(settlements.reference, ref))))
    .limit(2);
  const row = rows.find((r) => r.id === ref) ?? rows[0];
  if (!row) return null;
  return { ...settlementView(row), orderId: row.consentKind === 'order' ? row.consentRef : null };
}

/** The settlement made on a payment order's consent (one at most), or null: what a compensation reverses whoever made it. */
export async function settlementOfOrder(ctx: AppContext, orderId: string): Promise<SettlementView | null> {
  const [row] = await ctx.database.db
    .select()
    .from(settlements)
    .where(and(eq(settlements.consentKind, 'order'), eq(settlements.consentRef, orderId)));
  return row ? settlementView(row) : null;
}
