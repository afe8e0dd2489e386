// Benchmarks @nabla/ndarray against numpy (spawned python3, one BLAS thread) and the JS
// libraries a user would otherwise pick (ml-matrix, numeric.js), in one run:
//   npm run bench -w @nabla/ndarray
// With `-- --readme` the table also replaces the one in README.md.
// Each timing is the median of several samples taken after a warm-up; fast operations are
// repeated inside a sample so that a sample lasts at least ~25 ms. numpy runs in one python3
// child that stays up for the whole run: its samples alternate with ours, so both see the
// same machine load (on a busy machine, timings taken minutes apart are not comparable).
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import * as nd from "@nabla/ndarray";
import { Matrix, solve as mlSolve } from "ml-matrix";
import numeric from "numeric";

const SAMPLES = 7;
const MIN_SAMPLE_MS = 25;

/** Calls of `fn` per sample so that a sample lasts MIN_SAMPLE_MS (after two warm-up calls). */
function calibrate(fn: () => unknown): number {
  fn();
  fn();
  const t0 = performance.now();
  fn();
  return Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(performance.now() - t0, 1e-3)));
}

/** Milliseconds per call over one sample of `inner` calls. */
function sample(fn: () => unknown, inner: number): number {
  const start = performance.now();
  for (let i = 0; i < inner; i++) fn();
  return (performance.now() - start) / inner;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

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

// numpy's side: a small server that builds a row's data on "setup <row>" (answering how many
// calls make a sample) and times one sample on "sample <row> <calls>". Same data sizes and
// kinds as the JS rows.
const PYTHON = `
import json, sys, time
import numpy as np
MIN_SAMPLE = ${MIN_SAMPLE_MS} / 1000
rng = np.random.default_rng(0)
def make(key):
    if key == "elementwise":
        x = rng.uniform(-3, 3, 1_000_000)
        return lambda: np.sin(x) * x + 1
    if key == "sum":
        x = rng.uniform(-1, 1, 10_000_000)
        return lambda: x.sum()
    if key.startswith("matmul"):
        n = int(key[6:])
        a, b = rng.random((n, n)), rng.random((n, n))
        return lambda: a @ b
    if key == "gradient":
        x = np.cumsum(rng.uniform(0.5, 1.5, 10_000_000))
        y = np.sin(x * 1e-3)
        return lambda: np.gradient(y, x)
    if key == "polyfit":
        x = np.linspace(-1, 1, 1_000_000)
        y = np.cos(3 * x) + rng.normal(0, 0.01, x.size)
        return lambda: np.polyfit(x, y, 9)
    raise KeyError(key)
fn = None
for line in sys.stdin:
    cmd = line.split()
    if cmd[0] == "setup":
        fn = None
        fn = make(cmd[1])
        fn(); fn()
        t0 = time.perf_counter(); fn(); once = max(time.perf_counter() - t0, 1e-6)
        reply = {"inner": max(1, int(-(-MIN_SAMPLE // once)))}
    elif cmd[0] == "touch":
        ts = []
        for _ in range(5):
            start = time.perf_counter()
            np.empty(10_000_000).fill(0.5)
            ts.append((time.perf_counter() - start) * 1000)
        reply = {"ms": sorted(ts)[2]}
    elif cmd[0] == "sample":
        inner = int(cmd[2])
        start = time.perf_counter()
        for _ in range(inner): fn()
        reply = {"ms": (time.perf_counter() - start) / inner * 1000}
    else:
        try:
            import threadpoolctl
            info = [i for i in threadpoolctl.threadpool_info() if i.get("user_api") == "blas"]
            blas = ", ".join(f"{i['internal_api']} {i['version']} ({i['architecture']} kernel, {i['num_threads']} thread)" for i in info)
        except ImportError:
            blas = "BLAS kernel unknown (pip install threadpoolctl to report it)"
        reply = {"numpy": np.__version__, "blas": blas}
    print(json.dumps(reply), flush=True)
`;

/** One benchmark row; `setup` builds its data (kept only while the row runs, so that big peer
 * arrays of one row do not slow the garbage collector during the others). */
type Row = {
  key: string;
  label: string;
  target: number;
  setup: () => { nabla: () => unknown; mlMatrix?: () => unknown; numeric?: () => unknown };
};

/** The numpy child: one request line in, one JSON line out. */
class Numpy {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((reply: Record<string, number | string>) => void)[] = [];

  constructor() {
    const env: Record<string, string | undefined> = {
      ...process.env,
      OPENBLAS_NUM_THREADS: "1",
      MKL_NUM_THREADS: "1",
      OMP_NUM_THREADS: "1",
    };
    // OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be pinned on this machine for old OpenBLAS
    // builds; they slow a current numpy, so the python child runs without them.
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    this.child = spawn("python3", ["-c", PYTHON], { env });
    this.child.stderr.pipe(process.stderr);
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      this.waiting.shift()?.(JSON.parse(line));
    });
    const fail = (): void => {
      for (const resolve of this.waiting.splice(0)) resolve({});
    };
    this.child.on("exit", fail);
    this.child.on("error", (e) => {
      console.error(`numpy timings unavailable: ${e.message}`);
      fail();
    });
  }

  ask(request: string): Promise<Record<string, number | string>> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${request}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }
}

