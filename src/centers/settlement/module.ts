import type { CenterModule } from '../../kernel/context.js';
import { settlementRiskRoutes } from './risk-routes.js';
import { settlementRoutes } from './routes.js';
import './messages.js';

/** The settlement center as the platform composes it; other centers use index.ts. */
export const settlementCenter: CenterModule = {
  name: 'settlement',
  async routes(app, ctx) {
    settlementRoutes(app, ctx);
    settlementRiskRoutes(app, ctx);
  },
};
