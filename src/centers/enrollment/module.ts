/** The enrollment center as the platform composes it (routes, start, demo data); other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { enrollmentRoutes } from './routes.js';

export const enrollmentCenter: CenterModule = {
  name: 'enrollment',
  async routes(app, ctx) {
    enrollmentRoutes(app, ctx);
  },
};
