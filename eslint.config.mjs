import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'console/dist/**', 'console/dist.*/**', 'coverage/**', 'test-artifacts/**', '.stryker-tmp/**', 'reports/**', 'schema/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      // One zod API in the tree: zod 4's, which zod 3.25 ships as 'zod/v4' (docs/architecture.md).
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "import { z } from 'zod/v4' (the zod 4 API; the package root is zod 3's)" }] }],
    },
  },
);
