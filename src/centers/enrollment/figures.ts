/** 参保 figures of a month for the analysis center: persons' enrollments registered, by Beijing day. */
import { and, count, gte, lt } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { withinScope } from '../../kernel/actor/sql.js';
import type { AppContext } from '../../kernel/context.js';
import { beijingDay, perDay, type MonthWindow } from '../../kernel/db/days.js';
import { employments } from './schema.js';

/** enrollments (人员参保) registered each day of the window, in the scope's regions */
export async function enrollmentsByDay(ctx: AppContext, scope: RegionScope, window: MonthWindow): Promise<number[]> {
  const day = beijingDay(employments.createdAt);
  const rows = await ctx.database.db
    .select({ day, value: count() })
    .from(employments)
    .where(and(gte(employments.createdAt, window.from), lt(employments.createdAt, window.to), withinScope(employments.regionCode, scope)))
    .groupBy(day);
  return perDay(window, rows);
}
