import { ensureTemplate, testDbMode } from './support/db.js';

/** Migrates the PostgreSQL template once, before the test files clone it in parallel. */
export default async function setup() {
  if ((await testDbMode()) === 'postgres') await ensureTemplate();
}
