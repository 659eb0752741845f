import tseslint from 'typescript-eslint';
import centerBoundaries from './eslint-rules/center-boundaries.js';

export default tseslint.config(
  // eslint-rules/fixtures: a small project of deliberately bad imports the rule's test lints, not project code.
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'drizzle/**', 'coverage/**', 'eslint-rules/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { yibao: { rules: { 'center-boundaries': centerBoundaries } } },
    // The rule reads paths relative to the project root, wherever eslint is started from.
    settings: { yibao: { root: import.meta.dirname } },
    rules: {
      'yibao/center-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
);
