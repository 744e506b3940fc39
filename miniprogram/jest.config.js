/** 页面与客户端模块的测试：jsdom + React Testing Library；Taro 组件与 API 一律换成 test/stubs 里的同一套替身（测试文件不再各自 jest.mock） */
module.exports = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2021',
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
    '\\.(css|scss)$': '<rootDir>/test/stubs/style.ts',
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-each.ts'],
}
