/**
 * The packed packages bundle for the browser and run there (issue 8): esbuild bundles a page
 * script using @nabla/autodiff's `grad` and @nabla/optimize's `minimize` from the installed
 * tarballs (ordinary "browser"/"import" exports resolution, never "@nabla/source"), and
 * headless Chromium computes a gradient and a minimisation with the numbers Node gets from the
 * same bundle.
 */
import { copyFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserBundle, bundleSize } from "../scripts/bundle-size";
import { launchChromium } from "./chromium";
import type { RosenbrockRun } from "./pack-fixtures/rosenbrock";
import { installScratch, packPackages, root, runOk } from "./pack-utils";

const origin = "http://nabla.test";
const entry = `import { run } from "./rosenbrock.ts";
try {
  window.nablaResult = run();
} catch (error) {
  window.nablaResult = { error: String(error && error.stack ? error.stack : error) };
}
`;

let packDir: string;
let scratch: string;
let bundle: string;
let metafile: Metafile;
let browser: Browser | undefined;
let nodeResult: RosenbrockRun;

beforeAll(async () => {
  const packed = await packPackages(["ndarray", "autodiff", "optimize"]);
  packDir = packed.dir;
  scratch = join(packDir, "app");
  const { ndarray, autodiff, optimize } = packed.tarballs;
  await installScratch(scratch, [ndarray, autodiff, optimize], { "entry.js": entry });
  await copyFile(
    join(root, "e2e", "pack-fixtures", "rosenbrock.ts"),
    join(scratch, "rosenbrock.ts"),
  );
  const result = await build({
    entryPoints: [join(scratch, "entry.js")],
    absWorkingDir: scratch,
    ...browserBundle,
  });
  bundle = result.outputFiles[0].text;
  metafile = result.metafile;
  // The same bundle in Node, for the reference numbers.
  await writeFile(join(scratch, "app.mjs"), bundle);
  const inNode = await runOk(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'globalThis.window = globalThis; await import("./app.mjs"); console.log(JSON.stringify(window.nablaResult));',
    ],
    scratch,
  );
  nodeResult = JSON.parse(inNode) as RosenbrockRun;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (packDir) await rm(packDir, { recursive: true, force: true });
});

describe("browser bundle of @nabla/autodiff + @nabla/optimize", () => {
  it("bundles the installed builds, not the sources", () => {
    const packageFiles = Object.keys(metafile.inputs)
      .filter((path) => path.includes("@nabla/"))
      .sort();
    expect(packageFiles).toEqual([
      "node_modules/@nabla/autodiff/dist/index.js",
      "node_modules/@nabla/ndarray/dist/index.js",
      "node_modules/@nabla/optimize/dist/index.js",
    ]);
  });

  it("computes the gradient and the BFGS minimisation in headless Chromium, as Node does", async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/") {
        return route.fulfill({
          contentType: "text/html",
          body: '<!doctype html><title>nabla</title><script type="module" src="/app.js"></script>',
        });
      }
      if (path === "/app.js")
        return route.fulfill({ contentType: "text/javascript", body: bundle });
      return route.fulfill({ status: 404, body: "" });
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => "nablaResult" in window);
    const inBrowser = await page.evaluate(
      () => (window as unknown as { nablaResult: RosenbrockRun | { error: string } }).nablaResult,
    );
    const env = await page.evaluate(() => ({
      ua: navigator.userAgent,
      node: typeof (globalThis as { process?: unknown }).process !== "undefined",
    }));
    await page.close();

    expect(errors).toEqual([]);
    expect(inBrowser).not.toHaveProperty("error");
    expect(env.ua).toContain("Chrome");
    expect(env.node).toBe(false);
    const b = inBrowser as RosenbrockRun;
    // ∇f(1, 0) = (-2(1-x) - 400x(y-x²), 200(y-x²)) = (400, -200)
    expect(b.gradient).toEqual([400, -200]);
    // scipy 1.17: BFGS with an exact gradient from (1, 0) takes 32 iterations, 37 evaluations
    expect([b.success, b.nit, b.nfev, b.njev]).toEqual([true, 32, 37, 37]);
    expect(b.fun).toBeLessThan(1e-13);
    expect(Math.abs(b.x[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(b.x[1] - 1)).toBeLessThan(1e-6);
    // the same bundle and float64 arithmetic in both engines: bit for bit the Node result
    expect(nodeResult).not.toHaveProperty("error");
    expect(b).toEqual(nodeResult);
  });

  it("tree-shakes: `import { grad }` ships less than all of @nabla/autodiff", async () => {
    const [gradOnly, full] = await Promise.all([
      bundleSize('import { grad } from "@nabla/autodiff"'),
      bundleSize('import * as autodiff from "@nabla/autodiff"'),
    ]);
    expect(gradOnly.minified).toBeGreaterThan(0);
    expect(gradOnly.minified).toBeLessThan(full.minified);
    expect(gradOnly.gzipped).toBeLessThan(gradOnly.minified);
  });
});
