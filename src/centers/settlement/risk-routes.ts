/**
 * 结算风险事件 for the clerks: the claims of settlements in their pooling regions that the platform's
 * facts contradicted (routes under /api/v1/settlement, registered by the settlement module).
 */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Literals, PageQuery } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import { SettlementRiskEventPage } from './contract.js';
import { SETTLEMENT_RISK_RULES } from './pricing.js';
import { listRiskEvents } from './risk.js';

/** Who reads them: the clerks of the pooling region (经办人员) and administrators. */
const RISK_READ = auth.PERMISSIONS.settlementRiskRead;

export function settlementRiskRoutes(app: App, ctx: AppContext) {
  app.get('/risk-events', {
    config: { auth: { user: true, permission: RISK_READ } },
    schema: {
      tags: ['settlement'],
      summary: '结算风险事件（本辖区统筹区） claims of settlements in your pooling regions that the catalog and policy contradicted, newest first',
      querystring: Type.Object({ ...PageQuery, rule: Type.Optional(Literals(SETTLEMENT_RISK_RULES, '风险规则')) }),
      response: { 200: SettlementRiskEventPage },
    },
  }, async (request) => listRiskEvents(ctx, await requireActor(request).scope(), request.query));
}
