/** The collection center as the platform composes it (routes, the run worker); other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { billRoutes, reconciliationRoutes, runRoutes } from './routes.js';
import { fileRoutes, settingRoutes } from './file-routes.js';
import { workerFor } from './runtime.js';

/** 征缴中心 collection center. */
export const collectionCenter: CenterModule = {
  name: 'collection',
  async routes(app, ctx) {
    app.addHook('onClose', async () => workerFor(ctx).stop());
    runRoutes(app, ctx);
    billRoutes(app, ctx);
    settingRoutes(app, ctx);
    fileRoutes(app, ctx);
    reconciliationRoutes(app, ctx);
  },

  async start(ctx) {
    workerFor(ctx).start();
  },
};
