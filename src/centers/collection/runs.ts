/**
 * 应收核定 receivable runs. A run pages (keyset on the employment id) through the enrollment
 * center's feed of the enrollments active in a month and computes each person's lines with the
 * policy center's calculator, the one source of the rules: the parameters are resolved once per
 * pooling region, insurance type and month, then every person of a page is computed in memory. A
 * page commits in one transaction of two statements: one that upserts its lines (on enrollment ×
 * month × rule code, received lines untouched), cancels the due lines in the page's key range that
 * no longer apply and lists the persons whose facts are missing; then the run's counters and
 * checkpoint. While a page commits, the next is computed and the one after read; nothing of a page
 * outlives it, so memory does not grow with the month.
 *
 * A run is worked by one node at a time: it is claimed with FOR UPDATE SKIP LOCKED and held by a
 * heartbeat; a run whose heartbeat stopped (its process died) is claimed again and continues after
 * its checkpoint. A page written twice writes the same rows, so nothing is counted twice.
 */
import { and, asc, count, desc, eq, gt, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { RegionScope } from '../../kernel/actor/index.js';
import { arrayLiteral, transaction, type ArrayValue, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, isCallersFault, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { Outbox } from '../../kernel/outbox/index.js';
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
  /** enrollments read per page (one transaction, one statement for its lines) */
  pageSize: 500,
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
  const read = (after: string | undefined) => {
    const page = enrollment.activeEnrollmentsPage(ctx, {
      month,
      regionCode: claimed.regionCode ?? undefined,
      regionPrefix: claimed.scopePrefix || undefined,
      insuranceType: claimed.insuranceType ?? undefined,
      after,
      limit: options.pageSize ?? RUN_DEFAULTS.pageSize,
    });
    // Awaited later, or dropped when the run stops first: never an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  const heartbeat = setInterval(() => {
    void db.update(runs).set({ heartbeatAt: new Date() }).where(held(claimed, nodeId)).catch(() => undefined);
  }, options.heartbeatMs ?? RUN_DEFAULTS.heartbeatMs);
  heartbeat.unref();
  let run = claimed;
  /** the checkpoint the page being computed continues after */
  let after = claimed.cursor ?? undefined;
  let reading = read(after);
  /** the previous page's transaction, committing while this page is read and computed */
  let writing: Promise<Run> | null = null;
  try {
    for (;;) {
      if (options.signal?.aborted) {
        if (writing) run = await writing;
        const [released] = await db.update(runs).set({ status: 'queued', claimedBy: null }).where(held(run, nodeId)).returning();
        return released ?? run;
      }
      const feed = await reading;
      // The database writes a page, and reads the next, while this process computes the one between:
      // three pages at most are in memory, whatever the month's number of persons.
      if (feed.next) reading = read(feed.next);
      const items = feed.items.filter((e) => e.regionCode.startsWith(claimed.scopePrefix));
      const page = await computePage(items, claimed, parametersFor);
      // Pages commit in order: a checkpoint is never ahead of a page not yet written.
      if (writing) run = await writing;
      writing = commitPage(ctx, run, nodeId, { items: items.length, page, after, next: feed.next ?? undefined });
      writing.catch(() => undefined);
      if (!feed.next) return await writing;
      after = feed.next;
    }
  } catch (error) {
    if (error instanceof LostClaim) {
      ctx.log.warn({ runId: claimed.id }, 'receivable run taken over by another worker; this one stops');
      return (await db.select().from(runs).where(eq(runs.id, claimed.id)))[0] ?? run;
    }
    // A page still committing ends first, so that the failure is the last word on the run.
    if (writing) run = await writing.catch(() => run);
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

/**
 * One page's transaction: its lines, cancellations and problems (one statement), then the run's
 * counters and checkpoint, held by this worker; after the last page, the run's end.
 */
function commitPage(ctx: Pick<AppContext, 'database' | 'outbox'>, run: Run, nodeId: string, input: { items: number; page: ComputedPage; after: string | undefined; next: string | undefined }): Promise<Run> {
  const { items, page, after, next } = input;
  return transaction(ctx.database.db, async (tx) => {
    // A page's lines and its checkpoint commit together, so a page lost to a crash before its WAL
    // reached the disk is a page the run does again: only the run's end waits for the flush.
    if (next) await tx.execute(sql`set local synchronous_commit = off`);
    const counts = await writePage(tx, run, page, after, next);
    const [updated] = await tx
      .update(runs)
      .set({
        total: sql`${runs.total} + ${items}`,
        processed: sql`${runs.processed} + ${items - page.problems.length}`,
        problems: sql`${runs.problems} + ${counts.problems}`,
        linesWritten: sql`${runs.linesWritten} + ${counts.written}`,
        linesCancelled: sql`${runs.linesCancelled} + ${counts.cancelled}`,
        cursor: next ?? run.cursor,
        heartbeatAt: new Date(),
      })
      .where(held(run, nodeId))
      .returning();
    if (!updated) throw new LostClaim(run.id);
    return next ? updated : finish(tx, ctx.outbox, updated, nodeId);
  });
}

/** The parameters whose collection rule governs an enrollment's region, or null when none does. */
type ParametersFor = (regionCode: string, insuranceType: string) => Promise<policy.EffectiveParameters | null>;

type ColumnSpec = ReadonlyArray<readonly [name: string, type: string]>;
/** A set of columns being filled: one array per column, a row at the same index in each. */
type Columns<S extends ColumnSpec> = { [K in S[number][0]]: ArrayValue[] };
const columnsOf = <S extends ColumnSpec>(spec: S) => Object.fromEntries(spec.map(([name]) => [name, []])) as unknown as Columns<S>;
/** Appends a row to the columns; its 1-based index. */
function pushRow<S extends ColumnSpec>(columns: Columns<S>, row: { [K in S[number][0]]: ArrayValue }): number {
  let length = 0;
  for (const name of Object.keys(row) as S[number][0][]) length = columns[name].push(row[name]);
  return length;
}

/**
 * A page goes to the database as columns, each one array parameter, and each fact once: the
 * persons with lines, the payer shares their lines apply, and the lines (a person, a share and the
 * amounts). The statement joins them back into receivable rows.
 */
const PERSON_COLUMNS = [
  ['employment_id', 'text'],
  ['person_id', 'text'],
  ['entity_id', 'text'],
  ['enrollment_kind', 'text'],
  ['region_code', 'text'],
  ['pooling_region', 'text'],
  ['insurance_type', 'text'],
  ['birth_date', 'text'],
  ['retired', 'boolean'],
  ['category', 'text'],
] as const;
const SHARE_COLUMNS = [
  ['rule_code', 'text'],
  ['payer', 'text'],
  ['fund', 'text'],
  ['flow', 'text'],
  ['periodicity', 'text'],
  ['base_kind', 'text'],
  ['rate_ppm', 'integer'],
  ['rule_version_id', 'text'],
] as const;
const LINE_COLUMNS = [
  /** 1-based index into the persons */
  ['person', 'integer'],
  /** 1-based index into the shares */
  ['share', 'integer'],
  ['payer_key', 'text'],
  ['declared_fen', 'bigint'],
  ['base_fen', 'bigint'],
  ['base_applied', 'text'],
  ['base_rule_code', 'text'],
  ['amount_fen', 'bigint'],
] as const;
/** The receivable columns a run writes, and where each comes from. */
const RECEIVABLE_COLUMNS: Array<[column: string, from: 'p' | 's' | 'l']> = [
  ['employment_id', 'p'],
  ['rule_code', 's'],
  ['person_id', 'p'],
  ['entity_id', 'p'],
  ['enrollment_kind', 'p'],
  ['region_code', 'p'],
  ['pooling_region', 'p'],
  ['insurance_type', 'p'],
  ['payer', 's'],
  ['payer_key', 'l'],
  ['fund', 's'],
  ['flow', 's'],
  ['periodicity', 's'],
  ['base_kind', 's'],
  ['declared_fen', 'l'],
  ['base_fen', 'l'],
  ['base_applied', 'l'],
  ['base_rule_code', 'l'],
  ['rate_ppm', 's'],
  ['amount_fen', 'l'],
  ['rule_version_id', 's'],
  ['birth_date', 'p'],
  ['retired', 'p'],
  ['category', 'p'],
];
const PROBLEM_COLUMNS = [
  ['employment_id', 'text'],
  ['person_id', 'text'],
  ['entity_id', 'text'],
  ['insurance_type', 'text'],
  ['region_code', 'text'],
  ['code', 'text'],
  ['params', 'jsonb'],
] as const;
type ProblemRow = Record<(typeof PROBLEM_COLUMNS)[number][0], string | Record<string, unknown> | null>;

/** A page computed: its persons, shares and lines as columns, and the persons whose facts are missing. */
interface ComputedPage {
  persons: Columns<typeof PERSON_COLUMNS>;
  shares: Columns<typeof SHARE_COLUMNS>;
  lines: Columns<typeof LINE_COLUMNS>;
  problems: ProblemRow[];
}

/**
 * Each person's lines with the policy center's calculator, in memory: no query per person. The
 * parameters of the page's regions and types are resolved first (from the run's memo, which the
 * policy cache backs), then every person is computed synchronously.
 */
async function computePage(items: enrollment.ActiveEnrollment[], run: Run, parametersFor: ParametersFor): Promise<ComputedPage> {
  const month = monthText(run.month);
  const settled = new Map<string, { chosen: policy.EffectiveParameters | null; linesOf: (facts: policy.PersonFacts) => policy.ReceivableAmount[] } | { error: unknown }>();
  for (const e of items) {
    const key = `${e.regionCode}|${e.insuranceType}`;
    if (settled.has(key)) continue;
    settled.set(
      key,
      await parametersFor(e.regionCode, e.insuranceType).then(
        (chosen) => ({ chosen, linesOf: chosen ? policy.receivableCalculator(month, chosen.baseRule, chosen.collectionRule, chosen.wage) : () => [] }),
        (error: unknown) => ({ error }),
      ),
    );
  }
  const page: ComputedPage = { persons: columnsOf(PERSON_COLUMNS), shares: columnsOf(SHARE_COLUMNS), lines: columnsOf(LINE_COLUMNS), problems: [] };
  const { persons, shares, lines } = page;
  const shareIndex = new Map<string, number>();
  for (const e of items) {
    try {
      const parameters = settled.get(`${e.regionCode}|${e.insuranceType}`)!;
      if ('error' in parameters) throw parameters.error;
      const chosen = parameters.chosen;
      // No collection rule in effect anywhere up the pooling chain: nothing to collect this month.
      if (!chosen) continue;
      const category = categoryFor(e.kind, e.identities, chosen.collectionRule);
      const facts: policy.PersonFacts = { personId: e.personId, birthDate: e.birthDate, retired: e.retired, category, bases: basesFor(chosen.collectionRule, e.baseFen) };
      const computed = parameters.linesOf(facts);
      if (!computed.length) continue;
      const person = pushRow(persons, {
        employment_id: e.employmentId,
        person_id: e.personId,
        entity_id: e.entityId ?? null,
        enrollment_kind: e.kind,
        region_code: e.regionCode,
        pooling_region: chosen.regionCode,
        insurance_type: e.insuranceType,
        birth_date: e.birthDate,
        retired: e.retired,
        category: category ?? null,
      });
      for (const line of computed) {
        const shareKey = `${line.ruleVersionId}|${line.ruleCode}|${line.payer}|${line.fund}|${line.flow}|${line.periodicity}|${line.baseKind}|${line.ratePpm}`;
        let share = shareIndex.get(shareKey);
        if (share === undefined) {
          share = pushRow(shares, {
            rule_code: line.ruleCode,
            payer: line.payer,
            fund: line.fund,
            flow: line.flow,
            periodicity: line.periodicity,
            base_kind: line.baseKind,
            rate_ppm: line.ratePpm,
            rule_version_id: line.ruleVersionId,
          });
          shareIndex.set(shareKey, share);
        }
        // The enrollment clamped the declared wage already; its bound's rule code stays on the line.
        const clampedAtDeclaration = line.baseApplied === 'declared' && e.baseRuleCode && line.baseKind === chosen.baseRule?.baseKind;
        const applied = clampedAtDeclaration ? (e.baseRuleCode === chosen.baseRule!.lowerRuleCode ? 'lower' : e.baseRuleCode === chosen.baseRule!.upperRuleCode ? 'upper' : 'declared') : line.baseApplied;
        pushRow(lines, {
          person,
          share,
          payer_key: payerKeyOf(line.payer, { entityId: e.entityId, personId: e.personId, poolingRegion: chosen.regionCode }),
          declared_fen: line.declaredFen,
          base_fen: line.baseFen,
          base_applied: applied,
          base_rule_code: line.baseRuleCode ?? (clampedAtDeclaration ? e.baseRuleCode : null),
          amount_fen: line.amountFen,
        });
      }
    } catch (error) {
      // Missing facts or configuration (no declared base, no wage, a bad birth date) are the person's
      // problem to fix, not the run's: counted and listed, the others go on.
      if (!(isCallersFault(error)) && !(error instanceof RangeError)) throw error;
      const code = error instanceof DomainError ? error.code : 'collection.facts_invalid';
      const params = error instanceof DomainError ? error.params : { detail: error.message.slice(0, 200) };
      page.problems.push({ employment_id: e.employmentId, person_id: e.personId, entity_id: e.entityId, insurance_type: e.insuranceType, region_code: e.regionCode, code, params });
    }
  }
  return page;
}

/** unnest of one array parameter per column, the columns named as in the spec. */
function unnestOf<S extends ColumnSpec>(spec: S, columns: Columns<S>): SQL {
  const arrays = sql.join(
    spec.map(([name, type]) => sql`${arrayLiteral((columns as Record<string, ArrayValue[]>)[name])}::${sql.raw(type)}[]`),
    sql`, `,
  );
  return sql`unnest(${arrays})`;
}

const names = (spec: ColumnSpec) => sql.raw(spec.map(([name]) => name).join(', '));
const INSERT_COLUMNS = sql.raw([...RECEIVABLE_COLUMNS.map(([c]) => c), 'month', 'status', 'run_id', 'updated_at'].join(', '));
const SELECT_COLUMNS = sql.raw(RECEIVABLE_COLUMNS.map(([c, from]) => `${from}.${c}`).join(', '));
const UPDATE_SET = sql.raw(
  [...RECEIVABLE_COLUMNS.map(([c]) => c).filter((c) => c !== 'employment_id' && c !== 'rule_code'), 'status', 'run_id', 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', '),
);
const PROBLEM_RECORD = sql.raw(PROBLEM_COLUMNS.map(([c, type]) => `${c} ${type}`).join(', '));

/**
 * Writes a page in one statement: the upsert of its lines on enrollment × month × rule code (a
 * received line is never rewritten), the cancellation of the due lines of the run's scope in the
 * page's key range (after, next] that the page did not compute (the enrollment was suspended or
 * removed, or a share no longer applies), and the persons whose facts are missing. Returns how many
 * rows each wrote; nothing comes back per line.
 */
async function writePage(tx: Db, run: Run, page: ComputedPage, after: string | undefined, next: string | undefined) {
  const range = and(
    eq(receivables.month, run.month),
    after ? gt(receivables.employmentId, after) : undefined,
    next ? lte(receivables.employmentId, next) : undefined,
    eq(receivables.status, 'due'),
    scopeOf(run),
  );
  const result = await tx.execute(sql`
    with p as (
      select * from ${unnestOf(PERSON_COLUMNS, page.persons)} with ordinality as p(${names(PERSON_COLUMNS)}, n)
    ), s as (
      select * from ${unnestOf(SHARE_COLUMNS, page.shares)} with ordinality as s(${names(SHARE_COLUMNS)}, n)
    ), line as materialized (
      select ${SELECT_COLUMNS}
      from ${unnestOf(LINE_COLUMNS, page.lines)} with ordinality as l(${names(LINE_COLUMNS)}, n)
      join p on p.n = l.person join s on s.n = l.share
      order by l.n
    ), written as (
      insert into collection.receivables (${INSERT_COLUMNS})
      select line.*, ${run.month}::integer, 'due', ${run.id}, now() from line
      on conflict (employment_id, month, rule_code) do update set ${UPDATE_SET}
      where collection.receivables.status <> 'received'
      returning 1
    ), cancelled as (
      -- NOT IN over the page's keys is a hashed subplan whatever the statistics say (fresh lines have none)
      update collection.receivables set status = 'cancelled', updated_at = now(), run_id = ${run.id}
      where ${range} and (${receivables.employmentId}, ${receivables.ruleCode}) not in (select employment_id, rule_code from line)
      returning 1
    ), problem as (
      insert into collection.run_problems (run_id, ${names(PROBLEM_COLUMNS)})
      select ${run.id}, r.* from json_to_recordset(${JSON.stringify(page.problems)}::json) as r(${PROBLEM_RECORD})
      on conflict do nothing
      returning 1
    )
    select (select count(*) from written)::integer as written, (select count(*) from cancelled)::integer as cancelled, (select count(*) from problem)::integer as problems
  `);
  return (result as unknown as { rows: Array<{ written: number; cancelled: number; problems: number }> }).rows[0];
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
async function finish(tx: Db, outbox: Outbox, run: Run, nodeId: string): Promise<Run> {
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
  for (const pool of paidPools) await settlePool(tx, outbox, pool);
  await refreshBills(tx, outbox, run.month, scope);
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
