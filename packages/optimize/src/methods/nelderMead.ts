import { checkOptions, NDArray, rangeError } from "@nabla/ndarray";
import { npArgsort } from "../internal/argsort.js";
import { flatten } from "../internal/convert.js";
import { numOpt, type Problem, STATUS_MESSAGES, vec } from "../internal/problem.js";
import { OptimizeResult } from "../optimizeResult.js";

const NM_OPTIONS = [
  "maxiter",
  "maxfev",
  "disp",
  "returnAll",
  "initialSimplex",
  "xatol",
  "fatol",
  "adaptive",
] as const;

class MaxFunCallError extends Error {}

/**
 * Where the centroid becomes a running sum. Below it, np.add.reduce's order is kept exactly (the
 * tests check scipy's counts up to 10 variables).
 */
const RUNNING_FROM = 11;

/** scipy's _minimize_neldermead (Gao & Han's adaptive coefficients optional; bounds by clipping). */
export function minimizeNelderMead(p: Problem, o: Record<string, unknown>): OptimizeResult {
  checkOptions('minimize(method="Nelder-Mead")', o, NM_OPTIONS);
  const xatol = numOpt("Nelder-Mead", o, "xatol", 1e-4);
  const fatol = numOpt("Nelder-Mead", o, "fatol", 1e-4);
  let maxiter = o.maxiter as number | undefined | null;
  let maxfun = o.maxfev as number | undefined | null;
  const adaptive = Boolean(o.adaptive);
  let x0: Float64Array = new Float64Array(p.x0);
  const { lb, ub } = p;
  const N = x0.length;
  let rho: number;
  let chi: number;
  let psi: number;
  let sigma: number;
  if (adaptive) {
    rho = 1;
    chi = 1 + 2 / N;
    psi = 0.75 - 1 / (2 * N);
    sigma = 1 - 1 / N;
  } else {
    rho = 1;
    chi = 2;
    psi = 0.5;
    sigma = 0.5;
  }
  const clip = (v: Float64Array) => {
    if (lb === null || ub === null) return v;
    for (let i = 0; i < v.length; i++) v[i] = Math.min(Math.max(v[i], lb[i]), ub[i]);
    return v;
  };
  x0 = clip(x0);
  let sim: Float64Array[];
  if (o.initialSimplex === undefined || o.initialSimplex === null) {
    sim = [new Float64Array(x0)];
    for (let k = 0; k < N; k++) {
      const y = new Float64Array(x0);
      y[k] = y[k] !== 0 ? (1 + 0.05) * y[k] : 0.00025;
      sim.push(y);
    }
  } else {
    const is = o.initialSimplex as { shape?: number[] } & unknown;
    const rows = Array.isArray(is) ? is.length : (is as unknown as NDArray).shape?.[0];
    if (rows !== N + 1) {
      throw rangeError(
        `minimize(method="Nelder-Mead"): options.initialSimplex should be an array of shape [N+1, N] = [${N + 1}, ${N}].`,
      );
    }
    const m = flattenSimplex(is, N);
    sim = [];
    for (let r = 0; r <= N; r++) sim.push(m.slice(r * N, (r + 1) * N));
  }
  const allvecs = o.returnAll ? [vec(sim[0])] : undefined;
  if ((maxiter === undefined || maxiter === null) && (maxfun === undefined || maxfun === null)) {
    maxiter = N * 200;
    maxfun = N * 200;
  } else if (maxiter === undefined || maxiter === null) {
    maxiter = maxfun === Number.POSITIVE_INFINITY ? N * 200 : Number.POSITIVE_INFINITY;
  } else if (maxfun === undefined || maxfun === null) {
    maxfun = maxiter === Number.POSITIVE_INFINITY ? N * 200 : Number.POSITIVE_INFINITY;
  }
  const maxIt = maxiter as number;
  const maxFun = maxfun as number;
  if (lb !== null && ub !== null) {
    for (const v of sim) {
      for (let i = 0; i < N; i++) if (v[i] > ub[i]) v[i] = 2 * ub[i] - v[i];
      clip(v);
    }
  }
  // The vertices live in one flat buffer, so the centroid loop reads a single array: rows[k] is
  // a view of its k-th row, and the sorted simplex is rows[at[0]], ..., rows[at[N]]. Reordering
  // the vertices moves only the indices in `at` (typed-array copies, no JS-array stores).
  const S = new Float64Array((N + 1) * N);
  for (let j = 0; j <= N; j++) S.set(sim[j], j * N);
  const rows = sim.map((_, j) => S.subarray(j * N, (j + 1) * N));
  const at = Int32Array.from({ length: N + 1 }, (_, j) => j);
  let fcalls = 0;
  const func = (x: Float64Array): number => {
    if (fcalls >= maxFun) throw new MaxFunCallError();
    fcalls++;
    // p.fun hands the user a copy (minimize wraps x), so the vertex itself can go
    return p.fun(x);
  };
  const fsim = new Float64Array(N + 1).fill(Number.POSITIVE_INFINITY);
  // scipy reorders the vertices with np.argsort + np.take; npArgsort leaves tied values in numpy's order
  const order = new Int32Array(N + 1);
  const fsimTmp = new Float64Array(N + 1);
  const atTmp = new Int32Array(N + 1);
  // After an iteration that only replaced the worst vertex, the first N values are still sorted:
  // with no tie (nor NaN) anywhere, every sort, np.argsort's included, gives the one order where the
  // new value slots in, so it is inserted directly. Ties go through npArgsort, which leaves them in
  // numpy's order.
  let strictlySorted = false;
  const insertLast = (): boolean => {
    const v = fsim[N];
    if (Number.isNaN(v)) return false;
    // pos: the first of fsim[0..N-1] above v (they are sorted)
    let lo = 0;
    let hi = N;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fsim[mid] > v) hi = mid;
      else lo = mid + 1;
    }
    const pos = lo;
    if (pos > 0 && !(fsim[pos - 1] < v)) return false;
    if (!strictlySorted) {
      for (let j = 1; j < N; j++) if (!(fsim[j - 1] < fsim[j])) return false;
    }
    // all N + 1 values now increase strictly, so the first N of them will next time
    strictlySorted = true;
    if (pos === N) return true;
    const row = at[N];
    fsim.copyWithin(pos + 1, pos, N);
    at.copyWithin(pos + 1, pos, N);
    fsim[pos] = v;
    at[pos] = row;
    return true;
  };
  const sortSim = () => {
    npArgsort(fsim, N + 1, order);
    for (let j = 0; j <= N; j++) {
      fsimTmp[j] = fsim[order[j]];
      atTmp[j] = at[order[j]];
    }
    fsim.set(fsimTmp);
    at.set(atTmp);
  };
  try {
    for (let k = 0; k <= N; k++) fsim[k] = func(rows[k]);
  } catch (e) {
    if (!(e instanceof MaxFunCallError)) throw e;
  }
  sortSim();
  let iterations = 1;
  // xbar = np.add.reduce(sim[:-1], 0) / N: each coordinate summed row after row from 0, in the
  // sorted order, eight rows per pass (the same additions in the same order). Most iterations only
  // replace the worst vertex, so the rows before its new rank are the ones summed last time: the
  // running sum is kept after every block of eight rows and restarts from the last unchanged block.
  // (A new vertex is written into the worst row, which the last sum did not include, so comparing
  // the row indices tells which rows changed; a shrink rewrites them all.)
  const xbar = new Float64Array(N);
  const sum = new Float64Array(N);
  const blocks = Math.floor(N / 8);
  const partial = new Float64Array(blocks * N);
  // the rows (indices into `rows`) in the order of the last full sum, -1 before it
  const summed = new Int32Array(N + 1).fill(-1);
  let summedValid = false;
  // From RUNNING_FROM variables on, the centroid is a running sum instead: an iteration that only
  // replaces the worst vertex adds the new vertex and subtracts the one that became worst, O(n)
  // instead of O(n²), so its last bits drift from np.add.reduce's; the sum is redone in full after a
  // shrink and every N iterations, which bounds the drift.
  const running = N >= RUNNING_FROM;
  let sinceFull = 0;
  const centroid = () => {
    if (running && summedValid && sinceFull < N) {
      sinceFull++;
      const worst = at[N];
      // the new vertex is the worst: the best N, their sum and xbar are as they were
      if (worst === summed[N]) return;
      // summed[N] (the vertex written last iteration) joined the best N, `worst` left them
      const finite = swapIntoSum(sum, xbar, rows[summed[N]], rows[worst], N);
      summed[N] = worst;
      // an infinite coordinate leaving the sum would leave Inf - Inf = NaN: sum afresh instead
      if (finite) return;
    }
    if (running) summedValid = false; // rows may have been rewritten since the last full sum
    sinceFull = 0;
    let first = 0;
    if (summedValid) while (first < N && at[first] === summed[first]) first++;
    if (first < N) {
      let b = first >> 3;
      if (b > 0) sum.set(partial.subarray((b - 1) * N, b * N));
      else sum.fill(0);
      let j = b * 8;
      for (; b < blocks; b++, j += 8) {
        const o0 = at[j] * N;
        const o1 = at[j + 1] * N;
        const o2 = at[j + 2] * N;
        const o3 = at[j + 3] * N;
        const o4 = at[j + 4] * N;
        const o5 = at[j + 5] * N;
        const o6 = at[j + 6] * N;
        const o7 = at[j + 7] * N;
        for (let i = 0; i < N; i++) {
          sum[i] =
            sum[i] +
            S[o0 + i] +
            S[o1 + i] +
            S[o2 + i] +
            S[o3 + i] +
            S[o4 + i] +
            S[o5 + i] +
            S[o6 + i] +
            S[o7 + i];
        }
        partial.set(sum, b * N);
      }
      for (; j < N; j++) {
        const o = at[j] * N;
        for (let i = 0; i < N; i++) sum[i] += S[o + i];
      }
      summed.set(at);
      summedValid = true;
    }
    for (let i = 0; i < N; i++) xbar[i] = sum[i] / N;
  };
  // trial points (reflection, expansion, contraction) are scratch: func hands the user a copy and
  // an accepted point is copied into the worst vertex's row
  const bufR = new Float64Array(N);
  const bufE = new Float64Array(N);
  const bufC = new Float64Array(N);
  while (fcalls < maxFun && iterations < maxIt) {
    let shrunk = false;
    try {
      // scipy's test max|sim[1:] - sim[0]| <= xatol and max|f[0] - f[1:]| <= fatol, cheapest part
      // first. fsim is sorted (NaN last), and rounding is monotonic, so the largest |f[0] - f[j]| is
      // |f[0] - f[N]| (NaN, or Infinity against -Infinity, fails the test either way).
      if (Math.abs(fsim[0] - fsim[N]) <= fatol) {
        let small = true;
        const s0 = rows[at[0]];
        for (let j = 1; j <= N && small; j++) {
          const sj = rows[at[j]];
          for (let i = 0; i < N; i++) {
            if (!(Math.abs(sj[i] - s0[i]) <= xatol)) {
              small = false;
              break;
            }
          }
        }
        if (small) break;
      }
      centroid();
      const last = rows[at[N]];
      const xr = clip(trialPoint(bufR, 1 + rho, xbar, rho, last));
      const fxr = func(xr);
      let doshrink = false;
      if (fxr < fsim[0]) {
        const xe = clip(trialPoint(bufE, 1 + rho * chi, xbar, rho * chi, last));
        const fxe = func(xe);
        if (fxe < fxr) {
          last.set(xe);
          fsim[N] = fxe;
        } else {
          last.set(xr);
          fsim[N] = fxr;
        }
      } else if (fxr < fsim[N - 1]) {
        last.set(xr);
        fsim[N] = fxr;
      } else {
        if (fxr < fsim[N]) {
          const xc = clip(trialPoint(bufC, 1 + psi * rho, xbar, psi * rho, last));
          const fxc = func(xc);
          if (fxc <= fxr) {
            last.set(xc);
            fsim[N] = fxc;
          } else doshrink = true;
        } else {
          const xcc = clip(trialPoint(bufC, 1 - psi, xbar, -psi, last));
          const fxcc = func(xcc);
          if (fxcc < fsim[N]) {
            last.set(xcc);
            fsim[N] = fxcc;
          } else doshrink = true;
        }
        if (doshrink) {
          shrunk = true;
          summedValid = false;
          const s0 = rows[at[0]];
          for (let j = 1; j <= N; j++) {
            // in place: no one else holds the vertices (results and callbacks get copies)
            const r = rows[at[j]];
            for (let i = 0; i < N; i++) r[i] = s0[i] + sigma * (r[i] - s0[i]);
            clip(r);
            fsim[j] = func(r);
          }
        }
      }
      iterations++;
    } catch (e) {
      if (!(e instanceof MaxFunCallError)) throw e;
    }
    if (shrunk || !insertLast()) {
      sortSim();
      strictlySorted = false;
    }
    allvecs?.push(vec(rows[at[0]]));
    if (p.callback?.(rows[at[0]], fsim[0])) break;
  }
  let fval = Number.POSITIVE_INFINITY;
  for (const v of fsim) if (v < fval || Number.isNaN(v)) fval = v;
  let warnflag = 0;
  let msg: string;
  if (fcalls >= maxFun) {
    warnflag = 1;
    msg = STATUS_MESSAGES.maxfev;
  } else if (iterations >= maxIt) {
    warnflag = 2;
    msg = STATUS_MESSAGES.maxiter;
  } else msg = STATUS_MESSAGES.success;
  const flatSim = new Float64Array((N + 1) * N);
  for (let j = 0; j <= N; j++) flatSim.set(rows[at[j]], j * N);
  const res = new OptimizeResult({
    fun: fval,
    nit: iterations,
    nfev: fcalls,
    status: warnflag,
    success: warnflag === 0,
    message: msg,
    x: vec(rows[at[0]]),
    finalSimplex: [new NDArray(flatSim, [N + 1, N]), new NDArray(new Float64Array(fsim), [N + 1])],
  } as never);
  if (allvecs) res.allvecs = allvecs;
  return res;
}