async function main(): Promise<void> {
  const rng = nd.random.defaultRng(0);
  const toRows = (a: nd.NDArray): number[][] => a.toArray() as number[][];
  const matmulRow = (n: number, target: number): Row => ({
    key: `matmul${n}`,
    label: `matmul ${n}x${n}`,
    target,
    setup: () => {
      const a = rng.random([n, n]);
      const b = rng.random([n, n]);
      const [A, B] = [toRows(a), toRows(b)];
      const [MA, MB] = [new Matrix(A), new Matrix(B)];
      return {
        nabla: () => nd.matmul(a, b),
        mlMatrix: () => MA.mmul(MB),
        numeric: () => numeric.dot(A, B),
      };
    },
  });

  const rows: Row[] = [
    {
      key: "elementwise",
      label: "sin(x)*x + 1, 1e6 float64",
      target: 7,
      setup: () => {
        const x = rng.uniform(-3, 3, 1_000_000);
        const xs = Array.from(x.data);
        const xm = new Matrix([x.data as Float64Array]);
        return {
          nabla: () => nd.add(nd.multiply(nd.sin(x), x), 1),
          mlMatrix: () => Matrix.sin(xm).mul(xm).add(1),
          numeric: () => numeric.add(numeric.mul(numeric.sin(xs), xs), 1),
        };
      },
    },
    {
      key: "sum",
      label: "sum, 1e7 float64",
      target: 1.3,
      setup: () => {
        const x = rng.uniform(-1, 1, 10_000_000);
        const xs = Array.from(x.data);
        const xm = new Matrix([x.data as Float64Array]);
        return { nabla: () => nd.sum(x), mlMatrix: () => xm.sum(), numeric: () => numeric.sum(xs) };
      },
    },
    matmulRow(256, Number.NaN),
    matmulRow(512, 8),
    {
      key: "gradient",
      label: "gradient, 1e7 points, non-uniform x",
      target: 0.6,
      setup: () => {
        const steps = rng.uniform(0.5, 1.5, 10_000_000);
        const xData = new Float64Array(steps.size);
        for (let i = 0, s = 0; i < xData.length; i++) xData[i] = s += steps.data[i];
        const x = new nd.NDArray(xData, [xData.length]);
        const y = nd.sin(nd.multiply(x, 1e-3));
        return { nabla: () => nd.gradient(y, x) };
      },
    },
    {
      key: "polyfit",
      label: "polyfit degree 9, 1e6 points",
      target: 1.0,
      setup: () => {
        const x = nd.linspace(-1, 1, 1_000_000);
        const y = nd.add(nd.cos(nd.multiply(x, 3)), rng.normal(0, 0.01, 1_000_000));
        // ml-matrix has no polyfit: the Vandermonde least-squares solve a user would write.
        const v = new Matrix(x.size, 10);
        for (let i = 0; i < x.size; i++) {
          let p = 1;
          for (let j = 9; j >= 0; j--) {
            v.set(i, j, p);
            p *= x.data[i];
          }
        }
        const yc = Matrix.columnVector(Array.from(y.data));
        return { nabla: () => nd.polyfit(x, y, 9), mlMatrix: () => mlSolve(v, yc) };
      },
    },
  ];

  const numpy = new Numpy();
  const info = await numpy.ask("info");
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
    "| operation | nabla ms | numpy ms | nabla/numpy | target | ml-matrix ms | numeric.js ms | fastest JS peer / nabla |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const run = row.setup();
    // Paired samples: ours, then numpy's, alternately.
    const jsInner = calibrate(run.nabla);
    const pyInner = Number((await numpy.ask(`setup ${row.key}`)).inner);
    const js: number[] = [];
    const np: number[] = [];
    for (let s = 0; s < SAMPLES; s++) {
      js.push(sample(run.nabla, jsInner));
      if (pyInner > 0) np.push(Number((await numpy.ask(`sample ${row.key} ${pyInner}`)).ms));
    }
    const ours = median(js);
    const py = np.length && !np.some(Number.isNaN) ? median(np) : undefined;
    const ml = run.mlMatrix ? time(run.mlMatrix) : undefined;
    const nu = run.numeric ? time(run.numeric) : undefined;
    const ratio = py ? ours / py : Number.NaN;
    const met =
      Number.isNaN(row.target) || Number.isNaN(ratio) ? "" : ratio <= row.target ? " ✓" : " ✗";
    const peers = [ml, nu].filter((v): v is number => v !== undefined);
    const vsPeer = peers.length ? `${(Math.min(...peers) / ours).toFixed(1)}x` : "no peer";
    lines.push(
      `| ${row.label} | ${fmt(ours)} | ${fmt(py)} | ${Number.isNaN(ratio) ? "—" : ratio.toFixed(2)}${met} | ${
        Number.isNaN(row.target) ? "" : `≤ ${row.target}`
      } | ${fmt(ml)} | ${fmt(nu)} | ${vsPeer} |`,
    );
  }
  // Writing a fresh 80 MB array: page faults, which numpy softens with transparent huge pages.
  const touchJs = time(() => new Float64Array(10_000_000).fill(0.5));
  const touchPy = Number((await numpy.ask("touch")).ms);
  numpy.close();
  const footer = `node ${process.version}; numpy ${info.numpy ?? "n/a"} with ${info.blas ?? "n/a"}; ${new Date().toISOString().slice(0, 10)}`;
  const touch = `Writing a freshly allocated 80 MB array (1e7 float64) takes ${fmt(touchJs)} ms in node and ${fmt(touchPy)} ms in numpy on this machine: the first touch of new memory page-faults, and numpy asks the kernel for transparent huge pages. Rows that return 1e7-element arrays (gradient) pay this difference on top of the kernel.`;
  console.log(lines.join("\n"));
  console.log(`\n${footer}\n\n${touch}`);
  if (process.argv.includes("--readme")) {
    const path = new URL("../README.md", import.meta.url);
    const readme = readFileSync(path, "utf8");
    const [start, end] = ["<!-- bench:start -->", "<!-- bench:end -->"];
    const a = readme.indexOf(start);
    const b = readme.indexOf(end);
    if (a < 0 || b < 0) throw new Error("README.md lacks the bench:start/bench:end markers");
    const block = `${lines.join("\n")}\n\n\`npm run bench -w @nabla/ndarray\` — ${footer}, ${cpuName()}.\n\n${touch}`;
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
