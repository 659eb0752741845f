/**
 * 开票依据 the payment order an institution's e-bill (医疗收费电子票据) cites: the bill center checks a
 * bill's person and figures against it. The hospital's system knows the order id (it created the
 * order and was told when it was paid), so the order stands for its settlement: an HI or ALL order's
 * figures are those of the settlement it carries, a CASH order's its own all-cash split. Looked up
 * only among the institution's own orders, so a bill can neither cite another institution's order
 * nor learn that one exists.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { OrderView } from './contract.js';
import { orders } from './schema.js';
import { orderView } from './views.js';

/** The institution's order by its platform id (`pay_…`), whatever its state; null when the institution has none by that id. */
export async function orderForBill(ctx: AppContext, institutionCode: string, ref: string): Promise<OrderView | null> {
  const [row] = await ctx.database.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, ref), eq(orders.institutionCode, institutionCode)));
  return row ? orderView(row) : null;
}
