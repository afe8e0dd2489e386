// Accuracy, function evaluations and time per first derivative: @nabla/differentiate's
// numdifftools-style Derivative and scipy-style derivative against numeric.js' finite-difference
// numeric.gradient, mathjs' symbolic derivative, and (spawned python3) scipy.differentiate and,
// when importable, numdifftools — in one run:
//   npm run bench -w @nabla/differentiate
// Set NUMDIFFTOOLS_SRC=/path/to/numdifftools/src to include numdifftools (not pip-installable here).
// Accuracy is the true relative error |estimate - exact| / |exact| against the closed form.
import { execFileSync } from "node:child_process";
import { Derivative, derivative, Gradient, jacobian } from "@nabla/differentiate";
import { NDArray } from "@nabla/ndarray";
import * as math from "mathjs";
import numeric from "numeric";

const SAMPLES = 7;
const MIN_SAMPLE_MS = 20;

function time(fn: () => unknown): number {
  const warm = performance.now();
  while (performance.now() - warm < 100) fn(); // let the JIT settle
  const t0 = performance.now();
  fn();
  const once = Math.max(performance.now() - t0, 1e-3);
  const inner = Math.max(1, Math.ceil(MIN_SAMPLE_MS / once));
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = performance.now();
    for (let i = 0; i < inner; i++) fn();
    samples.push((performance.now() - start) / inner);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(SAMPLES / 2)];
}

interface Problem {
  name: string;
  f: (x: number) => number;
  df: (x: number) => number;
  expr: string;
  py: string;
  x: number;
}

const PROBLEMS: Problem[] = [
  { name: "exp(x) at 1", f: Math.exp, df: Math.exp, expr: "exp(x)", py: "np.exp", x: 1 },
  { name: "sin(x) at 0.5", f: Math.sin, df: Math.cos, expr: "sin(x)", py: "np.sin", x: 0.5 },
  {
    name: "x^0.5 at 0.1",
    f: (x) => x ** 0.5,
    df: (x) => 0.5 * x ** -0.5,
    expr: "x^0.5",
    py: "lambda x: x**0.5",
    x: 0.1,
  },
  { name: "log(x) at 2", f: Math.log, df: (x) => 1 / x, expr: "log(x)", py: "np.log", x: 2 },
  {
    name: "sin(cos(sin x)) at 0.4",
    f: (x) => Math.sin(Math.cos(Math.sin(x))),
    df: (x) => -Math.cos(Math.cos(Math.sin(x))) * Math.sin(Math.sin(x)) * Math.cos(x),
    expr: "sin(cos(sin(x)))",
    py: "lambda x: np.sin(np.cos(np.sin(x)))",
    x: 0.4,
  },
];

interface Row {
  method: string;
  value: number;
  nfev: number | string;
  ms: number;
}

function counted(f: (x: number) => number): { g: (x: number) => number; count: () => number } {
  let n = 0;
  return {
    g: (x) => {
      n++;
      return f(x);
    },
    count: () => n,
  };
}

function jsRows(p: Problem): Row[] {
  const rows: Row[] = [];
  {
    const c = counted(p.f);
    const value = Derivative(c.g)(p.x);
    rows.push({
      method: "nabla Derivative (numdifftools)",
      value,
      nfev: c.count(),
      ms: time(() => Derivative(p.f)(p.x)),
    });
  }
  {
    const c = counted(p.f);
    const res = derivative(c.g, p.x);
    rows.push({
      method: "nabla derivative (scipy)",
      value: res.df,
      nfev: res.nfev,
      ms: time(() => derivative(p.f, p.x)),
    });
  }
  {
    const c = counted(p.f);
    const g = (v: number[]) => c.g(v[0]);
    let value = Number.NaN;
    try {
      value = numeric.gradient(g, [p.x])[0];
    } catch {
      // numeric.gradient throws when its step search fails
    }
    rows.push({
      method: "numeric.gradient",
      value,
      nfev: c.count(),
      ms: time(() => numeric.gradient(g, [p.x])),
    });
  }
  {
    const d = math.derivative(p.expr, "x");
    const compiled = d.compile();
    const value = compiled.evaluate({ x: p.x }) as number;
    rows.push({
      method: "mathjs derivative (symbolic, parse + differentiate + evaluate)",
      value,
      nfev: "symbolic",
      ms: time(() => math.derivative(p.expr, "x").compile().evaluate({ x: p.x })),
    });
    rows.push({
      method: "mathjs derivative (symbolic, evaluate only)",
      value,
      nfev: "symbolic",
      ms: time(() => compiled.evaluate({ x: p.x })),
    });
  }
  return rows;
}

