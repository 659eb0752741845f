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
import { verifyCode as verify } from './codes.js';
import { insuranceTypesInForce } from './rules.js';


export { CREDENTIAL_TYPE, RISK_RULES, type RiskRule } from './rules.js';
/** Mints a code string with a key (bench fixtures write codes straight into the table). */
export { mintCode } from './rules.js';

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
 * `POST /api/v1/voucher/verify`): the insurance identity, or a DomainError saying why not.
 */
export const verifyCode = (ctx: AppContext, appId: string, input: { code: string; deviceId?: string }) => verify(ctx, appId, input);

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
