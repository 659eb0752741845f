/** The policy center as the platform composes it (routes, start, demo data); other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { catalogRoutes } from './catalog-routes.js';
import { policyRoutes } from './routes.js';

export const policyCenter: CenterModule = {
  name: 'policy',
  async routes(app, ctx) {
    policyRoutes(app, ctx);
    catalogRoutes(app, ctx);
  },
};