const PYTHON = `
import json, os, sys, time, warnings
import numpy as np
from scipy.differentiate import derivative, jacobian
np.seterr(all="ignore")
SAMPLES, MIN_SAMPLE = ${SAMPLES}, ${MIN_SAMPLE_MS} / 1000
def bench(fn):
    fn()
    t0 = time.perf_counter(); fn(); once = max(time.perf_counter() - t0, 1e-6)
    inner = max(1, int(-(-MIN_SAMPLE // once)))
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        for _ in range(inner): fn()
        samples.append((time.perf_counter() - start) / inner * 1000)
    samples.sort()
    return samples[SAMPLES // 2]
src = os.environ.get("NUMDIFFTOOLS_SRC")
if src: sys.path.insert(0, src)
try:
    import numdifftools as nd
except ImportError:
    nd = None
problems = json.loads(sys.argv[1])
out = []
for name, py, x in problems:
    f = eval(py)
    rows = []
    r = derivative(f, x)
    rows.append({"method": "scipy.differentiate.derivative", "value": float(r.df), "nfev": int(r.nfev), "ms": bench(lambda: derivative(f, x))})
    if nd is not None:
        count = [0]
        def g(t):
            count[0] += np.size(t)
            return f(t)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = float(nd.Derivative(g)(x))
            rows.append({"method": "numdifftools.Derivative", "value": v, "nfev": count[0], "ms": bench(lambda: nd.Derivative(f)(x))})
    out.append(rows)
multi = []
for name, py, x in json.loads(sys.argv[2]):
    f = eval(py)
    x = np.asarray(x)
    rows = []
    count = [0]
    def g(t):
        count[0] += t[0].size
        return f(t)
    r = jacobian(g, x)
    rows.append({"method": "scipy.differentiate.jacobian", "value": r.df.tolist(), "nfev": count[0], "ms": bench(lambda: jacobian(f, x))})
    if nd is not None:
        count = [0]
        def h(t):
            count[0] += 1
            return f(t)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = nd.Gradient(h)(x).tolist()
            rows.append({"method": "numdifftools.Gradient", "value": v, "nfev": count[0], "ms": bench(lambda: nd.Gradient(f)(x))})
    multi.append(rows)
print(json.dumps({"scalar": out, "multi": multi}).replace("NaN", "null"))
`;

interface MultiProblem {
  name: string;
  f: (v: number[]) => number;
  grad: (v: number[]) => number[];
  py: string;
  x: number[];
}

const MULTI: MultiProblem[] = [
  {
    name: "Rosenbrock gradient at [-1.2, 1]",
    f: (v) => 100 * (v[1] - v[0] ** 2) ** 2 + (1 - v[0]) ** 2,
    grad: (v) => [-400 * v[0] * (v[1] - v[0] ** 2) - 2 * (1 - v[0]), 200 * (v[1] - v[0] ** 2)],
    py: "lambda x: 100 * (x[1] - x[0]**2)**2 + (1 - x[0])**2",
    x: [-1.2, 1],
  },
  {
    name: "logsumexp gradient at [0, 1, 2, 3]",
    f: (v) => Math.log(v.reduce((s, t) => s + Math.exp(t), 0)),
    grad: (v) => {
      const z = v.reduce((s, t) => s + Math.exp(t), 0);
      return v.map((t) => Math.exp(t) / z);
    },
    py: "lambda x: np.log(np.sum(np.exp(x), axis=0))",
    x: [0, 1, 2, 3],
  },
];

interface MultiRow {
  method: string;
  value: number[];
  nfev: number;
  ms: number;
}