/**
 * sum += added - worst and xbar = sum / n (the running centroid's update, (sum + added) - worst
 * per coordinate); false if a coordinate of the sum is no longer finite.
 */
function swapIntoSum(
  sum: Float64Array,
  xbar: Float64Array,
  added: Float64Array,
  worst: Float64Array,
  n: number,
): boolean {
  // NaN in v - v is how a non-finite v shows: one test per four coordinates, at the end
  let z = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const s0 = sum[i];
    const s1 = sum[i + 1];
    const s2 = sum[i + 2];
    const s3 = sum[i + 3];
    const a0 = added[i];
    const a1 = added[i + 1];
    const a2 = added[i + 2];
    const a3 = added[i + 3];
    const w0 = worst[i];
    const w1 = worst[i + 1];
    const w2 = worst[i + 2];
    const w3 = worst[i + 3];
    const v0 = s0 + a0 - w0;
    const v1 = s1 + a1 - w1;
    const v2 = s2 + a2 - w2;
    const v3 = s3 + a3 - w3;
    sum[i] = v0;
    sum[i + 1] = v1;
    sum[i + 2] = v2;
    sum[i + 3] = v3;
    xbar[i] = v0 / n;
    xbar[i + 1] = v1 / n;
    xbar[i + 2] = v2 / n;
    xbar[i + 3] = v3 / n;
    z += v0 - v0 + (v1 - v1) + (v2 - v2 + (v3 - v3));
  }
  for (; i < n; i++) {
    const v = sum[i] + added[i] - worst[i];
    sum[i] = v;
    xbar[i] = v / n;
    z += v - v;
  }
  return z === 0;
}

