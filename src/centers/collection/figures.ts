/** 征缴 figures of a month for the analysis center: what was due and what came in, by insurance type. */
import { and, eq, ne, sql, sum } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { withinScope } from '../../kernel/actor/sql.js';
import type { AppContext } from '../../kernel/context.js';
import { parseMonth } from './rules.js';
import { receivables } from './schema.js';

export interface DueAndReceived {
  insuranceType: string;
  /** 应收 every line of the month not cancelled, 分 */
  dueFen: number;
  /** 实收 the lines received, 分 */
  receivedFen: number;
}

/** the month's ('YYYY-MM') receivable lines in the scope's regions, due against received, by insurance type */
export async function dueAndReceived(ctx: AppContext, scope: RegionScope, month: string): Promise<DueAndReceived[]> {
  const rows = await ctx.database.db
    .select({
      insuranceType: receivables.insuranceType,
      dueFen: sum(receivables.amountFen),
      receivedFen: sql<string>`coalesce(sum(${receivables.amountFen}) filter (where ${eq(receivables.status, 'received')}), 0)`,
    })
    .from(receivables)
    .where(and(eq(receivables.month, parseMonth(month)!), ne(receivables.status, 'cancelled'), withinScope(receivables.regionCode, scope)))
    .groupBy(receivables.insuranceType)
    .orderBy(receivables.insuranceType);
  return rows.map((r) => ({ insuranceType: r.insuranceType, dueFen: Number(r.dueFen ?? 0), receivedFen: Number(r.receivedFen) }));
}
