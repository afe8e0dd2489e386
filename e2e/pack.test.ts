/**
 * Pick-and-choose installs (issue 8): every package, `npm pack`ed from its build, installed
 * alone into a scratch project (its tarball and the tarballs of the @nabla packages it needs,
 * nothing else), works from ESM `import` and CJS `require`, type-checks for a TypeScript
 * consumer under `node16` and `bundler` resolution, and passes publint and attw.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, type ExpectStatic, it } from "vitest";
import {
  installScratch,
  type PackageName,
  packageNames,
  packages,
  packPackages,
  root,
  run,
  runOk,
} from "./pack-utils";

interface Case {
  /** Names imported by the JavaScript smoke check. */
  names: string;
  /** JavaScript computing `result` (a JSON value) with those names. */
  js: string;
  /** The checks on `result`, identical for the ESM and the CJS build. */
  check: (result: never, expect: ExpectStatic) => void;
  /** A TypeScript consumer (after its imports): typed uses and `@ts-expect-error` misuses, so types that were `any` fail. */
  ts: string;
  /** Names (and types) the TypeScript consumer imports. */
  tsNames: string;
}

const cases: Record<PackageName, Case> = {
  ndarray: {
    names: "array, linalg, sum",
    js: `const result = {
  sum: sum(array([[1, 2], [3, 4]])),
  solve: linalg.solve([[3, 1], [1, 2]], [9, 8]).toArray(),
};`,
    check: (r: { sum: number; solve: number[] }, expect) => {
      expect(r.sum).toBe(10);
      expect(r.solve[0]).toBeCloseTo(2, 14);
      expect(r.solve[1]).toBeCloseTo(3, 14);
    },
    tsNames: "array, linalg, type NDArray, sum",
    ts: `const total: number = sum(array([[1, 2], [3, 4]]));
const x: NDArray = linalg.solve([[3, 1], [1, 2]], [9, 8]);
const shape: readonly number[] = x.shape;
// @ts-expect-error a full sum is a number
const wrong: string = sum([1, 2]);
export { shape, total, wrong };
`,
  },
  autodiff: {
    names: "grad, np",
    js: `const result = { square: grad((x) => x.mul(x))(3), sin: grad((x) => np.sin(x))(0) };`,
    check: (r: { square: number; sin: number }, expect) => {
      expect(r.square).toBe(6);
      expect(r.sin).toBe(1);
    },
    tsNames: "grad, np, type Tracer",
    ts: `const square: number = grad((x: Tracer) => x.mul(x))(3);
const cos: number = grad((x: Tracer) => np.sin(x))(0);
// @ts-expect-error grad differentiates a function
grad(3);
// @ts-expect-error the gradient at a number is a number
const wrong: string = grad((x: Tracer) => x.mul(x))(3);
export { cos, square, wrong };
`,
  },
  optimize: {
    names: "minimize",
    js: `const rosen = (x) => { const [a, b] = x.toTypedArray(); return (1 - a) ** 2 + 100 * (b - a ** 2) ** 2; };
const rosenDer = (x) => { const [a, b] = x.toTypedArray(); return [-400 * a * (b - a * a) - 2 * (1 - a), 200 * (b - a * a)]; };
const r = minimize(rosen, [1, 0], { jac: rosenDer });
const result = { success: r.success, x: r.x.toArray(), nit: r.nit, nfev: r.nfev, njev: r.njev };`,
    check: (r: { success: boolean; x: number[]; nfev: number; njev: number }, expect) => {
      expect(r.success).toBe(true);
      expect(r.x[0]).toBeCloseTo(1, 5);
      expect(r.x[1]).toBeCloseTo(1, 5);
      // scipy 1.17's counts for this problem (packages/optimize/README.md)
      expect(r.nfev).toBe(37);
      expect(r.njev).toBe(37);
    },
    tsNames: "minimize, type OptimizeResult",
    ts: `const r: OptimizeResult = minimize((x) => {
  const [a, b] = x.toTypedArray();
  return (1 - a) ** 2 + 100 * (b - a ** 2) ** 2;
}, [1, 0], { method: "BFGS" });
const fun: number = r.fun;
const nit: number | undefined = r.nit; // not every method counts iterations
// @ts-expect-error options are checked
minimize((x) => x.sum(), [1, 0], { methd: "BFGS" });
export { fun, nit };
`,
  },
  integrate: {
    names: "quad",
    js: `const r = quad(Math.sin, 0, Math.PI);
const result = { value: r.value, abserr: r.abserr, success: r.success };`,
    check: (r: { value: number; abserr: number; success: boolean }, expect) => {
      expect(r.value).toBeCloseTo(2, 14);
      expect(r.abserr).toBeLessThan(1e-13);
      expect(r.success).toBe(true);
    },
    tsNames: "quad, type QuadResult",
    ts: `const r: QuadResult = quad(Math.sin, 0, Math.PI);
const value: number = r.value;
// @ts-expect-error the limits are numbers
quad(Math.sin, "0", Math.PI);
export { value };
`,
  },
  interpolate: {
    names: "CubicSpline",
    // not-a-knot through four points of a cubic is that cubic
    js: `const cs = new CubicSpline([0, 1, 2, 3], [0, 1, 8, 27]);
const result = { value: cs(1.5), slope: cs(1.5, 1) };`,
    check: (r: { value: number; slope: number }, expect) => {
      expect(r.value).toBeCloseTo(3.375, 13);
      expect(r.slope).toBeCloseTo(6.75, 13);
    },
    tsNames: "CubicSpline",
    ts: `const cs = new CubicSpline([0, 1, 2, 3], [0, 1, 8, 27]);
const area: number = cs.integrate(0, 3);
// @ts-expect-error a spline needs the data
new CubicSpline();
export { area };
`,
  },
  differentiate: {
    names: "derivative",
    js: `const r = derivative(Math.exp, 1);
const result = { df: r.df, success: r.success };`,
    check: (r: { df: number; success: boolean }, expect) => {
      expect(r.df).toBeCloseTo(Math.E, 10);
      expect(r.success).toBe(true);
    },
    tsNames: "derivative",
    ts: `const df: number = derivative(Math.exp, 1).df;
// @ts-expect-error the derivative at a number is a number
const wrong: string = derivative(Math.exp, 1).df;
export { df, wrong };
`,
  },
};

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const attw = join(root, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");

/** tsconfig of a consumer: strict, and the .d.ts files are checked too (skipLibCheck off). */
function tsconfig(module: "node16" | "bundler"): string {
  const compilerOptions =
    module === "node16"
      ? { module: "node16", moduleResolution: "node16" }
      : { module: "esnext", moduleResolution: "bundler" };
  return JSON.stringify({
    compilerOptions: {
      ...compilerOptions,
      target: "es2022",
      lib: ["es2022"],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    // node16: .mts is ESM (the "import" types), .cts is CJS (the "require" types, index.d.cts)
    files: module === "node16" ? ["consumer.mts", "consumer.cts"] : ["consumer.ts"],
  });
}

function scratchFiles(name: PackageName): Record<string, string> {
  const c = cases[name];
  const spec = `@nabla/${name}`;
  const print = (file: string) => `console.log(JSON.stringify({ file: ${file}, result }));\n`;
  const ts = `import { ${c.tsNames} } from "${spec}";\n\n${c.ts}`;
  return {
    "esm.mjs": `import { ${c.names} } from "${spec}";\n${c.js}\n${print(`import.meta.resolve("${spec}")`)}`,
    "cjs.cjs": `const { ${c.names} } = require("${spec}");\n${c.js}\n${print(`require.resolve("${spec}")`)}`,
    "consumer.mts": ts,
    "consumer.cts": ts,
    "consumer.ts": ts,
    "tsconfig.node16.json": tsconfig("node16"),
    "tsconfig.bundler.json": tsconfig("bundler"),
  };
}

let tarballs: Record<PackageName, string>;
let packDir: string;
let scratchRoot: string;
const scratches = new Map<PackageName, Promise<string>>();

/** The package's scratch project, installed once and shared by its tests. */
function scratch(name: PackageName): Promise<string> {
  let dir = scratches.get(name);
  if (!dir) {
    const d = join(scratchRoot, name);
    const needed = [name, ...packages[name]].map((n) => tarballs[n]);
    dir = installScratch(d, needed, scratchFiles(name)).then(() => d);
    scratches.set(name, dir);
  }
  return dir;
}

beforeAll(async () => {
  ({ dir: packDir, tarballs } = await packPackages(packageNames));
  scratchRoot = await mkdtemp(join(tmpdir(), "nabla-scratch-"));
});

afterAll(async () => {
  await Promise.allSettled([...scratches.values()]);
  for (const dir of [packDir, scratchRoot]) {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});

for (const name of packageNames) {
  describe.concurrent(`@nabla/${name}, packed and installed alone`, () => {
    it("installs only itself and its @nabla dependencies", async ({ expect }) => {
      const dir = await scratch(name);
      expect(await readdir(join(dir, "node_modules"))).toEqual([".package-lock.json", "@nabla"]);
      const installed = await readdir(join(dir, "node_modules", "@nabla"));
      expect(installed.sort()).toEqual([name, ...packages[name]].sort());
    });

    it("computes the same checked values from ESM import and CJS require", async ({ expect }) => {
      const dir = await scratch(name);
      const [esm, cjs] = await Promise.all([
        runOk(process.execPath, ["esm.mjs"], dir),
        runOk(process.execPath, ["cjs.cjs"], dir),
      ]);
      const fromEsm = JSON.parse(esm) as { file: string; result: never };
      const fromCjs = JSON.parse(cjs) as { file: string; result: never };
      expect(fromEsm.file).toMatch(new RegExp(`/node_modules/@nabla/${name}/dist/index\\.js$`));
      expect(fromCjs.file).toMatch(new RegExp(`/node_modules/@nabla/${name}/dist/index\\.cjs$`));
      cases[name].check(fromEsm.result, expect);
      expect(fromCjs.result).toEqual(fromEsm.result);
    });

    for (const resolution of ["node16", "bundler"] as const) {
      it(`type-checks a TypeScript consumer with moduleResolution ${resolution}`, async ({
        expect,
      }) => {
        const dir = await scratch(name);
        const r = await run(process.execPath, [tsc, "-p", `tsconfig.${resolution}.json`], dir);
        expect(r.stdout + r.stderr).toBe("");
        expect(r.code).toBe(0);
      });
    }

    it("passes publint (no errors or warnings, strict)", async ({ expect }) => {
      // the installed copy is exactly the tarball's files
      const dir = await scratch(name);
      const { messages, pkg } = await publint({
        pkgDir: join(dir, "node_modules", "@nabla", name),
        pack: false,
        level: "warning",
        strict: true,
      });
      expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
    });

    it("passes attw (strict profile: node10, node16 CJS and ESM, bundler)", async ({ expect }) => {
      // `attw --pack <dir>` runs `npm pack` and checks the tarball; this checks the very
      // tarball installed above. No DefinitelyTyped lookup: it would go to the registry.
      const r = await run(
        process.execPath,
        [attw, tarballs[name], "--profile", "strict", "--no-definitely-typed", "--no-color"],
        root,
      );
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain("No problems found");
    });
  });
}
