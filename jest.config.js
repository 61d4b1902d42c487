/* eslint-disable no-undef */
// Four projects: `unit` tests the pure code, `build` tests what `npm run build` put in dist/,
// `browser` drives the built pages in Chromium, `calc` opens our files in LibreOffice Calc (the
// independent engine). `npm test` builds first, then runs all four.
const tsJest = [
  "ts-jest",
  { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true }, diagnostics: { warnOnly: false } },
];

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: "node",
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform: { "^.+\\.ts$": tsJest },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.js" },
  ...extra,
});

module.exports = {
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  projects: [
    project("unit"),
    project("build"),
    project("browser", { globalSetup: "<rootDir>/test/browser/setup.ts" }),
    project("calc", { globalSetup: "<rootDir>/test/calc/setup.ts" }),
  ],
};
