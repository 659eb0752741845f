/**
 * 结算风险事件 what a settlement's request claimed against the platform's facts (pricing.ts): a fee
 * line's class, self-pay share or price cap the catalog contradicts, a code outside the catalog
 * claimed as covered. Recorded in the settlement's own transaction (a pre-settlement records
 * nothing), for the clerks of the pooling region to follow up; the figures followed the facts.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { withinScope } from '../../kernel/actor/sql.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { pageOf } from '../../kernel/page/index.js';
import * as registry from '../registry/index.js';
import type { SettlementRiskEventView } from './contract.js';
import type { Contradiction, SettlementRiskRule } from './pricing.js';
import { riskEvents } from './schema.js';

/** The settlement the contradictions were found in. */
export interface RiskContext {
  settlementId: string;
  appId: string;
  institutionCode: string;
  personId: string;
  poolingRegion: string;
  visitDate: string;
}

/** Records each contradiction as a risk event, in the settlement's transaction. */
export const recordRiskEvents = (tx: Db, at: RiskContext, contradictions: readonly Contradiction[]) => recordRiskEventsOf(tx, [{ at, contradictions }]);

/** The risk events of several settlements (a batch), in one statement. */
export async function recordRiskEventsOf(tx: Db, found: readonly { at: RiskContext; contradictions: readonly Contradiction[] }[]): Promise<void> {
  const rows = found.flatMap(({ at, contradictions }) =>
    contradictions.map((c) => ({
      id: newId('srk'),
      rule: c.rule,
      settlementId: at.settlementId,
      appId: at.appId,
      institutionCode: at.institutionCode,
      personId: at.personId,
      poolingRegion: at.poolingRegion,
      lineCode: c.code,
      detail: { line: c.line, claimed: c.claimed, applied: c.applied, catalogKind: c.catalogKind, catalogVersion: c.catalogVersion, visitDate: at.visitDate },
    })),
  );
  if (rows.length) await tx.insert(riskEvents).values(rows);
}

/** 结算风险事件 of the clerk's pooling regions, newest first, by rule if asked. */
export async function listRiskEvents(ctx: AppContext, scope: RegionScope, query: { page: number; pageSize: number; rule?: SettlementRiskRule }) {
  const db = ctx.database.db;
  const where = and(withinScope(riskEvents.poolingRegion, scope), query.rule ? eq(riskEvents.rule, query.rule) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(riskEvents)
      .where(where)
      .orderBy(desc(riskEvents.createdAt), desc(riskEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(riskEvents).where(where),
  ]);
  // 机构名称 from the registry, beside each code
  const names = await registry.institutionNames(ctx, rows.map((r) => r.institutionCode));
  return pageOf(
    rows.map(
      (r): SettlementRiskEventView => ({
        id: r.id,
        rule: r.rule as SettlementRiskRule,
        settlementId: r.settlementId,
        appId: r.appId,
        institutionCode: r.institutionCode,
        institutionName: names.get(r.institutionCode) ?? null,
        personId: r.personId,
        poolingRegion: r.poolingRegion,
        lineCode: r.lineCode,
        detail: r.detail,
        createdAt: r.createdAt.toISOString(),
      }),
    ),
    total,
    query,
  );
}
