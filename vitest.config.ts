import { defineConfig } from "vitest/config";

const conditions = ["@nabla/source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    pool: "threads",
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 60_000,
    // "unit" runs on src/ with no build; "e2e" needs `npm run build` and `npm run docs` first
    // (npm test runs them) and Debian's chromium for the browser tests (.ci/run installs it).
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "examples/test/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
    // CI also writes a JSON summary, from which .ci/run prints one "N passed, N failed" line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: ".vitest-results.json" }]]
      : ["default"],
  },
});
