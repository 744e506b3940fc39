// ESLint（flat config）：所有包的 TypeScript 与 React 代码，typescript-eslint 推荐规则 + React Hooks 规则。
// 格式交给 Prettier（eslint-config-prettier 关掉与格式冲突的规则），npm test 里运行 `eslint .` 与 `prettier --check .`。
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '.data/**', 'coverage/**', 'tests/.artifacts/**', '.swc/**'],
  },
  // 不再触发的 eslint-disable 注释算错：每一条都要对应一条真会报的规则
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.es2021 },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // 共享契约的包入口带着 zod（约 110 KB）：小程序里只许从入口拿类型，值要从 shared-types/src/<文件> 引入
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tongxin/shared-types', message: '从 @tongxin/shared-types/src/<文件> 引入值；包入口会把 zod 带进小程序', allowTypeImports: true }],
        },
      ],
    },
  },
  {
    // 测试读的是随意形状的 JSON 应答，并在 jest.mock 之后才 require 被测模块：这两条规则在测试里不适用
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts', 'miniprogram/test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // CommonJS 配置文件（babel、jest、Taro 的 config）
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
