/** The auth center as the platform composes it; other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { authRoutes } from './routes.js';
import { authorityRoutes } from './authority-routes.js';
import './messages.js';

/** 统一认证中心: registration codes, every login method, sessions and verification; organizations, roles, grants and channel apps. */
export const authCenter: CenterModule = {
  name: 'auth',
  async routes(app, ctx) {
    authRoutes(app, ctx);
    authorityRoutes(app, ctx);
  },
};
