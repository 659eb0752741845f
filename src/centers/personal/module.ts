/** The personal center as the platform composes it (routes); other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { personalRoutes } from './routes.js';

export const personalCenter: CenterModule = {
  name: 'personal',
  async routes(app, ctx) {
    personalRoutes(app, ctx);
  },
};
