import type { CenterModule } from '../../kernel/context.js';
import { writeDefaults } from './defaults.js';
import { messageRoutes } from './routes.js';
import { attachServer, startMessaging, stopMessaging } from './runtime.js';
import './messages.js';

/** The message center as the platform composes it (routes, the event subscriptions, the worker); other centers use index.ts. */
export const messageCenter: CenterModule = {
  name: 'message',
  async routes(app, ctx) {
    attachServer(ctx, app.server);
    app.addHook('onClose', async () => stopMessaging(ctx));
    messageRoutes(app, ctx);
  },
  async start(ctx) {
    await writeDefaults(ctx);
    await startMessaging(ctx);
  },
};
