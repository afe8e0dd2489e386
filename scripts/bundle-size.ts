/**
 * Minified + gzipped sizes of what a browser app ships: `import { grad } from "@nabla/autodiff"`
 * and each package's full bundle (its dependency @nabla/ndarray included). esbuild bundles the
 * built packages exactly as an app's bundler would (the "browser"/"import"/"default" exports
 * conditions, tree-shaking, minify); zlib gzips at level 9.
 *
 *   npm run size          (builds first; or `npx tsx scripts/bundle-size.ts` after a build)
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";
import { assertBuilt, packageNames, root } from "./workspace";

/** How an app's bundler would build for the browser: ESM, tree-shaken, minified, in memory. */
export const browserBundle = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  metafile: true,
  logLevel: "silent",
} as const satisfies BuildOptions;

export interface BundleSize {
  /** The import measured, as an app would write it. */
  entry: string;
  minified: number;
  gzipped: number;
  /** Minified bytes that come from @nabla/ndarray. */
  ndarray: number;
}

/** The entries measured: one named import, then every package in full. */
export const entries: readonly string[] = [
  'import { grad } from "@nabla/autodiff"',
  ...packageNames.map((p) => `import * as ${p} from "@nabla/${p}"`),
  'import { grad } from "@nabla/autodiff"; import { minimize } from "@nabla/optimize"',
];

// The bundle re-exports what the entry imports, so tree-shaking keeps exactly that.
function entrySource(entry: string): string {
  return entry
    .split(/;\s*/)
    .map((s) =>
      s.replace(/^import \* as \w+ from/, "export * from").replace(/^import \{/, "export {"),
    )
    .join(";\n");
}

/** Bundles one entry from the built packages and measures it. */
export async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    ...browserBundle,
    stdin: { contents: entrySource(entry), resolveDir: root, loader: "js" },
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const ndarray = Object.entries(inputs)
    .filter(([path]) => /(^|\/)(ndarray|@nabla\/ndarray)\//.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  return { entry, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, ndarray };
}

export async function bundleSizes(): Promise<BundleSize[]> {
  assertBuilt(packageNames);
  const sizes: BundleSize[] = [];
  for (const entry of entries) sizes.push(await bundleSize(entry));
  return sizes;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const sizes = await bundleSizes();
  console.log("| import | minified | min + gzip | of the minified, @nabla/ndarray |");
  console.log("|---|--:|--:|--:|");
  for (const s of sizes) {
    console.log(`| \`${s.entry}\` | ${kB(s.minified)} | ${kB(s.gzipped)} | ${kB(s.ndarray)} |`);
  }
}
