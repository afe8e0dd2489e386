import { checkOptions, rangeError } from "@nabla/ndarray";
import { HessianUpdateStrategy } from "../hessianUpdateStrategy.js";
import {
  mat,
  numOpt,
  type Problem,
  prepareScalarFunction,
  STATUS_MESSAGES,
  vec,
} from "../internal/problem.js";
import type { HessianValue, ScalarFunction } from "../internal/scalarFunction.js";
import { dot, nrm2 } from "../internal/vec.js";
import { OptimizeResult } from "../optimizeResult.js";

/** Thrown by a subproblem solver when the Hessian model cannot be factored (scipy's LinAlgError). */
export class SubproblemLinAlgError extends Error {}

/** The quadratic model at x, evaluating f, g and H lazily (scipy's BaseQuadraticSubproblem). */
export class QuadraticSubproblem {
  private f: number | null = null;
  private g: Float64Array | null = null;
  private h: Float64Array | null = null;
  private gMag: number | null = null;
  readonly n: number;

  constructor(
    readonly x: Float64Array,
    private readonly sf: ScalarFunction,
    private readonly hessDense: boolean,
    private readonly hesspFn: ((x: Float64Array, p: Float64Array) => Float64Array) | null,
  ) {
    this.n = x.length;
  }

  get fun(): number {
    if (this.f === null) this.f = this.sf.fun(this.x);
    return this.f;
  }

  get jac(): Float64Array {
    if (this.g === null) this.g = this.sf.grad(this.x);
    return this.g;
  }

  get hess(): Float64Array {
    if (this.h === null) {
      if (!this.hessDense) throw new SubproblemLinAlgError("a dense Hessian is required");
      this.h = ((this.sf.hess(this.x) as HessianValue).dense as Float64Array).slice();
    }
    return this.h;
  }

  get hasHess(): boolean {
    return this.hessDense;
  }

  hessp(p: Float64Array): Float64Array {
    if (this.hesspFn !== null) return this.hesspFn(this.x, p);
    const h = this.hess;
    const n = this.n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += h[i * n + j] * p[j];
      out[i] = s;
    }
    return out;
  }

  get jacMag(): number {
    if (this.gMag === null) this.gMag = nrm2(this.jac);
    return this.gMag;
  }

  /** m(p) = f + gᵀp + ½ pᵀBp */
  model(p: Float64Array): number {
    return this.fun + dot(this.jac, p) + 0.5 * dot(p, this.hessp(p));
  }

  /** The two t with ‖z + t d‖ = radius, sorted (stable quadratic formula). */
  boundariesIntersections(z: Float64Array, d: Float64Array, radius: number): [number, number] {
    const a = dot(d, d);
    const b = 2 * dot(z, d);
    const c = dot(z, z) - radius ** 2;
    const sqrtDiscriminant = Math.sqrt(b * b - 4 * a * c);
    const aux = b + (b < 0 || Object.is(b, -0) ? -sqrtDiscriminant : sqrtDiscriminant);
    const ta = -aux / (2 * a);
    const tb = (-2 * c) / aux;
    return ta <= tb ? [ta, tb] : [tb, ta];
  }
}

export interface Subproblem {
  solve(radius: number): [Float64Array, boolean];
}

export type SubproblemFactory = (m: QuadraticSubproblem, o: Record<string, unknown>) => Subproblem;

export const TRUST_OPTIONS = [
  "initialTrustRadius",
  "maxTrustRadius",
  "eta",
  "gtol",
  "maxiter",
  "disp",
  "returnAll",
] as const;

