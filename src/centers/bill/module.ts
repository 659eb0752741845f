import type { CenterModule } from '../../kernel/context.js';
import { billRoutes } from './routes.js';
import './messages.js';

/** The e-bill center as the platform composes it; other centers use index.ts. */
export const billCenter: CenterModule = {
  name: 'bill',
  async routes(app, ctx) {
    billRoutes(app, ctx);
  },
};
