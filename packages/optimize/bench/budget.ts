/**
 * Where 100-D L-BFGS-B's time goes, against the budget the "1/10 of scipy's time" target leaves:
 *   npm run bench:budget -w @nabla/optimize
 * Prints scipy's CPU time per iteration (spawned python3, one BLAS thread), a tenth of it, and
 * ours: the whole solve per iteration, the benchmark's Rosenbrock f + g per evaluation, and the
 * two-loop recursion (m = 10 pairs, n = 100) per call. CPU times, best of several batches.
 */
import { execFileSync } from "node:child_process";
import { array } from "@nabla/ndarray";
import { minimize } from "@nabla/optimize";
// the recursion alone is internal: taken from src, where the solves use the built package
import { twoLoop } from "../src/methods/lbfgsb/state.js";
import { rosen, rosenDer } from "../test/helpers.js";

const N = 100;
const M = 10;
const x0 = Array.from({ length: N }, (_, i) => (i % 2 === 0 ? -1.2 : 1.0));

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Best CPU time per call in µs over `batches` batches of `reps` calls. */
function perCall(run: () => void, reps: number, batches = 7): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let b = 0; b < batches; b++) {
    const t0 = cpuMs();
    for (let i = 0; i < reps; i++) run();
    best = Math.min(best, ((cpuMs() - t0) * 1000) / reps);
  }
  return best;
}

const PY = `
import time, numpy as np
from scipy.optimize import minimize, rosen, rosen_der
x0 = np.array([(-1.2 if i % 2 == 0 else 1.0) for i in range(${N})])
best = float("inf")
for _ in range(7):
    t = time.process_time(); r = minimize(rosen, x0, jac=rosen_der, method="L-BFGS-B"); best = min(best, time.process_time() - t)
print(best * 1e6 / r.nit, r.nit, r.nfev)
`;
const [scipyPerIt, scipyNit, scipyNfev] = execFileSync("python3", ["-c", PY], {
  env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" },
  encoding: "utf8",
})
  .trim()
  .split(" ")
  .map(Number);

// The benchmark's Rosenbrock, as the solver calls it (it reads the NDArray it is handed).
const fun = rosen;
const jac = rosenDer;
const res = minimize(fun, x0, { method: "L-BFGS-B", jac });
const nit = res.nit as number;
const nfev = res.nfev as number;
const solve = perCall(() => minimize(fun, x0, { method: "L-BFGS-B", jac }), 5);

const x = Float64Array.from(x0, (v, i) => v + 0.01 * i);
const xa = array(x);
let sink = 0;
const evaluation = perCall(() => {
  sink += fun(xa) + jac(xa)[0];
}, 20000);

// Ten stored pairs of random directions, as after ten iterations of a run.
const ws = Float64Array.from({ length: M * N }, (_, i) => Math.sin(i + 1));
const wy = Float64Array.from({ length: M * N }, (_, i) => Math.sin(i + 1) + 0.1 * Math.cos(3 * i));
const rho = new Float64Array(M);
for (let j = 0; j < M; j++) {
  let sy = 0;
  for (let i = 0; i < N; i++) sy += ws[j * N + i] * wy[j * N + i];
  rho[j] = 1 / sy;
}
const q = new Float64Array(N);
const alpha = new Float64Array(M);
const recursion = perCall(() => {
  q.set(x);
  twoLoop(ws, wy, M, 0, M, rho, 1, q, alpha);
}, 20000);

const evalsPerIt = nfev / nit;
const f = (v: number) => v.toFixed(2);
// keeps the evaluations from being optimized away
if (Number.isNaN(sink)) throw new Error("budget: the benchmark function returned NaN");
console.log(`100-D Rosenbrock, L-BFGS-B (m = ${M}); CPU µs, best of batches`);
console.log(`scipy: ${f(scipyPerIt)} per iteration (nit ${scipyNit}, nfev ${scipyNfev})`);
console.log(`the target, 1/10 of scipy: ${f(scipyPerIt / 10)} per iteration`);
console.log(`nabla: ${f(solve / nit)} per iteration (nit ${nit}, nfev ${nfev})`);
console.log(
  `  of which the user's f + g: ${f(evaluation)} per evaluation x ${evalsPerIt.toFixed(2)} evaluations per iteration = ${f(evaluation * evalsPerIt)}`,
);
console.log(`  and the two-loop recursion: ${f(recursion)} per iteration`);
