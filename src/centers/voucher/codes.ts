/**
 * 电子凭证二维码 dynamic QR codes: generation for an authorized channel, online verification by
 * institutions, and the SVG rendering on request (never in the generation path).
 */
import QRCode from 'qrcode';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { AppError, forbidden, notFound } from '../../kernel/http/errors.js';
import { newId } from '../../kernel/ids/index.js';
import { authorizations, codes, devices, vouchers, type CodeIdentity } from './schema.js';
import { CREDENTIAL_TYPE, generationRisk, insuranceTypesInForce, mintCode, parseCode, verifyRefusal, type VerifyRefusal } from './rules.js';
import { activeVoucherOf, memberVoucher, recordRisk, recordUsage, type Voucher } from './service.js';

export const codeKeyOf = (ctx: AppContext) => Buffer.from(ctx.config.keys.voucherCode, 'hex');

/**
 * Generates a code for the holder's own voucher or a family member's. Reads: the holder's voucher
 * with its authorization of the channel (one query), the per-minute counter (cache); writes the
 * code and its usage record in one statement.
 */
export async function generateCode(ctx: AppContext, accountId: string, input: { channelAppId: string; memberId?: string }) {
  const [holder] = await ctx.database.db
    .select({ voucher: vouchers, authorizationId: authorizations.id })
    .from(vouchers)
    .leftJoin(authorizations, and(eq(authorizations.voucherId, vouchers.id), eq(authorizations.appId, input.channelAppId), isNull(authorizations.revokedAt)))
    .where(eq(vouchers.holderAccountId, accountId));
  if (!holder || holder.voucher.status !== 'active') throw new AppError('voucher.not_active', 409);
  if (!holder.authorizationId) throw new AppError('voucher.channel_not_authorized', 403, {}, 'channelAppId');
  const subject: Voucher = input.memberId ? await memberVoucher(ctx, holder.voucher, input.memberId) : holder.voucher;

  const minute = Math.floor(Date.now() / 60_000);
  const risk = generationRisk(await ctx.cache.incr(`vqr:${holder.voucher.id}:${minute}`, 60_000), ctx.config.voucher.codesPerMinute);
  if (risk.flag) await recordRisk(ctx, risk.flag, { voucherId: holder.voucher.id, regionCode: holder.voucher.regionCode, appId: input.channelAppId, detail: { limit: ctx.config.voucher.codesPerMinute } });
  if (risk.refused) {
    await recordUsage(ctx, { voucherId: holder.voucher.id, subjectVoucherId: subject.id, appId: input.channelAppId, action: 'generate', result: 'refused', reason: 'too_many_codes' });
    throw new AppError('voucher.too_many_codes', 429, { retryAfterSec: 60 });
  }

  const { id, code } = mintCode(codeKeyOf(ctx));
  const identity: CodeIdentity = { personId: subject.personId, name: subject.nameMasked ?? '', regionCode: subject.regionCode, insuranceTypes: insuranceTypesInForce(subject.insurance) };
  // The database clock sets the expiry, so verification (`expires_at > now()`) and generation agree across nodes.
  const [row] = await ctx.database.rows<{ expires_at: Date | string }>(
    sql`with code as (
          insert into voucher.codes (id, voucher_id, holder_voucher_id, app_id, identity, expires_at)
          values (${id}, ${subject.id}, ${holder.voucher.id}, ${input.channelAppId}, ${JSON.stringify(identity)}::jsonb, now() + make_interval(secs => ${ctx.config.voucher.codeTtlSec}))
          returning id, expires_at
        ), logged as (
          insert into voucher.usage (id, voucher_id, subject_voucher_id, code_id, app_id, action, result)
          select ${newId('vus')}, ${holder.voucher.id}, ${subject.id}, id, ${input.channelAppId}, 'generate', 'ok' from code
        )
        select expires_at from code`,
  );
  return { code, codeId: id, expiresAt: new Date(row.expires_at).toISOString(), ttlSec: ctx.config.voucher.codeTtlSec };
}

const REFUSAL_STATUS: Record<VerifyRefusal['reason'], number> = {
  code_invalid: 400,
  code_unknown: 404,
  code_used: 409,
  code_expired: 410,
  channel_not_authorized: 403,
  device_unregistered: 403,
};

/**
 * 核验 an institution verifies a code online. The consume is one conditional UPDATE: of any number
 * of concurrent verifications on any number of nodes, exactly one finds the row still `issued`.
 * Only a refusal reads further, to say why and to flag it.
 */
export async function verifyCode(ctx: AppContext, appId: string, input: { code: string; deviceId?: string }) {
  const parsed = parseCode(codeKeyOf(ctx), input.code);
  const deviceId = input.deviceId ?? null;
  // A mistyped code is only refused; a well-formed one with a wrong MAC was made up, and is flagged.
  if (!parsed.ok && parsed.reason === 'malformed') throw new AppError('voucher.code_invalid', 400, {}, 'code');
  if (!parsed.ok) return refuse(ctx, verifyRefusal({ macValid: false, found: false })!, { appId, deviceId, code: null });
  const [used] = await ctx.database.rows<{ id: string; voucher_id: string; holder_voucher_id: string; identity: CodeIdentity; used_at: Date | string }>(
    sql`with used as (
          update voucher.codes c set status = 'used', used_at = now(), device_id = ${deviceId}
          where c.id = ${parsed.id} and c.status = 'issued' and c.expires_at > now() and c.app_id = ${appId}
            and exists (select 1 from voucher.authorizations a where a.voucher_id = c.holder_voucher_id and a.app_id = ${appId} and a.revoked_at is null)
            and (${deviceId}::text is null or exists (select 1 from voucher.devices d where d.app_id = ${appId} and d.device_id = ${deviceId}::text))
          returning c.id, c.voucher_id, c.holder_voucher_id, c.identity, c.used_at
        ), logged as (
          insert into voucher.usage (id, voucher_id, subject_voucher_id, code_id, app_id, action, result, device_id)
          select ${newId('vus')}, holder_voucher_id, voucher_id, id, ${appId}, 'verify', 'ok', ${deviceId} from used
        )
        select * from used`,
  );
  if (used) {
    return {
      credentialType: CREDENTIAL_TYPE,
      personId: used.identity.personId,
      name: used.identity.name,
      regionCode: used.identity.regionCode,
      insuranceTypes: used.identity.insuranceTypes,
      codeId: used.id,
      verifiedAt: new Date(used.used_at).toISOString(),
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
  throw new AppError(`voucher.${refusal.reason}`, REFUSAL_STATUS[refusal.reason], {}, refusal.reason === 'device_unregistered' ? 'deviceId' : 'code');
}

/** 终端登记 a channel registers a scanning device; idempotent. */
export async function registerDevice(ctx: AppContext, appId: string, deviceId: string) {
  await ctx.database.db.insert(devices).values({ appId, deviceId }).onConflictDoNothing();
  return { appId, deviceId };
}

/** The QR image of one of the holder's own codes, drawn on request. */
export async function codeSvg(ctx: AppContext, accountId: string, code: string): Promise<string> {
  const parsed = parseCode(codeKeyOf(ctx), code);
  if (!parsed.ok) throw new AppError('voucher.code_invalid', 400, {}, 'code');
  const voucher = await activeVoucherOf(ctx, accountId).catch(() => null);
  if (!voucher) throw forbidden('voucher.not_active');
  const [row] = await ctx.database.db
    .select({ id: codes.id })
    .from(codes)
    .where(and(eq(codes.id, parsed.id), eq(codes.holderVoucherId, voucher.id)));
  if (!row) throw notFound('voucher.code_unknown');
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
