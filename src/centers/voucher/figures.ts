/** 电子凭证 figures of a month for the analysis center: activations by Beijing day. */
import { and, count, gte, lt } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { withinScope } from '../../kernel/actor/sql.js';
import type { AppContext } from '../../kernel/context.js';
import { beijingDay, perDay, type MonthWindow } from '../../kernel/db/days.js';
import { vouchers } from './schema.js';

/** vouchers activated each day of the window, in the scope's regions (a voucher activates once) */
export async function activationsByDay(ctx: AppContext, scope: RegionScope, window: MonthWindow): Promise<number[]> {
  const day = beijingDay(vouchers.activatedAt);
  const rows = await ctx.database.db
    .select({ day, value: count() })
    .from(vouchers)
    .where(and(gte(vouchers.activatedAt, window.from), lt(vouchers.activatedAt, window.to), withinScope(vouchers.regionCode, scope)))
    .groupBy(day);
  return perDay(window, rows);
}
