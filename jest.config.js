/** 根 jest 配置：unit（纯规则）、db（真实 PostgreSQL 上的处理器）、pages（React 页面）。e2e 另见 tests/e2e。 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      testMatch: ['<rootDir>/shared-types/src/**/*.test.ts', '<rootDir>/cloudfunctions/src/**/*.test.ts'],
    },
    {
      displayName: 'db',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    ...(require('node:fs').existsSync(__dirname + '/miniprogram/jest.config.js') ? ['<rootDir>/miniprogram/jest.config.js'] : []),
  ],
};
