// Jest project for the WeChat compile check of the weapp build (test/weapp). Node environment:
// the test runs scripts/weapp-check.ts in child processes, against a copy of dist/weapp.
module.exports = {
  displayName: 'weapp',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/weapp'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.[cm]?[jt]sx?$': ['babel-jest', { configFile: './babel.node.js' }] },
  testTimeout: 120000,
}
