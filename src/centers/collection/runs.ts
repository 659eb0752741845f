/**
 * 应收核定 receivable runs. A run pages through the enrollment center's feed of the enrollments
 * active in a month and computes each person's lines with the policy center's calculator (the
 * parameters looked up once per pooling region, insurance type and month), then writes a page at a
 * time in one transaction: the lines (multi-row upsert on enrollment × month × rule code, received
 * lines untouched), the cancellation of lines in the page's key range that no longer apply, the
 * persons whose facts are missing, and the run's counters and checkpoint.
 *
 * A run is worked by one node at a time: it is claimed with FOR UPDATE SKIP LOCKED and held by a
 * heartbeat; a run whose heartbeat stopped (its process died) is claimed again and continues after
 * its checkpoint. A page written twice writes the same rows, so nothing is counted twice.
 */
import { and, asc, count, desc, eq, gt, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { RegionScope } from '../../kernel/actor/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, isCallersFault, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { translate, type Locale } from '../../kernel/i18n/index.js';
import * as enrollment from '../enrollment/index.js';
import * as policy from '../policy/index.js';
import { payments, receivables, runProblems, runs } from './schema.js';
import { basesFor, categoryFor, monthText, payerKeyOf } from './rules.js';
import { refreshBills, settlePool } from './pools.js';
import type { Clerk } from './service.js';
import type { RunProblemView, RunView } from './contract.js';
import { withinScope } from '../../kernel/actor/sql.js';
import { pageOf } from '../../kernel/page/index.js';

export const RUN_DEFAULTS = {
  /** enrollments read per page (one transaction each) */
  pageSize: 1000,
  /** rows per INSERT statement (PostgreSQL takes at most 65 535 parameters) */
  insertChunk: 1000,
  heartbeatMs: 10_000,
  /** a running run whose heartbeat is older than this belongs to a dead process */
  staleAfterMs: 60_000,
};

export type Run = typeof runs.$inferSelect;

export function runView(run: Run, locale: Locale = 'zh-CN'): RunView {
  return {
    id: run.id,
    month: monthText(run.month),
    regionCode: run.regionCode,
    insuranceType: run.insuranceType,
    status: run.status,
    total: run.total,
    processed: run.processed,
    problems: run.problems,
    linesWritten: run.linesWritten,
    linesCancelled: run.linesCancelled,
    totals: { unitFen: run.unitFen, personFen: run.personFen, fiscalFen: run.fiscalFen },
    error: run.errorCode ? { code: run.errorCode, message: translate(run.errorCode, locale, parseDetail(run.errorDetail)) } : null,
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

function parseDetail(detail: string | null): Record<string, unknown> {
  try {
    return detail ? (JSON.parse(detail) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// ------------------------------------------------------------------------------ asking for runs

/**
 * Queues a run for a month (optionally one region and insurance type) within the clerk's scope.
 * The same run still queued or running is answered instead of a second one.
 */
export async function createRun(ctx: AppContext, clerk: Clerk, input: { month: string; regionCode?: string; insuranceType?: string }): Promise<{ run: Run; created: boolean }> {
  const month = policy.monthKey(input.month, 'month');
  const prefix = clerk.scope.prefix;
  if (input.regionCode) clerk.scope.require(input.regionCode, 'collection.region_not_found');
  if (input.insuranceType && !(await policy.insuranceTypeExists(ctx, input.insuranceType))) {
    throw badRequest('collection.insurance_type_unknown', 'insuranceType', { insuranceType: input.insuranceType });
  }
  const same = and(
    eq(runs.month, month),
    input.regionCode ? eq(runs.regionCode, input.regionCode) : sql`${runs.regionCode} is null`,
    input.insuranceType ? eq(runs.insuranceType, input.insuranceType) : sql`${runs.insuranceType} is null`,
    eq(runs.scopePrefix, prefix),
    inArray(runs.status, ['queued', 'running']),
  );
  return transaction(ctx.database.db, async (tx) => {
    // One asker at a time per scope, so two clicks make one run.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`collection:run:${month}:${input.regionCode ?? '*'}:${input.insuranceType ?? '*'}:${prefix}`}))`);
    const [running] = await tx.select().from(runs).where(same).limit(1);
    if (running) return { run: running, created: false };
    const [run] = await tx
      .insert(runs)
      .values({ id: newId('crn'), month, regionCode: input.regionCode ?? null, insuranceType: input.insuranceType ?? null, scopePrefix: prefix, createdBy: clerk.accountId })
      .returning();
    return { run, created: true };
  });
}

export async function getRun(db: Db, scope: RegionScope, id: string): Promise<Run> {
  const [run] = await db.select().from(runs).where(eq(runs.id, id));
  // A run is the asker's scope's: a national run is not a city clerk's to read.
  if (!run) throw notFound('collection.run_not_found');
  scope.require(run.scopePrefix, 'collection.run_not_found');
  return run;
}

/** 核定批次 the runs of the scope, newest first. */
export async function listRuns(db: Db, scope: RegionScope, query: { page: number; pageSize: number; month?: string; status?: Run['status'] }, locale: Locale) {
  const where = and(
    withinScope(runs.scopePrefix, scope),
    query.month ? eq(runs.month, policy.monthKey(query.month, 'month')) : undefined,
    query.status ? eq(runs.status, query.status) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(runs).where(where).orderBy(desc(runs.createdAt), desc(runs.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(runs).where(where),
  ]);
  return pageOf(rows.map((r) => runView(r, locale)), total, query);
}

export async function listProblems(db: Db, runId: string, query: { page: number; pageSize: number }, locale: Locale) {
  const where = eq(runProblems.runId, runId);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(runProblems).where(where).orderBy(asc(runProblems.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(runProblems).where(where),
  ]);
  return pageOf(
    rows.map((p): RunProblemView => ({
      employmentId: p.employmentId,
      personId: p.personId,
      entityId: p.entityId,
      insuranceType: p.insuranceType,
      regionCode: p.regionCode,
      code: p.code,
      message: translate(p.code, locale, p.params),
      params: p.params,
    })),
    total,
    query,
  );
}

// ------------------------------------------------------------------------------- working runs

/** Claims the oldest queued run, or a running one whose worker stopped heartbeating; null when there is none. */
export async function claimRun(ctx: Pick<AppContext, 'database'>, nodeId: string, staleAfterMs = RUN_DEFAULTS.staleAfterMs): Promise<Run | null> {
  return transaction(ctx.database.db, async (tx) => {
    const [next] = await tx
      .select({ id: runs.id })
      .from(runs)
      .where(or(eq(runs.status, 'queued'), and(eq(runs.status, 'running'), lt(runs.heartbeatAt, new Date(Date.now() - staleAfterMs)))))
      .orderBy(asc(runs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const [claimed] = await tx
      .update(runs)
      .set({ status: 'running', claimedBy: nodeId, heartbeatAt: new Date(), startedAt: sql`coalesce(${runs.startedAt}, now())` })
      .where(eq(runs.id, next.id))
      .returning();
    return claimed;
  });
}

/** The run is no longer this worker's (taken over after a stalled heartbeat): stop, write nothing. */
export class LostClaim extends Error {}

const held = (run: Run, nodeId: string) => and(eq(runs.id, run.id), eq(runs.claimedBy, nodeId), eq(runs.status, 'running'));

export interface WorkOptions {
  signal?: AbortSignal;
  pageSize?: number;
  heartbeatMs?: number;
}

/**
 * Works a claimed run to its end (done or failed), or until the signal asks to stop: then the run is
 * handed back (queued) after the page being written, to continue after its checkpoint.
 */
export async function workRun(ctx: AppContext, claimed: Run, nodeId: string, options: WorkOptions = {}): Promise<Run> {
  const db = ctx.database.db;
  const month = monthText(claimed.month);
  // The collection rule governing a region (its own, its city's or its province's), once per region and type in a run.
  const parameters = new Map<string, Promise<policy.EffectiveParameters | null>>();
  const parametersFor: ParametersFor = (regionCode, insuranceType) => {
    const key = `${regionCode}|${insuranceType}`;
    let found = parameters.get(key);
    if (!found) parameters.set(key, (found = policy.governingParameters(ctx, 'collectionRule', { regionCode, insuranceType, month })));
    return found;
  };
  const heartbeat = setInterval(() => {
    void db.update(runs).set({ heartbeatAt: new Date() }).where(held(claimed, nodeId)).catch(() => undefined);
  }, options.heartbeatMs ?? RUN_DEFAULTS.heartbeatMs);
  heartbeat.unref();
  let run = claimed;
  try {
    for (;;) {
      if (options.signal?.aborted) {
        const [released] = await db.update(runs).set({ status: 'queued', claimedBy: null }).where(held(run, nodeId)).returning();
        return released ?? run;
      }
      const after = run.cursor ?? undefined;
      const feed = await enrollment.activeEnrollmentsPage(ctx, {
        month,
        regionCode: run.regionCode ?? undefined,
        regionPrefix: run.scopePrefix || undefined,
        insuranceType: run.insuranceType ?? undefined,
        after,
        limit: options.pageSize ?? RUN_DEFAULTS.pageSize,
      });
      const items = feed.items.filter((e) => e.regionCode.startsWith(run.scopePrefix));
      const computed = await computePage(items, run, parametersFor);
      run = await transaction(db, async (tx) => {
        const written = await writeLines(tx, run, computed.rows);
        const cancelled = await cancelStale(tx, run, after, feed.next ?? undefined, written);
        const problems = computed.problems.length
          ? await tx.insert(runProblems).values(computed.problems.map((p) => ({ ...p, runId: run.id }))).onConflictDoNothing().returning({ id: runProblems.id })
          : [];
        const [updated] = await tx
          .update(runs)
          .set({
            total: sql`${runs.total} + ${items.length}`,
            processed: sql`${runs.processed} + ${items.length - computed.problems.length}`,
            problems: sql`${runs.problems} + ${problems.length}`,
            linesWritten: sql`${runs.linesWritten} + ${written.length}`,
            linesCancelled: sql`${runs.linesCancelled} + ${cancelled}`,
            cursor: feed.next ?? run.cursor,
            heartbeatAt: new Date(),
          })
          .where(held(run, nodeId))
          .returning();
        if (!updated) throw new LostClaim(run.id);
        return feed.next ? updated : finish(tx, updated, nodeId);
      });
      if (run.status !== 'running') return run;
    }
  } catch (error) {
    if (error instanceof LostClaim) {
      ctx.log.warn({ runId: claimed.id }, 'receivable run taken over by another worker; this one stops');
      return (await db.select().from(runs).where(eq(runs.id, claimed.id)))[0] ?? run;
    }
    ctx.log.error({ err: error, runId: claimed.id }, 'receivable run failed');
    // Only the kind of failure: a database error's message can quote a person's values.
    const detail = { reason: error instanceof DomainError ? error.code : String((error as { code?: unknown })?.code ?? (error as Error)?.name ?? 'error').slice(0, 40) };
    const [failed] = await db
      .update(runs)
      .set({ status: 'failed', errorCode: 'collection.run_failed', errorDetail: JSON.stringify(detail), finishedAt: new Date(), claimedBy: null })
      .where(held(run, nodeId))
      .returning()
      .catch(() => [undefined]);
    return failed ?? run;
  } finally {
    clearInterval(heartbeat);
  }
}

type LineRow = Omit<typeof receivables.$inferInsert, 'id' | 'month' | 'status' | 'runId' | 'updatedAt' | 'paymentId' | 'receivedAt'>;
type ProblemRow = Omit<typeof runProblems.$inferInsert, 'runId'>;
/** The parameters whose collection rule governs an enrollment's region, or null when none does. */
type ParametersFor = (regionCode: string, insuranceType: string) => Promise<policy.EffectiveParameters | null>;

/** Each person's lines, in memory: no query per person (parameters come from the per-run memo and the policy cache). */
async function computePage(items: enrollment.ActiveEnrollment[], run: Run, parametersFor: ParametersFor) {
  const rows: LineRow[] = [];
  const problems: ProblemRow[] = [];
  const month = monthText(run.month);
  for (const e of items) {
    try {
      const chosen = await parametersFor(e.regionCode, e.insuranceType);
      // No collection rule in effect anywhere up the pooling chain: nothing to collect this month.
      if (!chosen) continue;
      const category = categoryFor(e.kind, e.identities, chosen.collectionRule);
      const facts: policy.PersonFacts = { personId: e.personId, birthDate: e.birthDate, retired: e.retired, category, bases: basesFor(chosen.collectionRule, e.baseFen) };
      const lines = policy.receivableLines(facts, month, chosen.baseRule, chosen.collectionRule, chosen.wage);
      for (const line of lines) {
        // The enrollment clamped the declared wage already; its bound's rule code stays on the line.
        const clampedAtDeclaration = line.baseApplied === 'declared' && e.baseRuleCode && line.baseKind === chosen.baseRule?.baseKind;
        const applied = clampedAtDeclaration ? (e.baseRuleCode === chosen.baseRule!.lowerRuleCode ? 'lower' : e.baseRuleCode === chosen.baseRule!.upperRuleCode ? 'upper' : 'declared') : line.baseApplied;
        rows.push({
          employmentId: e.employmentId,
          ruleCode: line.ruleCode,
          personId: e.personId,
          entityId: e.entityId,
          enrollmentKind: e.kind,
          regionCode: e.regionCode,
          poolingRegion: chosen.regionCode,
          insuranceType: e.insuranceType,
          payer: line.payer,
          payerKey: payerKeyOf(line.payer, { entityId: e.entityId, personId: e.personId, poolingRegion: chosen.regionCode }),
          fund: line.fund,
          flow: line.flow,
          periodicity: line.periodicity,
          baseKind: line.baseKind,
          declaredFen: line.declaredFen,
          baseFen: line.baseFen,
          baseApplied: applied,
          baseRuleCode: line.baseRuleCode ?? (clampedAtDeclaration ? e.baseRuleCode : null),
          ratePpm: line.ratePpm,
          amountFen: line.amountFen,
          ruleVersionId: line.ruleVersionId,
          birthDate: e.birthDate,
          retired: e.retired,
          category,
        });
      }
    } catch (error) {
      // Missing facts or configuration (no declared base, no wage, a bad birth date) are the person's
      // problem to fix, not the run's: counted and listed, the others go on.
      if (!(isCallersFault(error)) && !(error instanceof RangeError)) throw error;
      const code = error instanceof DomainError ? error.code : 'collection.facts_invalid';
      const params = error instanceof DomainError ? error.params : { detail: error.message.slice(0, 200) };
      problems.push({ employmentId: e.employmentId, personId: e.personId, entityId: e.entityId, insuranceType: e.insuranceType, regionCode: e.regionCode, code, params });
    }
  }
  return { rows, problems };
}

/** The columns a run writes, with their PostgreSQL types: one array parameter each (unnest), however many rows. */
const LINE_COLUMNS: Array<[column: string, type: string, value: (row: LineRow) => unknown]> = [
  ['employment_id', 'text', (r) => r.employmentId],
  ['rule_code', 'text', (r) => r.ruleCode],
  ['person_id', 'text', (r) => r.personId],
  ['entity_id', 'text', (r) => r.entityId ?? null],
  ['enrollment_kind', 'text', (r) => r.enrollmentKind],
  ['region_code', 'text', (r) => r.regionCode],
  ['pooling_region', 'text', (r) => r.poolingRegion],
  ['insurance_type', 'text', (r) => r.insuranceType],
  ['payer', 'text', (r) => r.payer],
  ['payer_key', 'text', (r) => r.payerKey],
  ['fund', 'text', (r) => r.fund],
  ['flow', 'text', (r) => r.flow],
  ['periodicity', 'text', (r) => r.periodicity],
  ['base_kind', 'text', (r) => r.baseKind],
  ['declared_fen', 'bigint', (r) => r.declaredFen],
  ['base_fen', 'bigint', (r) => r.baseFen],
  ['base_applied', 'text', (r) => r.baseApplied],
  ['base_rule_code', 'text', (r) => r.baseRuleCode ?? null],
  ['rate_ppm', 'integer', (r) => r.ratePpm],
  ['amount_fen', 'bigint', (r) => r.amountFen],
  ['rule_version_id', 'text', (r) => r.ruleVersionId],
  ['birth_date', 'text', (r) => r.birthDate],
  ['retired', 'boolean', (r) => r.retired],
  ['category', 'text', (r) => r.category ?? null],
];
const RECOMPUTED = [...LINE_COLUMNS.map(([c]) => c).filter((c) => c !== 'employment_id' && c !== 'rule_code'), 'status', 'run_id', 'updated_at'];
const INSERT_COLUMNS = sql.raw([...LINE_COLUMNS.map(([c]) => c), 'month', 'status', 'run_id', 'updated_at'].join(', '));
const UPDATE_SET = sql.raw(RECOMPUTED.map((c) => `${c} = excluded.${c}`).join(', '));

/**
 * Multi-row upserts, each one statement of one array parameter per column (building 27 000
 * parameters a statement through the query builder cost more than the database's work). A received
 * line is never rewritten. Returns the ids written.
 */
async function writeLines(tx: Db, run: Run, rows: LineRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += RUN_DEFAULTS.insertChunk) {
    const chunk = rows.slice(i, i + RUN_DEFAULTS.insertChunk);
    const arrays = sql.join(
      LINE_COLUMNS.map(([, type, value]) => sql`${sql.param(chunk.map(value))}::${sql.raw(type)}[]`),
      sql`, `,
    );
    const written = await tx.execute(sql`
      insert into collection.receivables (${INSERT_COLUMNS})
      select t.*, ${run.month}::integer, 'due', ${run.id}, now() from unnest(${arrays}) as t
      on conflict (employment_id, month, rule_code) do update set ${UPDATE_SET}
      where collection.receivables.status <> 'received'
      returning id`);
    for (const w of (written as unknown as { rows: Array<{ id: number | string }> }).rows) ids.push(Number(w.id));
  }
  return ids;
}

/**
 * Cancels the due lines of the run's scope in the page's key range (after, next] that this page did
 * not write: the enrollment was suspended or removed, or a share no longer applies.
 */
async function cancelStale(tx: Db, run: Run, after: string | undefined, next: string | undefined, written: number[]): Promise<number> {
  const cancelled = await tx
    .update(receivables)
    .set({ status: 'cancelled', updatedAt: new Date(), runId: run.id })
    .where(
      and(
        eq(receivables.month, run.month),
        after ? gt(receivables.employmentId, after) : undefined,
        next ? lte(receivables.employmentId, next) : undefined,
        eq(receivables.status, 'due'),
        run.regionCode ? eq(receivables.regionCode, run.regionCode) : undefined,
        run.insuranceType ? eq(receivables.insuranceType, run.insuranceType) : undefined,
        withinScope(receivables.regionCode, { prefix: run.scopePrefix }),
        written.length ? sql`${receivables.id} <> all(${sql.param(written)}::bigint[])` : undefined,
      ),
    )
    .returning({ id: receivables.id });
  return cancelled.length;
}

/** The run's scope as a condition on receivables. */
function scopeOf(run: Run): SQL | undefined {
  return and(
    run.regionCode ? eq(receivables.regionCode, run.regionCode) : undefined,
    run.insuranceType ? eq(receivables.insuranceType, run.insuranceType) : undefined,
    withinScope(receivables.regionCode, { prefix: run.scopePrefix }),
  );
}

/**
 * After the last page: payments that arrived before their lines (or for lines now changed) are
 * matched again, the units' bills follow their lines, and the run's totals are summed from its lines.
 */
async function finish(tx: Db, run: Run, nodeId: string): Promise<Run> {
  const scope = scopeOf(run);
  const paidPools = await tx
    .selectDistinct({ poolingRegion: payments.poolingRegion, payerKey: payments.payerKey, month: payments.month, insuranceType: payments.insuranceType })
    .from(payments)
    .where(
      and(
        eq(payments.month, run.month),
        inArray(
          sql`(${payments.poolingRegion}, ${payments.payerKey}, ${payments.insuranceType})`,
          tx
            .selectDistinct({ r: receivables.poolingRegion, k: receivables.payerKey, t: receivables.insuranceType })
            .from(receivables)
            .where(and(eq(receivables.month, run.month), eq(receivables.status, 'due'), scope)),
        ),
      ),
    );
  for (const pool of paidPools) await settlePool(tx, pool);
  await refreshBills(tx, run.month, scope);
  const totals = await tx
    .select({ payer: receivables.payer, fen: sql<number>`coalesce(sum(${receivables.amountFen}), 0)`.mapWith(Number) })
    .from(receivables)
    .where(and(eq(receivables.month, run.month), sql`${receivables.status} <> 'cancelled'`, scope))
    .groupBy(receivables.payer);
  const of = (payer: string) => totals.find((t) => t.payer === payer)?.fen ?? 0;
  const [done] = await tx
    .update(runs)
    .set({ status: 'done', unitFen: of('unit'), personFen: of('person'), fiscalFen: of('fiscal'), finishedAt: new Date(), claimedBy: null, heartbeatAt: new Date() })
    .where(held(run, nodeId))
    .returning();
  if (!done) throw new LostClaim(run.id);
  return done;
}
