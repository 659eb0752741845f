/** The unit center as the platform composes it (routes); other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { unitRoutes } from './routes.js';

export const unitCenter: CenterModule = {
  name: 'unit',
  async routes(app, ctx) {
    unitRoutes(app, ctx);
  },
};
