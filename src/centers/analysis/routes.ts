/** 业务分析 routes under /api/v1/analysis: the figures administrators read on their home page. */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { YearMonth } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import { MonthOverview } from './contract.js';
import { monthOverview } from './overview.js';

export function analysisRoutes(app: App, ctx: AppContext) {
  app.get('/month-overview', {
    config: { auth: { user: true, permission: auth.PERMISSIONS.analysisRead } },
    schema: {
      tags: ['analysis'],
      summary: '月度概览（本辖区） the month’s enrollments, settlements, activations by day and receivables due against received, in your regions',
      querystring: Type.Object({ month: YearMonth }),
      response: { 200: MonthOverview },
    },
  }, async (request) => monthOverview(ctx, await requireActor(request).scope(), request.query.month));
}
