/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  setupFiles: ["<rootDir>/test/setupReactDom.ts"],
  // The bin runs the pre-built CLI; build it from this source once per run.
  globalSetup: "<rootDir>/test/buildCli.globalSetup.js",
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Type errors are caught once by `tsc` in `npm test`; ts-jest only transpiles here.
  testTimeout: 30000,
};
