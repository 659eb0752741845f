import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import rule from './center-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('center-boundaries', rule as never, {
  valid: [
    { code: "import { x } from '../auth/index.js';", filename: '/repo/src/centers/user/routes.ts' },
    { code: "import { x } from './service.js';", filename: '/repo/src/centers/user/routes.ts' },
    { code: "import { x } from '../../kernel/db/index.js';", filename: '/repo/src/centers/user/routes.ts' },
    { code: "import { authCenter } from './centers/auth/index.js';", filename: '/repo/src/platform.ts' },
  ],
  invalid: [
    { code: "import { sessions } from '../auth/schema.js';", filename: '/repo/src/centers/user/routes.ts', errors: [{ messageId: 'internal' }] },
    { code: "export { x } from '../auth/service.js';", filename: '/repo/src/centers/user/index.ts', errors: [{ messageId: 'internal' }] },
    { code: "const m = await import('../auth/tokens.js');", filename: '/repo/src/centers/user/routes.ts', errors: [{ messageId: 'internal' }] },
    { code: "import { accounts } from './centers/user/schema.js';", filename: '/repo/src/demo-seed.ts', errors: [{ messageId: 'internal' }] },
  ],
});
