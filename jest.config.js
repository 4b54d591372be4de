/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/{adapters,gateway,subgraphs,lib}/**/*.test.ts'],
  testTimeout: 60000,
  // Suites start real servers and databases; two workers match the two cores CI has.
  maxWorkers: 2,
};
