/** 端到端：启动真正的本地宿主（npm start 用的同一个入口），用无头 Chromium 操作 H5 构建 */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } }] },
  testTimeout: 90_000,
  maxWorkers: 1,
};
