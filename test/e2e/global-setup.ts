import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds web/dist when stale (the test server serves it) and checks that Chromium is there. */
export default async function setup() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`${chromium} is missing: run \`bash scripts/install-chromium.sh\` first (installs Debian's chromium)`);
  }
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-web.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the web app failed (node scripts/ensure-web.mjs)');
  if (!process.env.E2E_BASE_URL) {
    // Same as the unit tests' global setup: migrate the PostgreSQL template once, before files clone it.
    const { ensureTemplate, testDbMode } = await import('../support/db.js');
    if ((await testDbMode()) === 'postgres') await ensureTemplate();
  }
}
