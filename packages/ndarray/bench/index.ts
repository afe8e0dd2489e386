// Benchmarks @nabla/ndarray against numpy (spawned python3, one BLAS thread) and the JS
// libraries a user would otherwise pick (ml-matrix, numeric.js), in one run:
//   npm run bench -w @nabla/ndarray
// With `-- --readme` the table also replaces the one in README.md.
// Each timing is the median of several samples taken after a warm-up; fast operations are
// repeated inside a sample so that a sample lasts at least ~25 ms.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as nd from "@nabla/ndarray";
import { Matrix, solve as mlSolve } from "ml-matrix";
import numeric from "numeric";

const SAMPLES = 7;
const MIN_SAMPLE_MS = 25;

/** Median milliseconds per call of `fn`. */
function time(fn: () => unknown): number {
  fn();
  fn();
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

// The same timing rule in python; the data have the same sizes and kinds as the JS data.
const PYTHON = `
import json, time, sys
import numpy as np
SAMPLES, MIN_SAMPLE = ${SAMPLES}, ${MIN_SAMPLE_MS} / 1000
def bench(fn):
    fn(); fn()
    t0 = time.perf_counter(); fn(); once = max(time.perf_counter() - t0, 1e-6)
    inner = max(1, int(-(-MIN_SAMPLE // once)))
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        for _ in range(inner): fn()
        samples.append((time.perf_counter() - start) / inner * 1000)
    samples.sort()
    return samples[SAMPLES // 2]
rng = np.random.default_rng(0)
x6 = rng.uniform(-3, 3, 1_000_000)
x7 = rng.uniform(-1, 1, 10_000_000)
a256, b256 = rng.random((256, 256)), rng.random((256, 256))
a512, b512 = rng.random((512, 512)), rng.random((512, 512))
gx = np.cumsum(rng.uniform(0.5, 1.5, 10_000_000))
gy = np.sin(gx * 1e-3)
px = np.linspace(-1, 1, 1_000_000)
py = np.cos(3 * px) + rng.normal(0, 0.01, px.size)
out = {
    "elementwise": bench(lambda: np.sin(x6) * x6 + 1),
    "sum": bench(lambda: x7.sum()),
    "matmul256": bench(lambda: a256 @ b256),
    "matmul512": bench(lambda: a512 @ b512),
    "gradient": bench(lambda: np.gradient(gy, gx)),
    "polyfit": bench(lambda: np.polyfit(px, py, 9)),
}
try:
    import threadpoolctl
    info = [i for i in threadpoolctl.threadpool_info() if i.get("user_api") == "blas"]
    out["blas"] = ", ".join(f"{i['internal_api']} {i['version']} ({i['architecture']}, {i['num_threads']} thread)" for i in info)
except ImportError:
    out["blas"] = "unknown (pip install threadpoolctl to report the kernel)"
out["numpy"] = np.__version__
print(json.dumps(out))
`;

type Row = {
  key: string;
  label: string;
  target: number;
  nabla: () => unknown;
  peers: { mlMatrix?: () => unknown; numeric?: () => unknown };
};

function runNumpy(): Record<string, number | string> | null {
  const env: Record<string, string | undefined> = {
    ...process.env,
    OPENBLAS_NUM_THREADS: "1",
    MKL_NUM_THREADS: "1",
    OMP_NUM_THREADS: "1",
  };
  // OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be pinned on this machine for old OpenBLAS builds;
  // they slow a current numpy, so the python child runs without them.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  try {
    const stdout = execFileSync("python3", ["-c", PYTHON], {
      env,
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
  } catch (e) {
    console.error(`numpy timings unavailable: ${(e as Error).message.split("\n")[0]}`);
    return null;
  }
}

function main(): void {
  const rng = nd.random.defaultRng(0);
  const x6 = rng.uniform(-3, 3, 1_000_000);
  const x7 = rng.uniform(-1, 1, 10_000_000);
  const a256 = rng.random([256, 256]);
  const b256 = rng.random([256, 256]);
  const a512 = rng.random([512, 512]);
  const b512 = rng.random([512, 512]);
  const steps = rng.uniform(0.5, 1.5, 10_000_000);
  const gxData = new Float64Array(steps.size);
  for (let i = 0, s = 0; i < gxData.length; i++) gxData[i] = s += steps.data[i];
  const gx = new nd.NDArray(gxData, [gxData.length]);
  const gy = nd.sin(nd.multiply(gx, 1e-3));
  const px = nd.linspace(-1, 1, 1_000_000);
  const py = nd.add(nd.cos(nd.multiply(px, 3)), rng.normal(0, 0.01, 1_000_000));

  // Peer data, converted once outside the timings.
  const x6Array = Array.from(x6.data);
  const x6Matrix = new Matrix([x6.data as Float64Array]);
  const x7Array = Array.from(x7.data);
  const x7Matrix = new Matrix([x7.data as Float64Array]);
  const toRows = (a: nd.NDArray): number[][] => a.toArray() as number[][];
  const [A256, B256, A512, B512] = [a256, b256, a512, b512].map(toRows);
  const [M256, N256, M512, N512] = [A256, B256, A512, B512].map((r) => new Matrix(r));
  const pxData = px.data;
  const vandermonde = new Matrix(pxData.length, 10);
  for (let i = 0; i < pxData.length; i++) {
    let p = 1;
    for (let j = 9; j >= 0; j--) {
      vandermonde.set(i, j, p);
      p *= pxData[i];
    }
  }
  const pyColumn = Matrix.columnVector(Array.from(py.data));

  const rows: Row[] = [
    {
      key: "elementwise",
      label: "sin(x)*x + 1, 1e6 float64",
      target: 7,
      nabla: () => nd.add(nd.multiply(nd.sin(x6), x6), 1),
      peers: {
        mlMatrix: () => Matrix.sin(x6Matrix).mul(x6Matrix).add(1),
        numeric: () => numeric.add(numeric.mul(numeric.sin(x6Array), x6Array), 1),
      },
    },
    {
      key: "sum",
      label: "sum, 1e7 float64",
      target: 1.3,
      nabla: () => nd.sum(x7),
      peers: { mlMatrix: () => x7Matrix.sum(), numeric: () => numeric.sum(x7Array) },
    },
    {
      key: "matmul256",
      label: "matmul 256x256",
      target: Number.NaN,
      nabla: () => nd.matmul(a256, b256),
      peers: { mlMatrix: () => M256.mmul(N256), numeric: () => numeric.dot(A256, B256) },
    },
    {
      key: "matmul512",
      label: "matmul 512x512",
      target: 8,
      nabla: () => nd.matmul(a512, b512),
      peers: { mlMatrix: () => M512.mmul(N512), numeric: () => numeric.dot(A512, B512) },
    },
    {
      key: "gradient",
      label: "gradient, 1e7 points, non-uniform x",
      target: 0.6,
      nabla: () => nd.gradient(gy, gx),
      peers: {},
    },
    {
      key: "polyfit",
      label: "polyfit degree 9, 1e6 points",
      target: 1.0,
      nabla: () => nd.polyfit(px, py, 9),
      peers: { mlMatrix: () => mlSolve(vandermonde, pyColumn) },
    },
  ];

  const numpy = runNumpy();
  const fmt = (ms: number | undefined): string =>
    ms === undefined || Number.isNaN(ms)
      ? "—"
      : ms >= 100
        ? ms.toFixed(0)
        : ms >= 10
          ? ms.toFixed(1)
          : ms.toFixed(2);
  const lines: string[] = [];
  lines.push(
    "| operation | nabla ms | numpy ms | nabla/numpy | target | ml-matrix ms | numeric.js ms | vs fastest JS peer |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const ours = time(row.nabla);
    const ml = row.peers.mlMatrix ? time(row.peers.mlMatrix) : undefined;
    const nu = row.peers.numeric ? time(row.peers.numeric) : undefined;
    const py = numpy ? (numpy[row.key] as number) : undefined;
    const ratio = py ? ours / py : Number.NaN;
    const met =
      Number.isNaN(row.target) || Number.isNaN(ratio) ? "" : ratio <= row.target ? " ✓" : " ✗";
    const peers = [ml, nu].filter((v): v is number => v !== undefined);
    const vsPeer = peers.length ? `${(Math.min(...peers) / ours).toFixed(1)}x faster` : "no peer";
    lines.push(
      `| ${row.label} | ${fmt(ours)} | ${fmt(py)} | ${Number.isNaN(ratio) ? "—" : ratio.toFixed(2)}${met} | ${
        Number.isNaN(row.target) ? "" : `≤ ${row.target}`
      } | ${fmt(ml)} | ${fmt(nu)} | ${vsPeer} |`,
    );
  }
  const footer = `node ${process.version}; numpy ${numpy?.numpy ?? "n/a"} with ${numpy?.blas ?? "n/a"}; ${new Date().toISOString().slice(0, 10)}`;
  console.log(lines.join("\n"));
  console.log(`\n${footer}`);
  if (process.argv.includes("--readme")) {
    const path = new URL("../README.md", import.meta.url);
    const readme = readFileSync(path, "utf8");
    const [start, end] = ["<!-- bench:start -->", "<!-- bench:end -->"];
    const a = readme.indexOf(start);
    const b = readme.indexOf(end);
    if (a < 0 || b < 0) throw new Error("README.md lacks the bench:start/bench:end markers");
    const block = `${lines.join("\n")}\n\n\`npm run bench -w @nabla/ndarray\` — ${footer}, ${cpuName()}.`;
    writeFileSync(path, `${readme.slice(0, a + start.length)}\n${block}\n${readme.slice(b)}`);
  }
}

function cpuName(): string {
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const model = /model name\s*:\s*(.+)/.exec(info)?.[1] ?? "unknown CPU";
    const cores = (info.match(/^processor\s*:/gm) ?? []).length;
    return `${model}, ${cores} cores`;
  } catch {
    return "unknown CPU";
  }
}

main();
