// Builds the web app when web/dist is missing or older than its sources, so `npm start` serves a fresh build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The web bundle also imports the server's pure validators, so a change there rebuilds it too.
const sources = [path.join(root, 'web/src'), path.join(root, 'web/index.html'), path.join(root, 'web/public'), path.join(root, 'web/vite.config.ts'), path.join(root, 'src/kernel/validation')];
const sourceTime = Math.max(...sources.filter(existsSync).map((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs)));
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) {
  console.log('web: build is up to date');
} else {
  // The API types first (web/src/api/schema.d.ts, from the routes), as `npm run build:web` does. They
  // only type-check the app, so an install without dev dependencies builds with the committed ones.
  if (existsSync(path.join(root, 'node_modules/openapi-typescript'))) {
    console.log('web: generating the API types (npm run api:types)…');
    run([path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/openapi.ts']);
  }
  console.log('web: building the web app (vite build)…');
  run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
}
