// Benchmark of @nabla/autodiff against jax (eager, x64; spawned python), @jax-js/jax (wasm) and
// @tensorflow/tfjs (CPU, float32 only). Run: npm run bench -w @nabla/autodiff
// Times are the best of several rounds of wall-clock time (robust on a busy machine).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { grad, hessian, jacfwd, np, type Tracer, vmap } from "@nabla/autodiff";
import * as nd from "@nabla/ndarray";

const N = 1_000_000;

// The main thread's own CPU time (Linux: /proc/<pid>/task/<pid>/schedstat, in ns), read beside
// the wall clock: on a busy machine the wall clock also counts waiting for a core and for V8's
// compiler and GC helper threads, which this does not. null where unavailable.
const schedstat = `/proc/${process.pid}/task/${process.pid}/schedstat`;
const hasCpu = existsSync(schedstat);
const cpuMs = () => (hasCpu ? Number(readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6 : 0);
const measured: { cpu: number | null; first: number; firstCpu: number } = {
  cpu: null,
  first: 0,
  firstCpu: 0,
};

function best(fn: () => unknown, reps: number, rounds = 5): number {
  const c0 = cpuMs();
  const t0 = performance.now();
  fn();
  measured.first = performance.now() - t0;
  measured.firstCpu = cpuMs() - c0;
  let min = Number.POSITIVE_INFINITY;
  let minCpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const c = cpuMs();
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    min = Math.min(min, (performance.now() - t) / reps);
    minCpu = Math.min(minCpu, (cpuMs() - c) / reps);
  }
  measured.cpu = hasCpu ? minCpu : null;
  return min;
}

function relErr(got: ArrayLike<number>, x: ArrayLike<number>): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < x.length; i++) {
    const exact = Math.sin(x[i]) + x[i] * Math.cos(x[i]);
    err = Math.max(err, Math.abs(got[i] - exact));
    scale = Math.max(scale, Math.abs(exact));
  }
  return err / scale;
}

interface Row {
  case: string;
  nabla: number;
  jax: number | null;
  jaxjs: number | null;
  tfjs: number | null;
  note?: string;
}

// ---- ours ---------------------------------------------------------------------------------
const xs = nd.linspace(0, 10, N);
const xsData = xs.toTypedArray();
const f1 = (x: Tracer) => np.sum(np.multiply(np.sin(x), x));
const tf1 = best(() => f1(xs as unknown as Tracer), 3);
const tg1 = best(() => grad(f1)(xs), 3);
const acc: Record<string, number | null> = {
  nabla: relErr((grad(f1)(xs) as nd.NDArray).toTypedArray(), xsData),
};

const rube = (x: Tracer) => {
  const a = np.multiply(2.0, x);
  const b = np.power(a, 2);
  const c = np.divide(b, 4.0);
  let d = np.power(c, 0.5);
  for (let i = 0; i < 5; i++) d = d.mul(2);
  for (let i = 0; i < 5; i++) d = d.div(2);
  return np.sqrt(d);
};
const x50 = nd.linspace(0.1, 2, 50);
const dRube = vmap(grad(rube));
const t2 = best(() => dRube(x50), 200);
const cpu2 = measured.cpu;

const rosen = (x: Tracer) => {
  const hi = x.slice("1:");
  const lo = x.slice(":-1");
  return np.sum(np.add(np.multiply(100, hi.sub(lo.pow(2)).pow(2)), np.subtract(1, lo).pow(2)));
};
const x100 = nd.linspace(-1, 1, 100);
const t3 = best(() => hessian(rosen)(x100), 5);

const polar = (p: Tracer) => {
  const [r, t] = p;
  return np.array([r.mul(np.cos(t)), r.mul(np.sin(t))]);
};
const jPolar = jacfwd(polar);
const grid = Array.from({ length: 441 }, (_, i) =>
  nd.array([(i % 21) / 20, Math.floor(i / 21) * (Math.PI / 10)]),
);
const t4 = best(() => {
  for (const p of grid) jPolar(p);
}, 1);
const cpu4 = measured.cpu;
const first4 = measured.first;
const first4Cpu = measured.firstCpu;

