/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/'],
  // Integration tests start real HTTP servers; give them room on a 2-core machine.
  testTimeout: 60000,
  maxWorkers: 2,
};
