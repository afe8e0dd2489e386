/**
 * @nabla/integrate against scipy.integrate on the same machine, in one run:
 *   npm run bench -w @nabla/integrate
 * For every case: CPU time per call (best of several batches), the ratio, and the number of
 * integrand evaluations of both (they must be equal: same QUADPACK arithmetic).
 */
import { execFileSync } from "node:child_process";
import { dblquad, quad, tplquad } from "@nabla/integrate";

interface Case {
  name: string;
  /** Runs the integral once and returns its number of integrand evaluations. */
  js: () => number;
  /** Python: an expression evaluated with `counted` (an integrand wrapper counting calls). */
  py: string;
}

const sqrt1mx2 = (x: number) => Math.sqrt(1 - x * x);
const ball = (x: number, y: number) => Math.sqrt(Math.max(0, 1 - x * x - y * y));

const cases: Case[] = [
  {
    name: "dblquad polar (lecture): rho over [0,1]x[0,2pi]",
    js: () => dblquad((rho) => rho, 0, 2 * Math.PI, 0, 1).neval,
    py: "dblquad(counted(lambda rho, theta: rho), 0, 2*np.pi, 0, 1)",
  },
  {
    name: "dblquad unit disk (lecture)",
    js: () =>
      dblquad(
        () => 1,
        -1,
        1,
        (x) => -sqrt1mx2(x),
        sqrt1mx2,
      ).neval,
    py: "dblquad(counted(lambda y, x: 1.0), -1, 1, lambda x: -np.sqrt(1 - x**2), lambda x: np.sqrt(1 - x**2))",
  },
  {
    name: "quad 1/sqrt(x) on [0,1] (singular)",
    js: () => quad((x) => 1 / Math.sqrt(x), 0, 1).neval,
    py: "quad(counted(lambda x: 1/math.sqrt(x)), 0, 1)",
  },
  {
    name: "quad log(x) on [0,1] (log singularity)",
    js: () => quad(Math.log, 0, 1).neval,
    py: "quad(counted(math.log), 0, 1)",
  },
  {
    name: "quad cos(1000x) on [0,1], limit 500 (oscillatory)",
    js: () => quad((x) => Math.cos(1000 * x), 0, 1, { limit: 500 }).neval,
    py: "quad(counted(lambda x: math.cos(1000*x)), 0, 1, limit=500)",
  },
  {
    name: "quad 1/((x-1/2)^2+1e-8) on [0,1] (peaked)",
    js: () => quad((x) => 1 / ((x - 0.5) * (x - 0.5) + 1e-8), 0, 1).neval,
    py: "quad(counted(lambda x: 1/((x-0.5)*(x-0.5)+1e-8)), 0, 1)",
  },
  {
    name: "quad exp(-x^2) on (-inf,inf) (QAGI)",
    js: () =>
      quad((x) => Math.exp(-x * x), Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY).neval,
    py: "quad(counted(lambda x: math.exp(-x*x)), -np.inf, np.inf)",
  },
  {
    name: "tplquad unit ball",
    js: () =>
      tplquad(
        () => 1,
        -1,
        1,
        (x) => -sqrt1mx2(x),
        sqrt1mx2,
        (x, y) => -ball(x, y),
        ball,
      ).neval,
    py: "tplquad(counted(lambda z, y, x: 1.0), -1, 1, lambda x: -np.sqrt(1-x**2), lambda x: np.sqrt(1-x**2), lambda x, y: -np.sqrt(max(0, 1-x**2-y**2)), lambda x, y: np.sqrt(max(0, 1-x**2-y**2)))",
  },
];

/**
 * CPU seconds per call (process.cpuUsage, not wall time: the machine may be shared): best of 5
 * batches, each batch at least 50 ms of CPU.
 */
function timeJs(f: () => number): number {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  for (let i = 0; i < 20; i++) f(); // warm up
  let reps = 1;
  for (;;) {
    const t0 = cpu();
    for (let i = 0; i < reps; i++) f();
    if (cpu() - t0 > 0.05) break;
    reps *= 2;
  }
  let best = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < 5; batch++) {
    const t0 = cpu();
    for (let i = 0; i < reps; i++) f();
    best = Math.min(best, (cpu() - t0) / reps);
  }
  return best;
}

// One python process per case, run right before the JS timing of the same case, so both see
// the same machine load; CPU time (time.process_time) as for JS.
const python = (expr: string) => `
import json, math, time, timeit, warnings
import numpy as np
from scipy.integrate import quad, dblquad, tplquad
warnings.simplefilter("ignore")
calls = [0]
def counted(f):
    def g(*a):
        calls[0] += 1
        return f(*a)
    return g
def plain(f):
    return f
expr = ${JSON.stringify(expr)}
eval(expr, globals())
neval = calls[0]
timer = timeit.Timer(expr.replace("counted(", "plain("), timer=time.process_time, globals=globals())
number = 1
while True:
    if timer.timeit(number) >= 0.05:
        break
    number *= 2
best = min(timer.repeat(5, number)) / number
print(json.dumps({"neval": neval, "seconds": best}))
`;

const versions = execFileSync(
  "python3",
  [
    "-c",
    "import scipy, numpy, sys; print(f'scipy {scipy.__version__}, numpy {numpy.__version__}, Python {sys.version.split()[0]}')",
  ],
  { encoding: "utf8" },
).trim();

const fmt = (s: number) => (s < 1e-3 ? `${(s * 1e6).toFixed(1)} µs` : `${(s * 1e3).toFixed(2)} ms`);
const rows = cases.map((c) => {
  const py = JSON.parse(execFileSync("python3", ["-c", python(c.py)], { encoding: "utf8" })) as {
    neval: number;
    seconds: number;
  };
  const neval = c.js();
  const t = timeJs(c.js);
  return [c.name, fmt(t), fmt(py.seconds), (t / py.seconds).toFixed(3), `${neval}`, `${py.neval}`];
});
const header = ["case", "nabla", "scipy", "nabla/scipy", "neval nabla", "neval scipy"];
const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
const line = (r: string[]) => `| ${r.map((v, j) => v.padEnd(widths[j])).join(" | ")} |`;
console.log(
  `@nabla/integrate vs ${versions}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));