// ---- jax (python, eager, x64) ---------------------------------------------------------------
const python = ["/work/.venv-jax/bin/python", "python3"].find(
  (p) => p === "python3" || existsSync(p),
) as string;
const jaxScript = `
import json, time
import numpy as onp
import jax
jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
def best(fn, reps, rounds=5):
    fn()
    m = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(reps): fn()
        m = min(m, (time.perf_counter() - t) / reps)
    return m * 1000
out = {}
x = jnp.linspace(0, 10, ${N})
f1 = lambda x: jnp.sum(jnp.sin(x) * x)
g1 = jax.grad(f1)
out["grad"] = best(lambda: g1(x).block_until_ready(), 3)
xn = onp.linspace(0, 10, ${N})
ex = onp.sin(xn) + xn * onp.cos(xn)
out["acc"] = float(onp.max(onp.abs(onp.asarray(g1(x)) - ex)) / onp.max(onp.abs(ex)))
def rube(x):
    a = 2.0 * x; b = a**2; c = b / 4.0; d = c**0.5
    for i in range(5): d = d * 2
    for i in range(5): d = d / 2
    return jnp.sqrt(d)
d = jax.vmap(jax.grad(rube)); x50 = jnp.linspace(0.1, 2, 50)
out["rube"] = best(lambda: d(x50).block_until_ready(), 20)
def rosen(x): return jnp.sum(100 * (x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2)
h = jax.hessian(rosen); x100 = jnp.linspace(-1, 1, 100)
out["hess"] = best(lambda: h(x100).block_until_ready(), 3)
def polar(p):
    r, t = p
    return jnp.array([r * jnp.cos(t), r * jnp.sin(t)])
jp = jax.jacfwd(polar)
grid = [jnp.array([(i % 21) / 20, (i // 21) * (onp.pi / 10)]) for i in range(441)]
out["polar"] = best(lambda: [jp(p).block_until_ready() for p in grid], 1, 3)
out["version"] = jax.__version__
print(json.dumps(out))
`;
let jaxRes: Record<string, number | string> | null = null;
try {
  jaxRes = JSON.parse(
    execFileSync(python, ["-c", jaxScript], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
} catch {
  jaxRes = null;
}
acc.jax = jaxRes ? (jaxRes.acc as number) : null;

// ---- @jax-js/jax (wasm) ---------------------------------------------------------------------
// jax-js moves its arguments (reference counting): `.ref` keeps a value alive for a second use.
const jj: Record<string, number | null> = {
  grad: null,
  rube: null,
  hess: null,
  polar: null,
  acc: null,
};
async function attempt(name: string, run: () => void): Promise<void> {
  try {
    run();
  } catch (e) {
    console.error(`jax-js ${name}:`, (e as Error).message.split("\n")[0]);
  }
}
try {
  (globalThis as { Float16Array?: unknown }).Float16Array ??= class {};
  const jax = await import("@jax-js/jax");
  await jax.init("wasm");
  const jnp = jax.numpy;
  const f64 = (a: nd.NDArray) => jnp.array(Float64Array.from(a.toTypedArray()));
  // biome-ignore lint/suspicious/noExplicitAny: jax-js arrays, typed loosely in this script
  type J = any;
  await attempt("grad", () => {
    const X = f64(xs);
    const g = jax.grad((x: J) => jnp.sum(jnp.sin(x.ref).mul(x)));
    jj.grad = best(() => g(X.ref).dataSync(), 3);
    jj.acc = relErr(g(X.ref).dataSync() as ArrayLike<number>, xsData);
  });
  await attempt("vmap(grad)", () => {
    const rubeJ = (x: J) => {
      const a = x.mul(2.0);
      const b = a.ref.mul(a);
      let d = jnp.sqrt(b.div(4.0));
      for (let i = 0; i < 5; i++) d = d.mul(2);
      for (let i = 0; i < 5; i++) d = d.div(2);
      return jnp.sqrt(d);
    };
    const X50 = f64(x50);
    const dJ = jax.vmap(jax.grad(rubeJ));
    jj.rube = best(() => dJ(X50.ref).dataSync(), 20);
  });
  await attempt("hessian", () => {
    const rosenJ = (x: J) => {
      const lo = x.ref.slice([0, 99]);
      const hi = x.slice([1, 100]);
      const t = hi.sub(jnp.square(lo.ref));
      return jnp.sum(
        jnp
          .square(t)
          .mul(100)
          .add(jnp.square(jnp.negative(lo).add(1))),
      );
    };
    const X100 = f64(x100);
    const hJ = jax.hessian(rosenJ);
    jj.hess = best(() => hJ(X100.ref).dataSync(), 2);
  });
  await attempt("jacfwd", () => {
    const polarJ = (p: J) => {
      const r = p.ref.slice([0, 1]);
      const t = p.slice([1, 2]);
      return jnp.concatenate([r.ref.mul(jnp.cos(t.ref)), r.mul(jnp.sin(t))]);
    };
    const jpJ = jax.jacfwd(polarJ);
    const gridJ = grid.map(f64);
    jj.polar = best(
      () => {
        for (const p of gridJ) jpJ(p.ref).dataSync();
      },
      1,
      3,
    );
  });
} catch (e) {
  console.error("jax-js:", (e as Error).message.split("\n")[0]);
}

// ---- @tensorflow/tfjs (CPU, float32 only) ---------------------------------------------------
let tfGrad: number | null = null;
try {
  const tf = await import("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  const X = tf.tensor1d(Float32Array.from(xsData));
  const g = tf.grad((x: import("@tensorflow/tfjs").Tensor) => tf.sum(tf.mul(tf.sin(x), x)));
  tfGrad = best(() => tf.tidy(() => g(X).dataSync()), 3);
  acc.tfjs = relErr(g(X).dataSync() as ArrayLike<number>, xsData);
} catch (e) {
  console.error("tfjs:", (e as Error).message.split("\n")[0]);
}

// ---- table ---------------------------------------------------------------------------------
const num = (v: unknown) => (typeof v === "number" ? v : null);
const rows: Row[] = [
  {
    case: `grad of sum(sin(x)·x), 1e6 points (f alone: ${tf1.toFixed(2)} ms)`,
    nabla: tg1,
    jax: num(jaxRes?.grad),
    jaxjs: jj.grad,
    tfjs: tfGrad,
  },
  {
    case: "vmap(grad(rube-goldberg)), 50 points, per call",
    nabla: t2,
    jax: num(jaxRes?.rube),
    jaxjs: jj.rube,
    tfjs: null,
    note: "tfjs: no vmap",
  },
  {
    case: "hessian of 100-dim Rosenbrock",
    nabla: t3,
    jax: num(jaxRes?.hess),
    jaxjs: jj.hess,
    tfjs: null,
    note: "tfjs: no hessian",
  },
  {
    case: "jacfwd(polar) called 441 times, total",
    nabla: t4,
    jax: num(jaxRes?.polar),
    jaxjs: jj.polar,
    tfjs: null,
    note: "tfjs: no jacfwd",
  },
];
const fmt = (v: number | null) => (v === null ? "n/a" : v < 1 ? v.toFixed(4) : v.toFixed(2));
const ratio = (a: number, b: number | null) => (b === null ? "" : ` (${(b / a).toFixed(1)}x)`);
console.log(
  `\n@nabla/autodiff benchmark, ${new Date().toISOString().slice(0, 10)}; jax ${jaxRes?.version ?? "n/a"} eager x64, @jax-js/jax wasm, tfjs cpu float32`,
);
console.log("times in ms (best of rounds); (Nx) = peer time / nabla time\n");
console.log("| case | nabla | jax (eager) | jax-js | tfjs |");
console.log("|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.case} | ${fmt(r.nabla)} | ${fmt(r.jax)}${ratio(r.nabla, r.jax)} | ${fmt(r.jaxjs)}${ratio(r.nabla, r.jaxjs)} | ${r.tfjs === null ? (r.note ?? "n/a") : fmt(r.tfjs) + ratio(r.nabla, r.tfjs)} |`,
  );
}
console.log(`\ncheap-gradient ratio grad/f on case 1: ${(tg1 / tf1).toFixed(2)}`);
if (cpu2 !== null && cpu4 !== null) {
  console.log(
    `cases 2 and 4 (same rounds) in main-thread CPU time: case 2 ${cpu2.toFixed(4)} ms per call, case 4 ${cpu4.toFixed(2)} ms for 441 calls`,
  );
}
console.log(
  `case 4's unmeasured warm-up round (its first 441 calls): ${first4.toFixed(2)} ms${hasCpu ? ` (main-thread CPU ${first4Cpu.toFixed(2)} ms)` : ""}`,
);

// The table times cases 2 and 4 from a nearly cold start, as a user's first call sees them; after
// V8 has optimised the code (many calls later) they are faster:
for (let i = 0; i < 20_000; i++) dRube(x50);
const warm2 = best(() => dRube(x50), 2000);
for (let i = 0; i < 20_000; i++) jPolar(grid[i % 441]);
const warm4 = best(() => {
  for (const p of grid) jPolar(p);
}, 20);
console.log(
  `warm (after 20 000 calls): case 2 ${warm2.toFixed(4)} ms per call, case 4 ${warm4.toFixed(2)} ms for 441 calls`,
);
const e = (v: number | null | undefined) =>
  v === null || v === undefined ? "n/a" : v.toExponential(1);
console.log(
  `accuracy of case 1 (max |g - exact| / max |exact|): nabla ${e(acc.nabla)}, jax ${e(acc.jax)}, jax-js ${e(jj.acc)}, tfjs ${e(acc.tfjs)} (float32)`,
);
