import type { CenterModule } from '../../kernel/context.js';
import { ORDER_EVENT } from './events.js';
import { notifyRoutes } from './notify-routes.js';
import { reconciliationRoutes } from './reconciliation-routes.js';
import { orderRoutes } from './routes.js';
import { attachServer, startJobs, stopJobs } from './runtime.js';
import { onOrderEvent } from './webhooks.js';
import './messages.js';

/** The payment center as the platform composes it (routes, the webhook subscriber, the periodic jobs); other centers use index.ts. */
export const paymentCenter: CenterModule = {
  name: 'payment',
  async routes(app, ctx) {
    attachServer(ctx, app.server);
    app.addHook('onClose', async () => stopJobs(ctx));
    orderRoutes(app, ctx);
    await notifyRoutes(app, ctx);
    reconciliationRoutes(app, ctx);
  },
  async start(ctx) {
    ctx.outbox.subscribe(ORDER_EVENT, 'payment:webhooks', onOrderEvent);
    startJobs(ctx);
  },
};
