/** The user center as the platform composes it; other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { provideAccounts } from '../auth/index.js';
import { userRoutes } from './routes.js';
import { accountRoutes } from './account-routes.js';
import { agentRoutes } from './agent-routes.js';
import { accountDirectory } from './directory.js';
import './messages.js';

/** 用户中心: registration, own accounts, account administration and unit agents; the accounts the auth center logs in against. */
export const userCenter: CenterModule = {
  name: 'user',
  async routes(app, ctx) {
    userRoutes(app, ctx);
    accountRoutes(app, ctx);
    agentRoutes(app, ctx);
  },
  async start(ctx) {
    provideAccounts(ctx, accountDirectory(ctx));
  },
};
