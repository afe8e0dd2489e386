import { defineConfig } from "vitest/config";

const conditions = ["@nabla/source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/test/**/*.test.ts"],
    pool: "threads",
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 60_000,
    // CI also writes a JSON summary, from which .ci/run prints one "N passed, N failed" line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: ".vitest-results.json" }]]
      : ["default"],
  },
});
