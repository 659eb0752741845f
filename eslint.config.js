import tseslint from 'typescript-eslint';
import centerBoundaries from './eslint-rules/center-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'drizzle/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { yibao: { rules: { 'center-boundaries': centerBoundaries } } },
    rules: {
      'yibao/center-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
);
