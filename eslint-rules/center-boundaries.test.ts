import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule from './center-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
  settings: { yibao: { root: '/repo' } },
});

const user = '/repo/src/centers/user/routes.ts';
const userIndex = '/repo/src/centers/user/index.ts';
const kernel = '/repo/src/kernel/pdf/index.ts';
const error = (messageId: string) => ({ messageId });

tester.run('center-boundaries', rule as never, {
  valid: [
    { code: "import { x } from '../auth/index.js';", filename: user },
    { code: "import { x } from './service.js';", filename: user },
    { code: "import { x } from '../../kernel/db/index.js';", filename: user },
    { code: "export { x } from '../auth/index.js';", filename: userIndex },
    { code: "import type { Actor } from '../auth/index.js';", filename: user },
    { code: "type Auth = typeof import('../auth/index.js');", filename: user },
    { code: "const auth = await import('../auth/index.js');", filename: user },
    { code: "import { x } from '/repo/src/centers/auth/index.js';", filename: user },
    { code: "const auth = await import('file:///repo/src/centers/auth/index.js');", filename: user },
    // src/platform.ts wires the centers: it alone imports module.ts.
    { code: "import { authCenter } from './centers/auth/module.js';", filename: '/repo/src/platform.ts' },
    { code: "import { authenticatorFor } from './centers/auth/index.js';", filename: '/repo/src/platform.ts' },
    // Outside centers a path src/ can work out is checked like a literal; packages are not centers.
    { code: "const auth = await import(new URL('./centers/auth/index.js', import.meta.url).href);", filename: '/repo/src/platform.ts' },
    { code: "const { default: pg } = await import('pg');", filename: '/repo/src/kernel/db/index.ts' },
    { code: "const { Redis } = await import(`ioredis`);", filename: '/repo/src/kernel/cache/index.ts' },
    { code: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');", filename: kernel },
    // A method named require is not a loader.
    { code: 'scope.require(row.regionCode, code);', filename: user },
    // Test code may load what it likes, and import test support.
    { code: 'const m = await import(name);', filename: '/repo/test/integration/x.test.ts' },
    { code: "import { createTestDatabase } from '../../../test/support/db.js';", filename: '/repo/src/kernel/outbox/outbox.test.ts' },
    { code: "import { newPerson } from '../support/factories.js';", filename: '/repo/test/integration/x.test.ts' },
    // index.ts may use its tables and export types from schema.ts; only tables as values are private.
    { code: "export type { OrderStatus } from './schema.js';", filename: userIndex },
    { code: "export { type OrderStatus } from './schema.js';", filename: userIndex },
    { code: "import { accounts } from './schema.js'; export function count(db) { return db.select().from(accounts); }", filename: userIndex },
    { code: "import type { accounts } from './schema.js'; export type Account = typeof accounts.$inferSelect;", filename: userIndex },
  ],
  invalid: [
    // Static imports and re-exports of another center's files.
    { code: "import { sessions } from '../auth/schema.js';", filename: user, errors: [error('internal')] },
    { code: "import type { Session } from '../auth/sessions.js';", filename: user, errors: [error('internal')] },
    { code: "import { accounts } from './centers/user/schema.js';", filename: '/repo/src/demo-seed.ts', errors: [error('internal')] },
    { code: "import { accounts } from '../../src/centers/user/schema.js';", filename: '/repo/test/integration/x.test.ts', errors: [error('internal')] },
    { code: "export { x } from '../auth/service.js';", filename: userIndex, errors: [error('internal')] },
    { code: "export type { Session } from '../auth/sessions.js';", filename: userIndex, errors: [error('internal')] },
    { code: "export * from '../auth/service.js';", filename: userIndex, errors: [error('internal')] },
    { code: "export * as auth from '../auth/service.js';", filename: user, errors: [error('internal')] },
    // Dynamic import(): a literal is checked; a computed path is refused in a center outright …
    { code: "const m = await import('../auth/tokens.js');", filename: user, errors: [error('internal')] },
    { code: 'const m = await import(name);', filename: user, errors: [error('computed')] },
    { code: 'const m = await import(`../auth/${name}.js`);', filename: user, errors: [error('computed')] },
    { code: "const m = await import('../auth/' + 'index.js');", filename: user, errors: [error('computed')] },
    { code: "const m = await import(new URL('../auth/index.js', import.meta.url).href);", filename: user, errors: [error('computed')] },
    // … and elsewhere in src/ unless the rule can work it out, when it is checked.
    { code: 'const m = await import(modulePath);', filename: kernel, errors: [error('computed')] },
    { code: "const m = await import('./centers/' + 'auth/schema.js');", filename: '/repo/src/platform.ts', errors: [error('internal')] },
    { code: "const m = await import(new URL('./centers/auth/schema.js', import.meta.url).href);", filename: '/repo/src/platform.ts', errors: [error('internal')] },
    { code: "const m = await import(new URL('./centers/auth/schema.js', import.meta.url).pathname);", filename: '/repo/src/platform.ts', errors: [error('internal')] },
    { code: "const m = await import(new URL(name, import.meta.url).href);", filename: '/repo/src/platform.ts', errors: [error('computed')] },
    // require() and createRequire.
    { code: "const { sessions } = require('../auth/schema.js');", filename: user, errors: [error('internal')] },
    { code: 'const m = require(name);', filename: user, errors: [error('computed')] },
    { code: "import { createRequire } from 'node:module'; const load = createRequire(import.meta.url);", filename: user, errors: [error('createRequire'), error('createRequire')] },
    { code: "import * as nodeModule from 'node:module'; const load = nodeModule.createRequire(import.meta.url);", filename: user, errors: [error('createRequire')] },
    { code: "import { createRequire } from 'node:module'; const load = createRequire(import.meta.url); load('../../centers/auth/schema.js');", filename: kernel, errors: [error('internal')] },
    { code: "import { createRequire } from 'node:module'; const load = createRequire(import.meta.url); load.resolve('../../centers/auth/schema.js');", filename: kernel, errors: [error('internal')] },
    { code: "import { createRequire } from 'node:module'; const load = createRequire(import.meta.url); load(name);", filename: kernel, errors: [error('computed')] },
    { code: "import { createRequire } from 'node:module'; createRequire(import.meta.url)('../../centers/auth/schema.js');", filename: kernel, errors: [error('internal')] },
    { code: "import sessions = require('../auth/schema.js');", filename: user, errors: [error('internal')] },
    // Absolute paths and file: URLs.
    { code: "import { sessions } from '/repo/src/centers/auth/schema.js';", filename: user, errors: [error('internal')] },
    { code: "import { sessions } from 'file:///repo/src/centers/auth/schema.js';", filename: user, errors: [error('internal')] },
    { code: "const m = await import('file:///repo/src/centers/auth/tokens.js');", filename: user, errors: [error('internal')] },
    { code: "const m = await import('/repo/src/centers/auth/tokens.js');", filename: kernel, errors: [error('internal')] },
    // Type queries.
    { code: "type Service = typeof import('../auth/service.js');", filename: user, errors: [error('internal')] },
    { code: "let session: import('../auth/sessions.js').Session;", filename: user, errors: [error('internal')] },
    // index.ts never makes its own tables public.
    { code: "export * from './schema.js';", filename: userIndex, errors: [error('schemaExport')] },
    { code: "export * as tables from './schema.js';", filename: userIndex, errors: [error('schemaExport')] },
    { code: "export { accounts, type AccountStatus } from './schema.js';", filename: userIndex, errors: [error('schemaExport')] },
    { code: "import { accounts } from './schema.js'; export { accounts };", filename: userIndex, errors: [error('schemaExport')] },
    { code: "import * as tables from './schema.js'; export { tables as userTables };", filename: userIndex, errors: [error('schemaExport')] },
    { code: "import { accounts } from './schema.js'; export const userAccounts = accounts;", filename: userIndex, errors: [error('schemaExport')] },
    { code: "import * as tables from './schema.js'; export const userAccounts = tables.accounts;", filename: userIndex, errors: [error('schemaExport')] },
    { code: "import { accounts } from './schema.js'; export default accounts;", filename: userIndex, errors: [error('schemaExport')] },
    // Production code never imports test code.
    { code: "import { createTestDatabase } from '../../../test/support/db.js';", filename: '/repo/src/kernel/outbox/index.ts', errors: [error('testCode')] },
    { code: "import { DOMAIN_LINES } from '../test/support/domain-visit.js';", filename: '/repo/scripts/demo-hospital.ts', errors: [error('testCode')] },
    { code: "import { fixedClock } from '../../test/support/clock.js';", filename: '/repo/fakes/sms/index.ts', errors: [error('testCode')] },
    { code: "const fakes = await import('../test/support/fakes.js');", filename: '/repo/src/platform.ts', errors: [error('testCode')] },
    // module.ts is for src/platform.ts alone, even inside its own center.
    { code: "import { authCenter } from '../auth/module.js';", filename: user, errors: [error('module')] },
    { code: "import { userCenter } from './module.js';", filename: user, errors: [error('module')] },
    { code: "import { authCenter } from './centers/auth/module.js';", filename: '/repo/src/demo-seed.ts', errors: [error('module')] },
    { code: "import { authCenter } from '../../src/centers/auth/module.js';", filename: '/repo/test/integration/x.test.ts', errors: [error('module')] },
  ],
});

const project = path.join(import.meta.dirname, 'fixtures/project');

describe('center-boundaries over a fixture project', () => {
  it('reports exactly the deliberately bad imports, where they are', async () => {
    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { yibao: { rules: { 'center-boundaries': rule as never } } },
          rules: { 'yibao/center-boundaries': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(['.']);
    const found = results.flatMap((result) =>
      result.messages.map((message) => `${path.relative(project, result.filePath)}:${message.line} ${message.message}`),
    );
    expect(found.sort()).toEqual([
      "fakes/bank.ts:1 Production code imports test code 'test/support/clock.js'; move what it needs out of test/.",
      "src/centers/beta/index.ts:1 index.ts makes center 'beta' tables public ('*' from schema.ts); export functions (or types) instead.",
      "src/centers/beta/routes.ts:2 'beta' imports 'schema.js' of center 'alpha'; import 'alpha/index.js' instead (or use its events).",
      "src/centers/beta/routes.ts:3 'alpha/module.ts' is the center's wiring and only src/platform.ts imports it; use 'alpha/index.js'.",
      'src/centers/beta/routes.ts:7 A computed module path cannot be checked against the center boundaries; write the path as a string literal.',
    ]);
    // Every file of the fixture was linted (the good ones cleanly), so a file it skipped cannot pass silently.
    expect(results.length).toBe(11);
  });

  it("is on in the project's own config, which leaves the fixtures alone", async () => {
    const root = path.resolve(import.meta.dirname, '..');
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import { sessions } from '../auth/schema.js';\nexport const s = sessions;\n", {
      filePath: path.join(root, 'src/centers/user/not-a-real-file.ts'),
    });
    expect(result.messages.map((message) => message.ruleId)).toEqual(['yibao/center-boundaries']);
    expect(await eslint.isPathIgnored(path.join(project, 'src/centers/beta/routes.ts'))).toBe(true);
  });
});
