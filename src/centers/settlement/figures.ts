/** 结算 figures of a month for the analysis center: settlements and the fund's part, by Beijing day. */
import { and, count, eq, gte, lt, sum } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { withinScope } from '../../kernel/actor/sql.js';
import type { AppContext } from '../../kernel/context.js';
import { beijingDay, perDay, type MonthWindow } from '../../kernel/db/days.js';
import { settlements } from './schema.js';

/** settlements still standing (reversed ones left out), by the pooling region whose policy applied */
export async function settlementsByDay(ctx: AppContext, scope: RegionScope, window: MonthWindow): Promise<{ count: number[]; fundFen: number[] }> {
  const day = beijingDay(settlements.createdAt);
  const rows = await ctx.database.db
    .select({ day, count: count(), fundFen: sum(settlements.fundFen) })
    .from(settlements)
    .where(
      and(
        gte(settlements.createdAt, window.from),
        lt(settlements.createdAt, window.to),
        eq(settlements.status, 'settled'),
        withinScope(settlements.poolingRegion, scope),
      ),
    )
    .groupBy(day);
  return {
    count: perDay(window, rows.map((r) => ({ day: r.day, value: r.count }))),
    fundFen: perDay(window, rows.map((r) => ({ day: r.day, value: r.fundFen ?? 0 }))),
  };
}
