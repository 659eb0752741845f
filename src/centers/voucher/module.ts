/** The voucher center as the platform composes it (routes, event subscriptions); other centers use index.ts. */
import type { CenterModule } from '../../kernel/context.js';
import * as enrollment from '../enrollment/index.js';
import { voucherRoutes } from './routes.js';
import { recordEmployment } from './service.js';

const { PERSON_ENROLLED, PERSON_SUSPENDED, PERSON_RESUMED, PERSON_REMOVED } = enrollment.events;

/** 电子凭证中心 e-voucher center. */
export const voucherCenter: CenterModule = {
  name: 'voucher',
  async routes(app, ctx) {
    voucherRoutes(app, ctx);
  },

  async start(ctx) {
    // Every enrolled person has a voucher; each event keeps its view of one employment current.
    ctx.outbox.subscribe(PERSON_ENROLLED, `voucher:${PERSON_ENROLLED.name}`, (event, tx) => recordEmployment(ctx, event.id, { ...event.payload, status: 'active' }, tx));
    for (const topic of [PERSON_SUSPENDED, PERSON_RESUMED, PERSON_REMOVED]) {
      ctx.outbox.subscribe(topic, `voucher:${topic.name}`, (event, tx) => recordEmployment(ctx, event.id, event.payload, tx));
    }
  },
};
