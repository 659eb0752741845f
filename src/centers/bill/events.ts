/** The e-bill center's events: what other centers (messages) follow. */
import { Type } from '@sinclair/typebox';
import { RegionCode } from '../../kernel/http/schemas.js';
import { defineTopic } from '../../kernel/outbox/index.js';

/**
 * 开票 a normal (蓝字) e-bill issued to a person, once: not for a replay that answers the bill
 * issued before, not for a red-letter bill (冲红). No personal data beyond the registry id; the
 * region is the person's (the registry's), whom the bill concerns, wherever they were treated.
 */
export const BILL_ISSUED = defineTopic(
  'bill.issued',
  Type.Object({
    billId: Type.String(),
    personId: Type.String(),
    institutionCode: Type.String(),
    /** 票据号码 */
    billNumber: Type.String(),
    totalFen: Type.Integer(),
    regionCode: RegionCode,
  }),
);
