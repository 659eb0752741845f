/**
 * 电子凭证中心 e-voucher center: public API for other centers (the mobile payment center verifies
 * a code for an institution and confirms an order with the voucher password).
 *
 * Follows the enrollment events (person_enrolled / suspended / resumed / removed): every enrolled
 * person has a voucher, inactive until they activate it at L3 with a 6-digit password.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import { authorizations, vouchers } from './schema.js';
import { checkVoucherPassword } from './service.js';
import { checkSettlementToken as checkToken, verifyCode as verify, type SettlementConsent } from './codes.js';
import { insuranceTypesInForce } from './rules.js';


export { CREDENTIAL_TYPE, RISK_RULES, type RiskRule } from './rules.js';
/** Mints a code string with a key (bench fixtures write codes straight into the table). */
export { mintCode } from './rules.js';
/**
 * Mints a settlement token with a key: what a verification gives, for fixtures that need one without
 * a verified code (the bench, an expired token in a test). The platform itself mints them in `verifyCode` only.
 */
export { mintSettlementToken, type SettlementTokenClaims } from './rules.js';

/** The voucher of a registry person (`psn_…`): status and insurance types in force, or null. */
export async function voucherOf(ctx: AppContext, personId: string) {
  const [row] = await ctx.database.db.select().from(vouchers).where(eq(vouchers.personId, personId));
  return row ? { id: row.id, personId: row.personId, status: row.status, insuranceTypes: insuranceTypesInForce(row.insurance) } : null;
}

/**
 * Checks a person's voucher password (payment confirmation in a channel), with the same failure
 * counter and lockout as the voucher's own routes: a 400 naming `field`, 423 when locked.
 */
export async function verifyVoucherPassword(ctx: AppContext, personId: string, password: string, field = 'password'): Promise<void> {
  const [row] = await ctx.database.db.select().from(vouchers).where(eq(vouchers.personId, personId));
  if (!row || row.status !== 'active') throw new DomainError('voucher.not_active', 'conflict', {}, field);
  await checkVoucherPassword(ctx, row, password, field);
}

/**
 * Verifies and consumes a code for a channel (the same rules, logging and flags as
 * `POST /api/v1/voucher/verify`): the insurance identity, with a settlement token when the channel
 * app is bound to an institution (`institutionCode`), or a DomainError saying why not.
 */
export const verifyCode = (ctx: AppContext, caller: { appId: string; institutionCode: string | null }, input: { code: string; deviceId?: string }) => verify(ctx, caller, input);

export type { SettlementConsent };
/**
 * 结算授权 the consent a settlement token gives this channel app at its institution: the person, the
 * institution, the verified code (one settlement per code) and the expiry. Throws a DomainError
 * naming `settlementToken`: 400 `settlement.consent_invalid` (malformed or not the platform's MAC),
 * 403 `settlement.consent_not_yours` (another app's or institution's), 410 `settlement.consent_expired`.
 * Stateless (one HMAC-SM3): that a token settles once is the settlement center's to hold.
 */
export const checkSettlementToken = (ctx: AppContext, token: string, caller: { appId: string; institutionCode: string }): SettlementConsent => checkToken(ctx, token, caller);

/**
 * 渠道授权 whether a registry person (`psn_…`) has authorized a channel app and not revoked it: other
 * centers let a channel read the person's records (bills, orders) only then.
 */
export async function isChannelAuthorized(ctx: AppContext, appId: string, personId: string): Promise<boolean> {
  const [row] = await ctx.database.db
    .select({ id: authorizations.id })
    .from(authorizations)
    .innerJoin(vouchers, eq(vouchers.id, authorizations.voucherId))
    .where(and(eq(vouchers.personId, personId), eq(authorizations.appId, appId), isNull(authorizations.revokedAt)))
    .limit(1);
  return Boolean(row);
}

/** The center's event topics: `voucher.events.PASSWORD_LOCKED` (the voucher password locked). */
export * as events from './events.js';

/** Activations by Beijing day of a month, in a scope (the analysis center's charts). */
export { activationsByDay } from './figures.js';
