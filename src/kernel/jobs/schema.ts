import { text, timestamp } from 'drizzle-orm/pg-core';
import { kernelSchema } from '../outbox/schema.js';

/**
 * Which node runs a singleton periodic job now, until when. A node claims a lease that has run out
 * (its holder died or stopped) and renews it while it works (heartbeat).
 */
export const jobLeases = kernelSchema.table('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  until: timestamp('until', { withTimezone: true, mode: 'date' }).notNull(),
});
