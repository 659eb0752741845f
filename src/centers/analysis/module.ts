import type { CenterModule } from '../../kernel/context.js';
import { analysisRoutes } from './routes.js';

/**
 * 业务分析中心 the analysis center as the platform composes it: today the month overview of the
 * administrators' home page; the analysis and report issue builds on it.
 */
export const analysisCenter: CenterModule = {
  name: 'analysis',
  async routes(app, ctx) {
    analysisRoutes(app, ctx);
  },
};
