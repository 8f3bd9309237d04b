/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/', '<rootDir>/\\.stryker-tmp/', '<rootDir>/reports/'],
  // Stryker's sandboxes are copies of the repository: never collected as tests or modules.
  modulePathIgnorePatterns: ['<rootDir>/\\.stryker-tmp/'],
  // Integration tests start real HTTP servers; give them room on a 2-core machine.
  testTimeout: 60000,
  maxWorkers: 2,
};
