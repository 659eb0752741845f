/** The e-voucher center's events: what other centers (security messages) follow. */
import { Type } from '@sinclair/typebox';
import { DateTime, RegionCode } from '../../kernel/http/schemas.js';
import { defineTopic } from '../../kernel/outbox/index.js';

/**
 * 密码锁定 the voucher password locked: the wrong entry that reached the failure limit, once per
 * lockout (the entries refused while it lasts publish nothing). `lockedUntil` is when the lockout
 * ends (ISO); a reset after a fresh liveness check ends it earlier.
 */
export const PASSWORD_LOCKED = defineTopic(
  'voucher.password_locked',
  Type.Object({
    voucherId: Type.String(),
    personId: Type.String(),
    lockedUntil: DateTime,
    regionCode: RegionCode,
  }),
);
