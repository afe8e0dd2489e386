/**
 * The repository's six packages as the size script and the end-to-end tests see them: names,
 * run-time @nabla dependencies, and the check that they have been built (their `dist/` is what
 * users install; `npm pack` and esbuild read it, neither builds it).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "..");

/** The six packages, each with the @nabla packages it depends on at run time. */
export const packages = {
  ndarray: [],
  autodiff: ["ndarray"],
  optimize: ["ndarray"],
  integrate: ["ndarray"],
  interpolate: ["ndarray"],
  differentiate: ["ndarray"],
} as const satisfies Record<string, readonly string[]>;

export type PackageName = keyof typeof packages;
export const packageNames = Object.keys(packages) as PackageName[];

/** Fails with the fix when a package has not been built. */
export function assertBuilt(names: readonly PackageName[]): void {
  const missing = names.filter((n) => !existsSync(join(root, "packages", n, "dist", "index.js")));
  if (missing.length > 0) {
    throw new Error(`no dist/ for ${missing.join(", ")}: run \`npm run build\` first`);
  }
}