/**
 * t = a * xbar - b * last: scipy's reflection, expansion and outside contraction. The inside
 * contraction's (1 - psi) xbar + psi sim[-1] is the same with b = -psi (x - (-y) is x + y exactly).
 */
function trialPoint(
  t: Float64Array,
  a: number,
  xbar: Float64Array,
  b: number,
  last: Float64Array,
): Float64Array {
  const n = t.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = xbar[i];
    const x1 = xbar[i + 1];
    const x2 = xbar[i + 2];
    const x3 = xbar[i + 3];
    const l0 = last[i];
    const l1 = last[i + 1];
    const l2 = last[i + 2];
    const l3 = last[i + 3];
    t[i] = a * x0 - b * l0;
    t[i + 1] = a * x1 - b * l1;
    t[i + 2] = a * x2 - b * l2;
    t[i + 3] = a * x3 - b * l3;
  }
  for (; i < n; i++) t[i] = a * xbar[i] - b * last[i];
  return t;
}

/** options.initialSimplex as N+1 rows of N values (nested arrays, typed-array rows or an NDArray). */
function flattenSimplex(is: unknown, n: number): Float64Array {
  const out: number[] = [];
  try {
    flatten(is, out);
  } catch {
    throw rangeError(
      'minimize(method="Nelder-Mead"): options.initialSimplex must be an array of numbers.',
    );
  }
  if (out.length !== (n + 1) * n) {
    throw rangeError(
      `minimize(method="Nelder-Mead"): options.initialSimplex should be an array of shape [N+1, N] = [${n + 1}, ${n}].`,
    );
  }
  return new Float64Array(out);
}
