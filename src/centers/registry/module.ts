/** The registry center as the platform composes it (routes, start); other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import { unprocessable } from '../../kernel/errors/index.js';
import { provideInstitutions } from '../auth/index.js';
import { conflictRoutes, entityRoutes, personRoutes } from './routes.js';
import { importRoutes } from './import-routes.js';
import { institutionRoutes } from './institution-routes.js';
import { institutionOf } from './institutions.js';
import { runtimeFor } from './runtime.js';

export const registryCenter: CenterModule = {
  name: 'registry',
  async routes(app, ctx) {
    // Server close stops this process's import jobs after their batch (resumable) and the stale-job sweep.
    app.addHook('onClose', async () => runtimeFor(ctx).stop());
    personRoutes(app, ctx);
    entityRoutes(app, ctx);
    conflictRoutes(app, ctx);
    importRoutes(app, ctx);
    institutionRoutes(app, ctx);
  },

  async start(ctx) {
    runtimeFor(ctx).startSweep();
    // The auth center binds channel apps to institutions; it cannot import this center (this one imports it).
    provideInstitutions(ctx, {
      async requireInstitution(code, field) {
        const found = await institutionOf(ctx, code);
        if (!found) throw unprocessable('registry.institution_unknown', { code }, field);
        return found.code;
      },
    });
  },
};
