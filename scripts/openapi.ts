/**
 * The platform's OpenAPI document and the web app's types made from it, without a server:
 * the platform is built on an in-memory PGlite with no demo data and no fake providers, asked for
 * its document, and closed again.
 *
 *   tsx scripts/openapi.ts          writes web/src/api/openapi.json and web/src/api/schema.d.ts
 *   tsx scripts/openapi.ts spec     writes web/src/api/openapi.json only
 *   tsx scripts/openapi.ts --check  writes nothing; fails when either file differs from what the
 *                                   routes give now (lint runs it, so a committed file is never stale)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/kernel/config/index.js';
import { openDatabase } from '../src/kernel/db/index.js';
import { createPlatform } from '../src/platform.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SPEC_FILE = path.join(root, 'web/src/api/openapi.json');
const TYPES_FILE = path.join(root, 'web/src/api/schema.d.ts');

const HEADER = `/**
 * The platform's API types, generated from its routes' schemas by scripts/openapi.ts
 * (npm run api:types): do not edit; change the route's schema and generate again.
 */

`;

/** The document the running platform serves at /openapi.json, as a stable, diff-friendly text. */
export async function buildSpec(env: NodeJS.ProcessEnv = {}): Promise<string> {
  // Only the switches that matter here, never the caller's environment (DATABASE_URL, REDIS_URL…).
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', START_FAKES: 'false', LOG_LEVEL: 'silent', ...env });
  const platform = await createPlatform(config, { database: await openDatabase({}) });
  try {
    return `${JSON.stringify(platform.app.swagger(), null, 2)}\n`;
  } finally {
    await platform.close();
  }
}

export async function buildTypes(spec: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(spec), { silent: true });
  return HEADER + astToString(ast);
}

function readOr(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes only a changed file, so that an unchanged API does not make the web build look stale. */
function update(file: string, text: string): void {
  if (readOr(file) === text) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`api: wrote ${path.relative(root, file)}`);
}

async function main(args: string[]) {
  const spec = await buildSpec();
  if (args.includes('spec')) return update(SPEC_FILE, spec);
  const types = await buildTypes(spec);
  if (args.includes('--check')) {
    const stale = [
      [SPEC_FILE, spec],
      [TYPES_FILE, types],
    ].filter(([file, text]) => readOr(file) !== text);
    for (const [file] of stale) console.error(`${path.relative(root, file)} is not what the routes give now: run npm run api:types`);
    process.exit(stale.length ? 1 : 0);
  }
  update(SPEC_FILE, spec);
  update(TYPES_FILE, types);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
  // the platform is closed; a timer some center left behind must not keep a build or lint waiting
  process.exit(0);
}
