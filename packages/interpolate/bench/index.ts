// Benchmarks @nabla/interpolate against scipy (spawned python3) and numeric.js, in one run:
//   npm run bench -w @nabla/interpolate
// Each timing is the median of several samples after a warm-up; fast operations are repeated
// inside a sample so that a sample lasts at least ~25 ms. The same rule runs in python, started
// afresh for each row just before nabla's timing. Times are
// process CPU time (node: process.cpuUsage, python: time.process_time), so that other work on a
// shared machine does not count; both sides run single-threaded.
import { execFileSync } from "node:child_process";
import { CubicSpline, interp1d } from "@nabla/interpolate";
import { NDArray } from "@nabla/ndarray";
import numeric from "numeric";

const SAMPLES = 7;
const MIN_SAMPLE_MS = 25;
const N_EVAL = 1_000_000;

/** CPU milliseconds used by this process so far. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function systemMs(): number {
  return process.cpuUsage().system / 1000;
}

/** The system (kernel) part of the median sample of the last `time` call, per call. */
let lastSystemMs = 0;

function time(fn: () => unknown): number {
  fn();
  fn();
  const t0 = cpu();
  fn();
  const once = Math.max(cpu() - t0, 1e-3);
  const inner = Math.max(1, Math.ceil(MIN_SAMPLE_MS / once));
  const samples: [number, number][] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = cpu();
    const sys = systemMs();
    for (let i = 0; i < inner; i++) fn();
    samples.push([(cpu() - start) / inner, (systemMs() - sys) / inner]);
  }
  samples.sort((a, b) => a[0] - b[0]);
  const median = samples[Math.floor(SAMPLES / 2)];
  lastSystemMs = median[1];
  return median[0];
}

const PYTHON = `
import json, sys, time
import numpy as np, scipy
from scipy.interpolate import CubicSpline, interp1d
SAMPLES, MIN_SAMPLE = ${SAMPLES}, ${MIN_SAMPLE_MS} / 1000
def bench(fn):
    fn(); fn()
    t0 = time.process_time(); fn(); once = max(time.process_time() - t0, 1e-6)
    inner = max(1, int(-(-MIN_SAMPLE // once)))
    samples = []
    for _ in range(SAMPLES):
        start = time.process_time()
        for _ in range(inner): fn()
        samples.append((time.process_time() - start) / inner * 1000)
    samples.sort()
    return samples[SAMPLES // 2]
rng = np.random.default_rng(0)
def data(n):
    x = np.cumsum(rng.uniform(0.5, 1.5, n)); return x, np.sin(x)
x10, y10 = data(10)
x5, y5 = data(100_000)
q10 = rng.uniform(x10[0], x10[-1], ${N_EVAL})
q5 = rng.uniform(x5[0], x5[-1], ${N_EVAL})
q5s = np.sort(q5)
c10, c5 = CubicSpline(x10, y10), CubicSpline(x5, y5)
i10, i5 = interp1d(x10, y10, kind="cubic"), interp1d(x5, y5, kind="cubic")
calls = {
    "cs_build10": lambda: CubicSpline(x10, y10),
    "cs_build1e5": lambda: CubicSpline(x5, y5),
    "cs_eval10": lambda: c10(q10),
    "cs_eval1e5": lambda: c5(q5),
    "cs_eval1e5_sorted": lambda: c5(q5s),
    "i1_build10": lambda: interp1d(x10, y10, kind="cubic"),
    "i1_build1e5": lambda: interp1d(x5, y5, kind="cubic"),
    "i1_eval10": lambda: i10(q10),
    "i1_eval1e5": lambda: i5(q5),
    "i1_eval1e5_sorted": lambda: i5(q5s),
}
out = {key: bench(calls[key]) for key in sys.argv[1:]}
out["versions"] = f"numpy {np.__version__}, scipy {scipy.__version__}"
print(json.dumps(out))
`;

