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
  // The vertices live in one flat buffer (sim holds views of its rows), so the centroid loop reads
  // a single array; rowOff[j] is where sim[j] starts.
  const S = new Float64Array((N + 1) * N);
  for (let j = 0; j <= N; j++) S.set(sim[j], j * N);
  sim = sim.map((_, j) => S.subarray(j * N, (j + 1) * N));
  const rowOff = Int32Array.from({ length: N + 1 }, (_, j) => j * N);
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
  const simTmp: Float64Array[] = sim.slice();
  const offTmp = new Int32Array(N + 1);
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
    const row = sim[N];
    const off = rowOff[N];
    fsim.copyWithin(pos + 1, pos, N);
    rowOff.copyWithin(pos + 1, pos, N);
    for (let j = N; j > pos; j--) sim[j] = sim[j - 1];
    fsim[pos] = v;
    sim[pos] = row;
    rowOff[pos] = off;
    return true;
  };
  const sortSim = () => {
    npArgsort(fsim, N + 1, order);
    for (let j = 0; j <= N; j++) {
      fsimTmp[j] = fsim[order[j]];
      simTmp[j] = sim[order[j]];
      offTmp[j] = rowOff[order[j]];
    }
    for (let j = 0; j <= N; j++) {
      fsim[j] = fsimTmp[j];
      sim[j] = simTmp[j];
      rowOff[j] = offTmp[j];
    }
  };
  try {
    for (let k = 0; k <= N; k++) fsim[k] = func(sim[k]);
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
  // the row views tells which rows changed; a shrink rewrites them all.)
  const xbar = new Float64Array(N);
  const sum = new Float64Array(N);
  const blocks = Math.floor(N / 8);
  const partial = new Float64Array(blocks * N);
  const summed: (Float64Array | null)[] = new Array(N + 1).fill(null);
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
      const worst = sim[N];
      // the new vertex is the worst: the best N, their sum and xbar are as they were
      if (worst === summed[N]) return;
      // summed[N] (the vertex written last iteration) joined the best N, `worst` left them
      const added = summed[N] as Float64Array;
      let finite = true;
      for (let i = 0; i < N; i++) {
        const v = sum[i] + added[i] - worst[i];
        sum[i] = v;
        xbar[i] = v / N;
        if (!Number.isFinite(v)) finite = false;
      }
      summed[N] = worst;
      // an infinite coordinate leaving the sum would leave Inf - Inf = NaN: sum afresh instead
      if (finite) return;
    }
    if (running) summedValid = false; // rows may have been rewritten since the last full sum
    sinceFull = 0;
    let first = 0;
    if (summedValid) while (first < N && sim[first] === summed[first]) first++;
    if (first < N) {
      let b = first >> 3;
      if (b > 0) sum.set(partial.subarray((b - 1) * N, b * N));
      else sum.fill(0);
      let j = b * 8;
      for (; b < blocks; b++, j += 8) {
        const o0 = rowOff[j];
        const o1 = rowOff[j + 1];
        const o2 = rowOff[j + 2];
        const o3 = rowOff[j + 3];
        const o4 = rowOff[j + 4];
        const o5 = rowOff[j + 5];
        const o6 = rowOff[j + 6];
        const o7 = rowOff[j + 7];
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
        const o = rowOff[j];
        for (let i = 0; i < N; i++) sum[i] += S[o + i];
      }
      for (let j = 0; j <= N; j++) summed[j] = sim[j];
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
        const s0 = sim[0];
        for (let j = 1; j <= N && small; j++) {
          const sj = sim[j];
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
      const last = sim[N];
      // scipy's a * xbar - b * sim[-1] (the inside contraction adds: (1 - psi) xbar + psi sim[-1])
      const trial = (a: number, b: number, add: boolean, t: Float64Array): Float64Array => {
        if (add) for (let i = 0; i < N; i++) t[i] = a * xbar[i] + b * last[i];
        else for (let i = 0; i < N; i++) t[i] = a * xbar[i] - b * last[i];
        return clip(t);
      };
      const xr = trial(1 + rho, rho, false, bufR);
      const fxr = func(xr);
      let doshrink = false;
      if (fxr < fsim[0]) {
        const xe = trial(1 + rho * chi, rho * chi, false, bufE);
        const fxe = func(xe);
        if (fxe < fxr) {
          sim[N].set(xe);
          fsim[N] = fxe;
        } else {
          sim[N].set(xr);
          fsim[N] = fxr;
        }
      } else if (fxr < fsim[N - 1]) {
        sim[N].set(xr);
        fsim[N] = fxr;
      } else {
        if (fxr < fsim[N]) {
          const xc = trial(1 + psi * rho, psi * rho, false, bufC);
          const fxc = func(xc);
          if (fxc <= fxr) {
            sim[N].set(xc);
            fsim[N] = fxc;
          } else doshrink = true;
        } else {
          const xcc = trial(1 - psi, psi, true, bufC);
          const fxcc = func(xcc);
          if (fxcc < fsim[N]) {
            sim[N].set(xcc);
            fsim[N] = fxcc;
          } else doshrink = true;
        }
        if (doshrink) {
          shrunk = true;
          summedValid = false;
          const s0 = sim[0];
          for (let j = 1; j <= N; j++) {
            // in place: no one else holds the vertices (results and callbacks get copies)
            const r = sim[j];
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
    allvecs?.push(vec(sim[0]));
    if (p.callback?.(sim[0], fsim[0])) break;
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
  for (let j = 0; j <= N; j++) flatSim.set(sim[j], j * N);
  const res = new OptimizeResult({
    fun: fval,
    nit: iterations,
    nfev: fcalls,
    status: warnflag,
    success: warnflag === 0,
    message: msg,
    x: vec(sim[0]),
    finalSimplex: [new NDArray(flatSim, [N + 1, N]), new NDArray(new Float64Array(fsim), [N + 1])],
  } as never);
  if (allvecs) res.allvecs = allvecs;
  return res;
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