/** scipy's _minimize_trust_region driver. */
export function minimizeTrustRegion(
  p: Problem,
  o: Record<string, unknown>,
  solverFactory: SubproblemFactory,
  extraOptions: readonly string[] = [],
): OptimizeResult {
  const name = p.method;
  checkOptions(`minimize(method="${name}")`, o, [...TRUST_OPTIONS, ...extraOptions]);
  const initialTrustRadius = numOpt(name, o, "initialTrustRadius", 1.0);
  const maxTrustRadius = numOpt(name, o, "maxTrustRadius", 1000.0);
  const eta = numOpt(name, o, "eta", 0.15);
  const gtol = numOpt(name, o, "gtol", 1e-4);
  const maxiter = numOpt(name, o, "maxiter", 200 * p.n);
  const returnAll = Boolean(o.returnAll);
  if (!(eta >= 0 && eta < 0.25))
    throw rangeError(
      `minimize(method="${name}"): invalid acceptance stringency: options.eta must be in [0, 0.25), got ${eta}.`,
    );
  if (maxTrustRadius <= 0)
    throw rangeError(
      `minimize(method="${name}"): the max trust radius must be positive, got ${maxTrustRadius}.`,
    );
  if (initialTrustRadius <= 0)
    throw rangeError(
      `minimize(method="${name}"): the initial trust radius must be positive, got ${initialTrustRadius}.`,
    );
  if (initialTrustRadius >= maxTrustRadius) {
    throw rangeError(
      `minimize(method="${name}"): the initial trust radius must be less than the max trust radius (${initialTrustRadius} >= ${maxTrustRadius}).`,
    );
  }

  const sf = prepareScalarFunction(p, null, null, true);
  let nhessp = 0;
  let hessDense = false;
  let hesspFn: ((x: Float64Array, p: Float64Array) => Float64Array) | null = null;
  if (typeof p.hess === "function") hessDense = true;
  if (p.hessp !== null) {
    const user = p.hessp;
    hesspFn = (x, v) => {
      nhessp++;
      return user(new Float64Array(x), v);
    };
  } else if (hessDense) {
    // products come from the dense Hessian
  } else if (
    p.hess === "2-point" ||
    p.hess === "3-point" ||
    p.hess instanceof HessianUpdateStrategy
  ) {
    hesspFn = (x, v) => {
      nhessp++;
      const h = sf.hess(x);
      return h instanceof HessianUpdateStrategy ? h.dot(v) : h.matvec(v);
    };
  }

  let radius = initialTrustRadius;
  let x = p.x0;
  const allvecs = returnAll ? [vec(x)] : undefined;
  let m = new QuadraticSubproblem(x, sf, hessDense, hesspFn);
  let solver = solverFactory(m, o);
  let k = 0;
  let warnflag = 0;
  while (m.jacMag >= gtol) {
    let step: Float64Array;
    let hitsBoundary: boolean;
    try {
      [step, hitsBoundary] = solver.solve(radius);
    } catch (e) {
      if (e instanceof SubproblemLinAlgError) {
        warnflag = 3;
        break;
      }
      throw e;
    }
    const predictedValue = m.model(step);
    const xProposed = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) xProposed[i] = x[i] + step[i];
    const mProposed = new QuadraticSubproblem(xProposed, sf, hessDense, hesspFn);
    const solverProposed = solverFactory(mProposed, o);
    const actualReduction = m.fun - mProposed.fun;
    const predictedReduction = m.fun - predictedValue;
    if (predictedReduction <= 0) {
      warnflag = 2;
      break;
    }
    const rho = actualReduction / predictedReduction;
    if (rho < 0.25) radius *= 0.25;
    else if (rho > 0.75 && hitsBoundary) radius = Math.min(2 * radius, maxTrustRadius);
    if (rho > eta) {
      x = xProposed;
      m = mProposed;
      solver = solverProposed;
    }
    allvecs?.push(vec(x));
    k++;
    if (p.callback?.(x, m.fun)) break;
    if (m.jacMag < gtol) {
      warnflag = 0;
      break;
    }
    if (k >= maxiter) {
      warnflag = 1;
      break;
    }
  }
  const messages = [
    STATUS_MESSAGES.success,
    STATUS_MESSAGES.maxiter,
    "A bad approximation caused failure to predict improvement.",
    "A linalg error occurred, such as a non-psd Hessian.",
  ];
  const res = new OptimizeResult({
    x: vec(x),
    success: warnflag === 0,
    status: warnflag,
    fun: m.fun,
    jac: vec(m.jac),
    nfev: sf.nfev,
    njev: sf.ngev,
    // scipy's ScalarFunction evaluates a placeholder Hessian once when only hessp is given
    nhev: sf.nhev + nhessp + (p.hess === null ? 1 : 0),
    nit: k,
    message: messages[warnflag],
  });
  if (hessDense) res.hess = mat(m.hess, p.n);
  if (allvecs) res.allvecs = allvecs;
  return res;
}