/** scipy's timings for `keys`, from a python child started now (so both sides share the machine's state). */
function runScipy(keys: string[]): Record<string, number | string> | null {
  try {
    const stdout = execFileSync("python3", ["-c", PYTHON, ...keys], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
  } catch (e) {
    console.error(`scipy timings unavailable: ${(e as Error).message.split("\n")[0]}`);
    return null;
  }
}

/** A small seeded generator (mulberry32), so every run times the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const rand = rng(0);
  const data = (n: number): [NDArray, NDArray] => {
    const x = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) x[i] = s += 0.5 + rand();
    return [new NDArray(x, [n]), new NDArray(x.map(Math.sin), [n])];
  };
  const points = (x: NDArray): NDArray => {
    const lo = x.data[0];
    const hi = x.data[x.size - 1];
    const q = new Float64Array(N_EVAL);
    for (let i = 0; i < N_EVAL; i++) q[i] = lo + (hi - lo) * rand();
    return new NDArray(q, [N_EVAL]);
  };
  const [x10, y10] = data(10);
  const [x5, y5] = data(100_000);
  const q10 = points(x10);
  const q5 = points(x5);
  const q5s = new NDArray(Float64Array.from(q5.data).sort(), [N_EVAL]);
  const c10 = new CubicSpline(x10, y10);
  const c5 = new CubicSpline(x5, y5);
  const i10 = interp1d(x10, y10, { kind: "cubic" });
  const i5 = interp1d(x5, y5, { kind: "cubic" });
  // numeric.js works on JS arrays: convert once, outside the timings
  const [ax10, ay10, ax5, ay5] = [x10, y10, x5, y5].map((a) => Array.from(a.data));
  const [aq10, aq5, aq5s] = [q10, q5, q5s].map((a) => Array.from(a.data));
  const n10 = numeric.spline(ax10, ay10);
  const n5 = numeric.spline(ax5, ay5);

  type Row = {
    key: string;
    label: string;
    nabla: () => unknown;
    numeric?: () => unknown;
    target: string;
  };
  const rows: Row[] = [
    {
      key: "cs_build10",
      label: "CubicSpline build, 10 points",
      nabla: () => new CubicSpline(x10, y10),
      numeric: () => numeric.spline(ax10, ay10),
      target: "cs_build10",
    },
    {
      key: "cs_build1e5",
      label: "CubicSpline build, 1e5 points",
      nabla: () => new CubicSpline(x5, y5),
      numeric: () => numeric.spline(ax5, ay5),
      target: "cs_build1e5",
    },
    {
      key: "cs_eval10",
      label: "CubicSpline eval 1e6 random points, 10-point spline",
      nabla: () => c10(q10),
      numeric: () => n10.at(aq10),
      target: "cs_eval10",
    },
    {
      key: "cs_eval1e5",
      label: "CubicSpline eval 1e6 random points, 1e5-point spline",
      nabla: () => c5(q5),
      numeric: () => n5.at(aq5),
      target: "cs_eval1e5",
    },
    {
      key: "cs_eval1e5_sorted",
      label: "CubicSpline eval 1e6 sorted points, 1e5-point spline",
      nabla: () => c5(q5s),
      numeric: () => n5.at(aq5s),
      target: "cs_eval1e5_sorted",
    },
    {
      key: "i1_build10",
      label: "interp1d cubic build, 10 points",
      nabla: () => interp1d(x10, y10, { kind: "cubic" }),
      target: "cs_build10",
    },
    {
      key: "i1_build1e5",
      label: "interp1d cubic build, 1e5 points",
      nabla: () => interp1d(x5, y5, { kind: "cubic" }),
      target: "cs_build1e5",
    },
    {
      key: "i1_eval10",
      label: "interp1d cubic eval 1e6 random points, 10-point data",
      nabla: () => i10(q10),
      target: "cs_eval10",
    },
    {
      key: "i1_eval1e5",
      label: "interp1d cubic eval 1e6 random points, 1e5-point data",
      nabla: () => i5(q5),
      target: "cs_eval1e5",
    },
    {
      key: "i1_eval1e5_sorted",
      label: "interp1d cubic eval 1e6 sorted points, 1e5-point data",
      nabla: () => i5(q5s),
      target: "cs_eval1e5_sorted",
    },
  ];

  const fmt = (ms: number | undefined): string =>
    ms === undefined || Number.isNaN(ms)
      ? "—"
      : ms >= 100
        ? ms.toFixed(0)
        : ms >= 10
          ? ms.toFixed(1)
          : ms >= 0.1
            ? ms.toFixed(2)
            : ms.toFixed(4);
  const lines: string[] = [];
  lines.push(
    "| operation | nabla ms | of which system | scipy ms (same call) | nabla/scipy | target: ≤ scipy CubicSpline ms | numeric.js ms | vs numeric.js |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|");
  let versions = "scipy unavailable";
  for (const row of rows) {
    // scipy is timed right before each row (in a fresh python), so load changes hit both alike
    const scipy = runScipy([...new Set([row.key, row.target])]);
    if (scipy) versions = String(scipy.versions);
    const ours = time(row.nabla);
    const oursSystem = lastSystemMs;
    const nu = row.numeric ? time(row.numeric) : undefined;
    const py = scipy ? (scipy[row.key] as number) : undefined;
    const target = scipy ? (scipy[row.target] as number) : undefined;
    const ratio = py ? ours / py : Number.NaN;
    const met = target === undefined ? "" : ours <= target ? " ✓" : " ✗";
    lines.push(
      `| ${row.label} | ${fmt(ours)} | ${fmt(oursSystem)} | ${fmt(py)} | ${Number.isNaN(ratio) ? "—" : ratio.toFixed(2)} | ${fmt(target)}${met} | ${fmt(nu)} | ${
        nu === undefined ? "no peer" : `${(nu / ours).toFixed(1)}x faster`
      } |`,
    );
  }
  console.log(lines.join("\n"));
  console.log(
    `\nnode ${process.version}; ${versions}; numeric.js 1.2.6 (natural spline: it has no not-a-knot)`,
  );
}

main();
