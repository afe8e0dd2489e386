import { powInt } from "./exactSolve.js";
import { stencilWeights } from "./stencil.js";

/** scipy's termination codes for `derivative`. */
export const CONVERGED = 0;
export const ERROR_INCREASE = -1;
export const MAXITER = -2;
export const NON_FINITE = -3;
const IN_PROGRESS = 1;

export interface EngineParams {
  atol: number;
  rtol: number;
  maxiter: number;
  order: number;
  fac: number;
}

export interface EngineResult {
  df: Float64Array;
  error: Float64Array;
  status: Int32Array;
  nit: Int32Array;
  nfev: Int32Array;
}

/**
 * Evaluates f at `nNew` abscissae for each listed element: `points[r * nNew + k]` belongs to
 * element `rows[r]`; returns the values in the same layout.
 */
export type BatchEvaluator = (points: Float64Array, rows: Int32Array, nNew: number) => Float64Array;

/**
 * scipy.differentiate.derivative's elementwise iteration: an order-`2n` stencil whose step shrinks
 * by `fac` per iteration, reusing all but two evaluations; stops on `error < atol + rtol |df|`,
 * a non-finite estimate, or an error ten times the previous one. With `all`, every element is
 * evaluated every iteration (scipy's preserve_shape), else only the active ones.
 */
export function runDerivative(
  x: Float64Array,
  fx: Float64Array,
  h0: Float64Array,
  hdir: Float64Array,
  p: EngineParams,
  evaluate: BatchEvaluator,
  all: boolean,
): EngineResult {
  const size = x.length;
  const n = Math.floor((p.order + 1) / 2);
  const c = p.fac;
  const d = Math.sqrt(c);
  const cn1 = powInt(c, n - 1);
  const { central: wc, right: wo } = stencilWeights(n, c);
  const h = Float64Array.from(h0, (v) => (v <= 0 ? Number.NaN : v));
  const df = new Float64Array(size).fill(Number.NaN);
  const dfLast = new Float64Array(size).fill(Number.NaN);
  const error = new Float64Array(size).fill(Number.NaN);
  const errorLast = new Float64Array(size).fill(Number.NaN);
  // Function values per element in flat buffers. Central: each side outer-to-inner (`left`,
  // `right`); one-sided: f(x) then outer-to-inner in `right`. Counts are per element because only
  // active elements are evaluated.
  const capL = n + p.maxiter;
  const capR = hdir.some((v) => v !== 0) ? 1 + 2 * n + 2 * p.maxiter : capL;
  const left = new Float64Array(size * capL);
  const right = new Float64Array(size * capR);
  const nLeft = new Int32Array(size);
  const nRight = new Int32Array(size);
  const cPow = Array.from({ length: n }, (_, k) => powInt(c, k));
  const dPow = Array.from({ length: 2 * n }, (_, k) => powInt(d, k));
  const res: EngineResult = {
    df: new Float64Array(size),
    error: new Float64Array(size),
    status: new Int32Array(size).fill(IN_PROGRESS),
    nit: new Int32Array(size),
    nfev: new Int32Array(size),
  };
  const active = new Uint8Array(size).fill(1);
  let activeCount = size;
  let nit = 0;
  let nfev = 1;
  const fo = new Float64Array(2 * n + 1);
  const fc = new Float64Array(2 * n + 1);

  const record = (e: number, status: number): void => {
    res.df[e] = df[e];
    res.error[e] = error[e];
    res.status[e] = status;
    res.nit[e] = nit;
    res.nfev[e] = nfev;
    active[e] = 0;
    activeCount--;
  };

  while (nit < p.maxiter && activeCount > 0) {
    const nNew = nit === 0 ? 2 * n : 2;
    const rows = new Int32Array(all ? size : activeCount);
    for (let e = 0, r = 0; e < size; e++) if (all || active[e]) rows[r++] = e;
    const points = new Float64Array(rows.length * nNew);
    for (let r = 0; r < rows.length; r++) {
      const e = rows[r];
      const base = r * nNew;
      const dir = hdir[e];
      if (dir === 0) {
        if (nit === 0) {
          for (let k = 0; k < n; k++) {
            const hk = h[e] / cPow[k];
            points[base + n - 1 - k] = x[e] + -hk;
            points[base + n + k] = x[e] + hk;
          }
        } else {
          points[base] = x[e] + -h[e] / cn1;
          points[base + 1] = x[e] + h[e] / cn1;
        }
      } else if (dir > 0 || dir < 0) {
        const sign = dir > 0 ? 1 : -1;
        if (nit === 0)
          for (let k = 0; k < 2 * n; k++) points[base + k] = x[e] + sign * (h[e] / dPow[k]);
        else {
          points[base] = x[e] + sign * (h[e] / cn1);
          points[base + 1] = x[e] + sign * (h[e] / d / cn1);
        }
      }
    }
    const f = evaluate(points, rows, nNew);
    nfev += nNew;
    for (let r = 0; r < rows.length; r++) {
      const e = rows[r];
      const base = r * nNew;
      const dir = hdir[e];
      dfLast[e] = df[e];
      if (dir === 0) {
        const l0 = e * capL;
        const r0 = e * capR;
        if (nit === 0) {
          for (let k = n - 1; k >= 0; k--) left[l0 + nLeft[e]++] = f[base + k];
          for (let k = 0; k < n; k++) right[r0 + nRight[e]++] = f[base + n + k];
        } else {
          left[l0 + nLeft[e]++] = f[base];
          right[r0 + nRight[e]++] = f[base + 1];
        }
        const lEnd = l0 + nLeft[e] - 1;
        const rStart = r0 + nRight[e] - n;
        for (let k = 0; k < n; k++) fc[k] = left[lEnd - k];
        // scipy's centre slot holds f(x) first, then a stale outer value; its weight is 0
        fc[n] = nit === 0 ? fx[e] : left[lEnd - n];
        for (let k = 0; k < n; k++) fc[n + 1 + k] = right[rStart + k];
        let s = 0;
        for (let k = 0; k <= 2 * n; k++) s += fc[k] * wc[k];
        df[e] = s / h[e];
      } else if (dir > 0 || dir < 0) {
        const r0 = e * capR;
        if (nit === 0) {
          right[r0 + nRight[e]++] = fx[e];
          for (let k = 0; k < 2 * n; k++) right[r0 + nRight[e]++] = f[base + k];
        } else {
          right[r0 + nRight[e]++] = f[base];
          right[r0 + nRight[e]++] = f[base + 1];
        }
        fo[0] = right[r0];
        const start = r0 + nRight[e] - 2 * n;
        for (let k = 0; k < 2 * n; k++) fo[1 + k] = right[start + k];
        let s = 0;
        for (let k = 0; k <= 2 * n; k++) s += fo[k] * wo[k];
        df[e] = dir < 0 ? -(s / h[e]) : s / h[e];
      } else df[e] = Number.NaN;
      h[e] /= c;
      errorLast[e] = error[e];
      error[e] = Math.abs(df[e] - dfLast[e]);
    }
    nit++;
    for (let e = 0; e < size; e++) {
      if (!active[e]) continue;
      if (error[e] < p.atol + p.rtol * Math.abs(df[e])) record(e, CONVERGED);
      else if (!(Number.isFinite(x[e]) && Number.isFinite(df[e]))) {
        df[e] = Number.NaN;
        record(e, NON_FINITE);
      } else if (error[e] > errorLast[e] * 10) record(e, ERROR_INCREASE);
    }
  }
  for (let e = 0; e < size; e++) if (active[e]) record(e, MAXITER);
  return res;
}
