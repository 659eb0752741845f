/** The collection center's events: what other centers (messages to a unit's agents) follow. */
import { Type } from '@sinclair/typebox';
import { RegionCode } from '../../kernel/http/schemas.js';
import { defineTopic } from '../../kernel/outbox/index.js';

/**
 * 缴费单 a unit's bill of a month made, once: when a run (or a payment that came before its lines)
 * first sums the unit's lines of that month; the refreshes that follow it publish nothing. The amount
 * is the bill's as made (fen), the region its lines' (a unit's bill lies in one region).
 */
export const BILL_ISSUED = defineTopic(
  'collection.bill_issued',
  Type.Object({
    billId: Type.String(),
    /** the registry legal entity (`ent_…`) the bill is for */
    entityId: Type.String(),
    /** 缴费单号 JFyyyymm… */
    billNumber: Type.String(),
    month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' }),
    totalFen: Type.Integer(),
    regionCode: RegionCode,
  }),
);
