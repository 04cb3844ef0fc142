/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
  // office-addin-mock needs only OfficeApp from office-addin-manifest; the package's main module pulls in
  // its whole CLI (and usage-data prompts), which does not load under jest.
  moduleNameMapper: { '^office-addin-manifest$': 'office-addin-manifest/lib/officeApp' },
};
