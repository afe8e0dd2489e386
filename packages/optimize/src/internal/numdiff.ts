// Forward/central finite differences with scipy's step rules (scipy.optimize._numdiff).

const EPS = 2.220446049250313e-16;

export type FDMethod = "2-point" | "3-point";

export function epsForMethod(method: FDMethod): number {
  return method === "2-point" ? Math.sqrt(EPS) : EPS ** (1 / 3);
}

export interface FDOptions {
  method: FDMethod;
  /** Relative step (scalar or per-coordinate), or null for scipy's default. */
  relStep: number | Float64Array | null;
  /** Absolute step, or null to use the relative rule. */
  absStep: number | Float64Array | null;
  lb: Float64Array | null;
  ub: Float64Array | null;
}

function at(v: number | Float64Array, i: number): number {
  return typeof v === "number" ? v : v[i];
}

/** The steps h (and which coordinates must use one-sided differences). */
function steps(x0: Float64Array, o: FDOptions): { h: Float64Array; oneSided: Uint8Array } {
  const n = x0.length;
  const h = new Float64Array(n);
  const rstep = epsForMethod(o.method);
  for (let i = 0; i < n; i++) {
    const sign = x0[i] >= 0 ? 1 : -1;
    const fallback = rstep * sign * Math.max(1, Math.abs(x0[i]));
    if (o.absStep !== null) {
      const hi = at(o.absStep, i);
      h[i] = x0[i] + hi - x0[i] === 0 ? fallback : hi;
    } else if (o.relStep !== null) {
      const hi = at(o.relStep, i) * sign * Math.abs(x0[i]);
      h[i] = x0[i] + hi - x0[i] === 0 ? fallback : hi;
    } else {
      h[i] = fallback;
    }
  }
  const oneSided = new Uint8Array(n).fill(o.method === "2-point" ? 1 : 0);
  if (o.lb === null || o.ub === null) return { h, oneSided };
  let unbounded = true;
  for (let i = 0; i < n; i++)
    if (o.lb[i] !== Number.NEGATIVE_INFINITY || o.ub[i] !== Number.POSITIVE_INFINITY)
      unbounded = false;
  if (unbounded) return { h, oneSided };
  // scipy's _adjust_scheme_to_bounds
  for (let i = 0; i < n; i++) {
    const lower = x0[i] - o.lb[i];
    const upper = o.ub[i] - x0[i];
    if (o.method === "2-point") {
      const x = x0[i] + h[i];
      const violated = x < o.lb[i] || x > o.ub[i];
      const fitting = Math.abs(h[i]) <= Math.max(lower, upper);
      if (violated && fitting) h[i] = -h[i];
      else if (!fitting) h[i] = upper >= lower ? upper : -lower;
    } else {
      const hi = Math.abs(h[i]);
      h[i] = hi;
      const central = lower >= hi && upper >= hi;
      if (!central) {
        if (upper >= lower) h[i] = Math.min(hi, 0.5 * upper);
        else h[i] = -Math.min(hi, 0.5 * lower);
        oneSided[i] = 1;
        const minDist = Math.min(upper, lower);
        if (Math.abs(h[i]) <= minDist) {
          h[i] = minDist;
          oneSided[i] = 0;
        }
      }
    }
  }
  return { h, oneSided };
}

/** Gradient of a scalar function by finite differences; returns the evaluations it spent. */
export function approxGradient(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  f0: number,
  o: FDOptions,
): { g: Float64Array; nfev: number } {
  const n = x0.length;
  const { h, oneSided } = steps(x0, o);
  const g = new Float64Array(n);
  const x = new Float64Array(x0);
  let nfev = 0;
  for (let i = 0; i < n; i++) {
    if (o.method === "2-point") {
      x[i] = x0[i] + h[i];
      const f1 = f(x);
      nfev++;
      g[i] = (f1 - f0) / (x0[i] + h[i] - x0[i]);
    } else if (oneSided[i]) {
      x[i] = x0[i] + h[i];
      const f1 = f(x);
      x[i] = x0[i] + 2 * h[i];
      const f2 = f(x);
      nfev += 2;
      g[i] = (-3.0 * f0 + 4 * f1 - f2) / (x0[i] + 2 * h[i] - x0[i]);
    } else {
      x[i] = x0[i] - h[i];
      const f1 = f(x);
      x[i] = x0[i] + h[i];
      const f2 = f(x);
      nfev += 2;
      g[i] = (f2 - f1) / (x0[i] + h[i] - (x0[i] - h[i]));
    }
    x[i] = x0[i];
  }
  return { g, nfev };
}

/** Hessian-vector products by differencing the gradient along p (scipy's linear-operator FD). */
export function fdHessianOperator(
  grad: (x: Float64Array) => Float64Array,
  x0: Float64Array,
  g0: Float64Array,
  method: FDMethod,
  relStep: number | null,
): (p: Float64Array) => Float64Array {
  const h = relStep ?? epsForMethod(method);
  const n = x0.length;
  return (p) => {
    let pp = 0;
    let zero = true;
    for (let i = 0; i < n; i++) {
      pp += p[i] * p[i];
      if (p[i] !== 0) zero = false;
    }
    const out = new Float64Array(n);
    if (zero) return out;
    const pn = Math.sqrt(pp);
    const x = new Float64Array(n);
    if (method === "2-point") {
      const dx = h / pn;
      for (let i = 0; i < n; i++) x[i] = x0[i] + dx * p[i];
      const g = grad(x);
      for (let i = 0; i < n; i++) out[i] = (g[i] - g0[i]) / dx;
    } else {
      const dx = (2 * h) / pn;
      for (let i = 0; i < n; i++) x[i] = x0[i] - (dx / 2) * p[i];
      const g1 = grad(x);
      for (let i = 0; i < n; i++) x[i] = x0[i] + (dx / 2) * p[i];
      const g2 = grad(x);
      for (let i = 0; i < n; i++) out[i] = (g2[i] - g1[i]) / dx;
    }
    return out;
  };
}