function multiRows(p: MultiProblem): MultiRow[] {
  const rows: MultiRow[] = [];
  let n = 0;
  const vec = (v: NDArray) => {
    n++;
    return p.f(Array.from(v.toTypedArray()));
  };
  const gv = Gradient(vec)(p.x) as NDArray;
  rows.push({
    method: "nabla Gradient (numdifftools)",
    value: Array.from(gv.toTypedArray()),
    nfev: n,
    ms: time(() => Gradient(vec)(p.x)),
  });
  let m = 0;
  // scipy's convention: x has shape [dim, ...batch]
  const batched = (x: NDArray) => {
    const dim = x.shape[0];
    const B = x.size / dim;
    const d = x.toTypedArray();
    const out = new Float64Array(B);
    for (let b = 0; b < B; b++) out[b] = p.f(Array.from({ length: dim }, (_, i) => d[i * B + b]));
    m += B;
    return new NDArray(out, x.shape.slice(1));
  };
  const jr = jacobian(batched, p.x);
  rows.push({
    method: "nabla jacobian (scipy)",
    value: Array.from(jr.df.toTypedArray()),
    nfev: m,
    ms: time(() => jacobian(batched, p.x)),
  });
  let k = 0;
  const plain = (v: number[]) => {
    k++;
    return p.f(v);
  };
  const value = numeric.gradient(plain, p.x);
  rows.push({
    method: "numeric.gradient",
    value,
    nfev: k,
    ms: time(() => numeric.gradient(plain, p.x)),
  });
  return rows;
}

function pythonRows(): { scalar: Row[][]; multi: MultiRow[][] } | null {
  try {
    const arg = JSON.stringify(PROBLEMS.map((p) => [p.name, p.py, p.x]));
    const arg2 = JSON.stringify(MULTI.map((p) => [p.name, p.py, p.x]));
    return JSON.parse(
      execFileSync("python3", ["-c", PYTHON, arg, arg2], {
        encoding: "utf8",
        env: { ...process.env, OPENBLAS_NUM_THREADS: "1" },
      }),
    );
  } catch (e) {
    console.error(`python reference unavailable: ${(e as Error).message.split("\n")[0]}`);
    return null;
  }
}

const fmtErr = (v: number): string =>
  Number.isNaN(v) ? "NaN (failed)" : v === 0 ? "0" : v.toExponential(1);
const py = pythonRows();
const lines: string[] = [];
lines.push("| problem | method | true rel. error | f evals | µs per derivative | time / scipy |");
lines.push("|---|---|---:|---:|---:|---:|");
PROBLEMS.forEach((p, k) => {
  const exact = p.df(p.x);
  const rows = [...jsRows(p), ...(py ? py.scalar[k] : [])];
  const scipy = rows.find((r) => r.method.startsWith("scipy"));
  for (const r of rows) {
    const err = r.value === null ? Number.NaN : Math.abs(r.value - exact) / Math.abs(exact);
    const ratio = scipy ? (r.ms / scipy.ms).toPrecision(2) : "—";
    lines.push(
      `| ${p.name} | ${r.method} | ${fmtErr(err)} | ${r.nfev} | ${(r.ms * 1000).toFixed(1)} | ${ratio} |`,
    );
  }
});
lines.push("");
lines.push("| problem | method | max rel. error | f evals | µs per gradient | time / scipy |");
lines.push("|---|---|---:|---:|---:|---:|");
MULTI.forEach((p, k) => {
  const exact = p.grad(p.x);
  const rows = [...multiRows(p), ...(py ? py.multi[k] : [])];
  const scipy = rows.find((r) => r.method.startsWith("scipy"));
  for (const r of rows) {
    const err = Math.max(...exact.map((e, i) => Math.abs(r.value[i] - e) / Math.abs(e)));
    const ratio = scipy ? (r.ms / scipy.ms).toPrecision(2) : "—";
    lines.push(
      `| ${p.name} | ${r.method} | ${fmtErr(err)} | ${r.nfev} | ${(r.ms * 1000).toFixed(1)} | ${ratio} |`,
    );
  }
});
console.log(lines.join("\n"));
