/**
 * 电子凭证二维码 dynamic QR codes: generation for an authorized channel, online verification by
 * institutions, and the SVG rendering on request (never in the generation path).
 */
import QRCode from 'qrcode';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { groupCommitPer } from '../../kernel/db/group-commit.js';
import type { PreparedStatement } from '../../kernel/db/index.js';
import { DomainError, forbidden, notFound, type ErrorKind } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { authorizations, codes, devices, vouchers, type CodeIdentity } from './schema.js';
import {
  CREDENTIAL_TYPE,
  generationRisk,
  insuranceTypesInForce,
  mintCode,
  mintSettlementToken,
  parseCode,
  verifyRefusal,
  verifySettlementToken,
  type SettlementTokenCheck,
  type VerifyRefusal,
} from './rules.js';
import { activeVoucherOf, holderState, memberVoucher, recordRisk, recordUsage, type Voucher } from './service.js';
import type { CodeView, DeviceView, VerifiedIdentityView } from './contract.js';

export const codeKeyOf = (ctx: AppContext) => Buffer.from(ctx.config.keys.voucherCode, 'hex');
const settlementTokenKeyOf = (ctx: AppContext) => Buffer.from(ctx.config.keys.settlementToken, 'hex');

interface CodeRow {
  id: string;
  voucherId: string;
  holderVoucherId: string;
  appId: string;
  identity: CodeIdentity;
  usageId: string;
}

/**
 * The codes and their usage records of one batch, in one statement; the database clock sets the
 * expiry, so verification (`expires_at > now()`) and generation agree across nodes.
 */
async function writeCodes(ctx: AppContext, batch: CodeRow[]) {
  const rows = await ctx.database.rows<{ id: string; expires_at: Date | string }>(
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            as r(id text, "voucherId" text, "holderVoucherId" text, "appId" text, identity jsonb, "usageId" text)
        ), code as (
          insert into voucher.codes (id, voucher_id, holder_voucher_id, app_id, identity, expires_at)
          select id, "voucherId", "holderVoucherId", "appId", identity, now() + make_interval(secs => ${ctx.config.voucher.codeTtlSec}) from input
          returning id, expires_at
        ), logged as (
          insert into voucher.usage (id, voucher_id, subject_voucher_id, code_id, app_id, action, result)
          select "usageId", "holderVoucherId", "voucherId", id, "appId", 'generate', 'ok' from input
        )
        select id, expires_at from code`,
  );
  const expiry = new Map(rows.map((r) => [r.id, new Date(r.expires_at)]));
  return batch.map((row) => expiry.get(row.id)!);
}

/** Generated codes are group-committed (see `groupCommit`). */
const codeWriter = groupCommitPer(writeCodes, { maxBatch: 500, concurrency: 2 });

/**
 * Generates a code for the holder's own voucher or a family member's. The holder's state comes from
 * the node's memo, the per-minute counter from the cache; the code and its usage record are
 * group-committed with the codes of concurrent requests.
 */
export async function generateCode(ctx: AppContext, actor: Actor, input: { channelAppId: string; memberId?: string }): Promise<CodeView> {
  const holder = await holderState(ctx, actor.accountId);
  if (!holder || holder.voucher.status !== 'active') throw new DomainError('voucher.not_active', 'conflict');
  if (!holder.authorizedAppIds.includes(input.channelAppId)) throw new DomainError('voucher.channel_not_authorized', 'forbidden', {}, 'channelAppId');
  const subject: Voucher = input.memberId ? await memberVoucher(ctx, holder.voucher, input.memberId) : holder.voucher;

  const minute = Math.floor(Date.now() / 60_000);
  const risk = generationRisk(await ctx.cache.incr(`vqr:${holder.voucher.id}:${minute}`, 60_000), ctx.config.voucher.codesPerMinute);
  if (risk.flag) await recordRisk(ctx, risk.flag, { voucherId: holder.voucher.id, regionCode: holder.voucher.regionCode, appId: input.channelAppId, detail: { limit: ctx.config.voucher.codesPerMinute } });
  if (risk.refused) {
    await recordUsage(ctx, { voucherId: holder.voucher.id, subjectVoucherId: subject.id, appId: input.channelAppId, action: 'generate', result: 'refused', reason: 'too_many_codes' });
    throw new DomainError('voucher.too_many_codes', 'rate_limited', { retryAfterSec: 60 });
  }

  const { id, code } = mintCode(codeKeyOf(ctx));
  const identity: CodeIdentity = { personId: subject.personId, name: subject.nameMasked ?? '', regionCode: subject.regionCode, insuranceTypes: insuranceTypesInForce(subject.insurance) };
  const expiresAt = await codeWriter(ctx).add({ id, voucherId: subject.id, holderVoucherId: holder.voucher.id, appId: input.channelAppId, identity, usageId: newId('vus') });
  return { code, codeId: id, expiresAt: expiresAt.toISOString(), ttlSec: ctx.config.voucher.codeTtlSec };
}

const REFUSAL_KIND: Record<VerifyRefusal['reason'], ErrorKind> = {
  code_invalid: 'invalid',
  code_unknown: 'not_found',
  code_used: 'conflict',
  code_expired: 'gone',
  channel_not_authorized: 'forbidden',
  device_unregistered: 'forbidden',
};

interface ConsumeInput {
  ticket: number;
  id: string;
  appId: string;
  deviceId: string | null;
  usageId: string;
}
interface ConsumedCode {
  ticket: number;
  id: string;
  voucher_id: string;
  holder_voucher_id: string;
  identity: CodeIdentity;
  used_at: Date | string;
}

/**
 * The consume of a batch of verifications and their usage records, in one statement. A code is
 * consumed only while still `issued`, so of any number of verifications of one code, in one batch
 * (the row is updated once) or in batches on several nodes (the later update re-checks the row
 * after the first commits), exactly one comes back.
 */
const CONSUME: PreparedStatement = {
  name: 'voucher_consume_codes',
  text: `with input as (
           select * from jsonb_to_recordset($1::jsonb) as r(ticket int, id text, "appId" text, "deviceId" text, "usageId" text)
         ), used as (
           update voucher.codes c set status = 'used', used_at = now(), device_id = i."deviceId"
           from input i
           where c.id = i.id and c.status = 'issued' and c.expires_at > now() and c.app_id = i."appId"
             and exists (select 1 from voucher.authorizations a where a.voucher_id = c.holder_voucher_id and a.app_id = i."appId" and a.revoked_at is null)
             and (i."deviceId" is null or exists (select 1 from voucher.devices d where d.app_id = i."appId" and d.device_id = i."deviceId"))
           returning i.ticket, i."usageId", i."appId", i."deviceId", c.id, c.voucher_id, c.holder_voucher_id, c.identity, c.used_at
         ), logged as (
           insert into voucher.usage (id, voucher_id, subject_voucher_id, code_id, app_id, action, result, device_id)
           select "usageId", holder_voucher_id, voucher_id, id, "appId", 'verify', 'ok', "deviceId" from used
         )
         select ticket, id, voucher_id, holder_voucher_id, identity, used_at from used`,
};

const consumeAll = async (ctx: AppContext, batch: ConsumeInput[]) => {
  const rows = await ctx.database.prepared<ConsumedCode>(CONSUME, [JSON.stringify(batch)]);
  const byTicket = new Map(rows.map((r) => [Number(r.ticket), r]));
  return batch.map((input) => byTicket.get(input.ticket));
};

/** PostgreSQL's deadlock and serialization failures: the batch did nothing and may be retried. */
const isRetryable = (error: unknown) => ['40P01', '40001'].includes((error as { code?: string }).code ?? '');

async function consume(ctx: AppContext, batch: ConsumeInput[]): Promise<(ConsumedCode | undefined)[]> {
  try {
    return await consumeAll(ctx, batch);
  } catch (error) {
    // Two batches (on two nodes) that contend for two codes in opposite orders can deadlock; then one at a time.
    if (!isRetryable(error) || batch.length === 1) throw error;
    const results: (ConsumedCode | undefined)[] = [];
    for (const input of batch) results.push((await consumeAll(ctx, [input]))[0]);
    return results;
  }
}

let tickets = 0;
const consumer = groupCommitPer(consume, { maxBatch: 500, concurrency: 2 });

/**
 * 核验 an institution verifies a code online. The consume is one conditional UPDATE: of any number
 * of concurrent verifications on any number of nodes, exactly one finds the row still `issued`.
 * Only a refusal reads further, to say why and to flag it. A channel app bound to an institution
 * gets, beside the identity, the settlement token of this verification (结算授权令牌): the person's
 * consent to settle one visit there, for `voucher.settlementTokenTtlSec`.
 */
export async function verifyCode(
  ctx: AppContext,
  caller: { appId: string; institutionCode: string | null },
  input: { code: string; deviceId?: string },
): Promise<VerifiedIdentityView> {
  const { appId } = caller;
  const parsed = parseCode(codeKeyOf(ctx), input.code);
  const deviceId = input.deviceId ?? null;
  // A mistyped code is only refused; a well-formed one with a wrong MAC was made up, and is flagged.
  if (!parsed.ok && parsed.reason === 'malformed') throw new DomainError('voucher.code_invalid', 'invalid', {}, 'code');
  if (!parsed.ok) return refuse(ctx, verifyRefusal({ macValid: false, found: false })!, { appId, deviceId, code: null });
  const used = await consumer(ctx).add({ ticket: (tickets = (tickets + 1) % 2 ** 31), id: parsed.id, appId, deviceId, usageId: newId('vus') });
  if (used) {
    const verifiedAt = new Date(used.used_at);
    const token = caller.institutionCode ? settlementTokenFor(ctx, { appId, personId: used.identity.personId, institutionCode: caller.institutionCode, codeId: used.id }) : null;
    return {
      credentialType: CREDENTIAL_TYPE,
      personId: used.identity.personId,
      name: used.identity.name,
      regionCode: used.identity.regionCode,
      insuranceTypes: used.identity.insuranceTypes,
      codeId: used.id,
      verifiedAt: verifiedAt.toISOString(),
      settlementToken: token?.token ?? null,
      settlementTokenExpiresAt: token?.expiresAt ?? null,
    };
  }
  const [row] = await ctx.database.db.select().from(codes).where(eq(codes.id, parsed.id));
  const [authorization] = row
    ? await ctx.database.db
        .select({ id: authorizations.id })
        .from(authorizations)
        .where(and(eq(authorizations.voucherId, row.holderVoucherId), eq(authorizations.appId, appId), isNull(authorizations.revokedAt)))
    : [];
  const [device] = deviceId ? await ctx.database.db.select().from(devices).where(and(eq(devices.appId, appId), eq(devices.deviceId, deviceId))) : [];
  const refusal = verifyRefusal({
    macValid: true,
    found: !!row,
    status: row?.status,
    expired: row ? row.expiresAt.getTime() <= Date.now() : undefined,
    boundToCaller: row?.appId === appId,
    authorized: !!authorization,
    deviceGiven: deviceId !== null,
    deviceRegistered: !!device,
  });
  // Passes on re-reading only if the code expired between the two reads' clocks: refuse it as expired.
  return refuse(ctx, refusal ?? { reason: 'code_expired', flag: null }, { appId, deviceId, code: row ?? null });
}

async function refuse(ctx: AppContext, refusal: VerifyRefusal, facts: { appId: string; deviceId: string | null; code: typeof codes.$inferSelect | null }): Promise<never> {
  const { code } = facts;
  let regionCode: string | null = null;
  if (code) {
    const [holder] = await ctx.database.db.select({ regionCode: vouchers.regionCode }).from(vouchers).where(eq(vouchers.id, code.holderVoucherId));
    regionCode = holder?.regionCode ?? null;
    await recordUsage(ctx, { voucherId: code.holderVoucherId, subjectVoucherId: code.voucherId, codeId: code.id, appId: facts.appId, action: 'verify', result: 'refused', reason: refusal.reason, deviceId: facts.deviceId });
  }
  if (refusal.flag) {
    await recordRisk(ctx, refusal.flag, { voucherId: code?.holderVoucherId, regionCode, appId: facts.appId, codeId: code?.id, deviceId: facts.deviceId, detail: { boundAppId: code?.appId ?? null } });
  }
  throw new DomainError(`voucher.${refusal.reason}`, REFUSAL_KIND[refusal.reason], {}, refusal.reason === 'device_unregistered' ? 'deviceId' : 'code');
}

/** A settlement token from now for the node's clock (the token is checked by the node clocks only). */
function settlementTokenFor(ctx: AppContext, claims: { appId: string; personId: string; institutionCode: string; codeId: string }) {
  const exp = Math.floor(Date.now() / 1000) + ctx.config.voucher.settlementTokenTtlSec;
  return { token: mintSettlementToken(settlementTokenKeyOf(ctx), { ...claims, exp }), expiresAt: new Date(exp * 1000).toISOString() };
}

/** What a settlement token gives its caller: the person's consent to settle one visit at the institution, once. */
export interface SettlementConsent {
  personId: string;
  institutionCode: string;
  /** the verified code: one settlement per code */
  codeId: string;
  expiresAt: string;
}

/**
 * The consent a settlement token carries for this channel app and institution, or a DomainError
 * naming `settlementToken` (the settlement's codes, since that is where a client meets them):
 *   400 settlement.consent_invalid     malformed, or not signed with the platform's key
 *   403 settlement.consent_not_yours   minted for another channel app or another institution
 *   410 settlement.consent_expired     its lifetime is over: verify a new code
 * One HMAC-SM3 and no database read.
 */
export function checkSettlementToken(ctx: AppContext, token: string, caller: { appId: string; institutionCode: string }): SettlementConsent {
  const checked = verifySettlementToken(settlementTokenKeyOf(ctx), token, caller, Math.floor(Date.now() / 1000));
  if (!checked.ok) throw new DomainError(`settlement.consent_${checked.reason}`, CONSENT_REFUSAL_KIND[checked.reason], {}, 'settlementToken');
  const { personId, institutionCode, codeId, exp } = checked.claims;
  return { personId, institutionCode, codeId, expiresAt: new Date(exp * 1000).toISOString() };
}

const CONSENT_REFUSAL_KIND: Record<Extract<SettlementTokenCheck, { ok: false }>['reason'], ErrorKind> = {
  invalid: 'invalid',
  not_yours: 'forbidden',
  expired: 'gone',
};

/** 终端登记 a channel registers a scanning device; idempotent. */
export async function registerDevice(ctx: AppContext, appId: string, deviceId: string): Promise<DeviceView> {
  await ctx.database.db.insert(devices).values({ appId, deviceId }).onConflictDoNothing();
  return { appId, deviceId };
}

/**
 * The QR image of one of the holder's own codes, drawn on request: asked for by the code's id (the
 * code itself stays out of URLs and so out of logs) and drawn from the code the key gives that id.
 */
export async function codeSvg(ctx: AppContext, actor: Actor, codeId: string): Promise<string> {
  const voucher = await activeVoucherOf(ctx, actor.accountId).catch(() => null);
  if (!voucher) throw forbidden('voucher.not_active');
  const [row] = await ctx.database.db
    .select({ id: codes.id })
    .from(codes)
    .where(and(eq(codes.id, codeId), eq(codes.holderVoucherId, voucher.id)));
  if (!row) throw notFound('voucher.code_unknown');
  return QRCode.toString(mintCode(codeKeyOf(ctx), row.id).code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
