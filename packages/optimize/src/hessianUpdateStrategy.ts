import { NDArray, rangeError } from "@nabla/ndarray";
import { dot, eyeFlat, norm2 } from "./internal/vec.js";

/**
 * Base of the quasi-Newton Hessian approximations ({@link BFGS}, {@link SR1}) that the trust-region
 * methods accept as `hess` (scipy's `HessianUpdateStrategy`). The object is updated in place by
 * the optimizer, so pass a fresh instance to every `minimize` call.
 * @example
 * minimize(f, x0, { method: "trust-exact", jac: df, hess: new SR1() });
 */
export abstract class HessianUpdateStrategy {
  /** "hess" (approximates B) or "inv_hess" (approximates H = B⁻¹). */
  approxType: "hess" | "inv_hess" = "hess";
  protected n = 0;
  protected firstIteration = true;
  /** Row-major n×n matrix (B or H, whichever `approxType` selects). */
  protected m: Float64Array = new Float64Array(0);
  protected readonly initScale: number | "auto";

  constructor(initScale: number | "auto" = "auto") {
    if (initScale !== "auto" && (typeof initScale !== "number" || !Number.isFinite(initScale))) {
      throw rangeError(
        `HessianUpdateStrategy: initScale must be "auto" or a finite number, got ${String(initScale)}.`,
      );
    }
    this.initScale = initScale;
  }

  /**
   * Starts the approximation at the identity.
   * @example
   * const b = new BFGS(); b.initialize(2, "hess");
   */
  initialize(n: number, approxType: "hess" | "inv_hess"): void {
    if (approxType !== "hess" && approxType !== "inv_hess") {
      throw rangeError(
        `HessianUpdateStrategy.initialize: approxType must be "hess" or "inv_hess", got ${String(approxType)}.`,
      );
    }
    this.firstIteration = true;
    this.n = n;
    this.approxType = approxType;
    this.m = eyeFlat(n);
  }

  protected autoScale(s: Float64Array, y: Float64Array): number {
    const ss = dot(s, s);
    const yy = dot(y, y);
    const ys = Math.abs(dot(y, s));
    if (ys === 0 || yy === 0 || ss === 0) return 1;
    return this.approxType === "hess" ? yy / ys : ys / yy;
  }

  /**
   * Updates the approximation from a step `deltaX` and the gradient change `deltaGrad`.
   * @example
   * b.update(new Float64Array([1, 0]), new Float64Array([2, 0]));
   */
  update(deltaX: Float64Array, deltaGrad: Float64Array): void {
    if (deltaX.every((v) => v === 0)) return;
    if (deltaGrad.every((v) => v === 0)) return;
    if (this.firstIteration) {
      const scale = this.initScale === "auto" ? this.autoScale(deltaX, deltaGrad) : this.initScale;
      for (let i = 0; i < this.m.length; i++) this.m[i] *= scale;
      this.firstIteration = false;
    }
    this.updateImplementation(deltaX, deltaGrad);
  }

  protected abstract updateImplementation(deltaX: Float64Array, deltaGrad: Float64Array): void;

  /**
   * The approximation times `p`.
   * @example
   * b.dot(new Float64Array([1, 0]));
   */
  dot(p: Float64Array): Float64Array {
    const n = this.n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += this.m[i * n + j] * p[j];
      out[i] = s;
    }
    return out;
  }

  /**
   * The approximation as a dense n×n NDArray.
   * @example
   * b.getMatrix(); // array([[1., 0.], [0., 1.]]) right after initialize
   */
  getMatrix(): NDArray {
    return new NDArray(new Float64Array(this.m), [this.n, this.n]);
  }

  /** Rank-one symmetric update M += a v vᵀ. */
  protected syr(a: number, v: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) this.m[i * n + j] += a * v[i] * v[j];
  }
}

/**
 * The BFGS quasi-Newton Hessian approximation (scipy.optimize.BFGS), for `hess` of the
 * trust-region methods. `exceptionStrategy` "skip_update" (default, minCurvature 1e-8) or
 * "damp_update" (minCurvature 0.2) handles steps with too little curvature.
 * @example
 * minimize(rosen, [1, 0], { method: "trust-exact", jac: rosenDer, hess: new BFGS() });
 */
export class BFGS extends HessianUpdateStrategy {
  readonly exceptionStrategy: "skip_update" | "damp_update";
  readonly minCurvature: number;

  constructor(
    options: {
      exceptionStrategy?: "skip_update" | "damp_update";
      minCurvature?: number;
      initScale?: number | "auto";
    } = {},
  ) {
    super(options.initScale ?? "auto");
    const strategy = options.exceptionStrategy ?? "skip_update";
    if (strategy !== "skip_update" && strategy !== "damp_update") {
      throw rangeError(
        `BFGS: exceptionStrategy must be "skip_update" or "damp_update", got ${String(strategy)}.`,
      );
    }
    this.exceptionStrategy = strategy;
    this.minCurvature = options.minCurvature ?? (strategy === "skip_update" ? 1e-8 : 0.2);
  }

  protected updateImplementation(deltaX: Float64Array, deltaGrad: Float64Array): void {
    const hessMode = this.approxType === "hess";
    const w = hessMode ? deltaX : deltaGrad;
    let z = hessMode ? deltaGrad : deltaX;
    let wz = dot(w, z);
    let mw = this.dot(w);
    let wmw = dot(mw, w);
    if (wmw <= 0) {
      const scale = this.autoScale(deltaX, deltaGrad);
      this.m = eyeFlat(this.n);
      for (let i = 0; i < this.m.length; i++) this.m[i] *= scale;
      mw = this.dot(w);
      wmw = dot(mw, w);
    }
    if (wz <= this.minCurvature * wmw) {
      if (this.exceptionStrategy === "skip_update") return;
      const factor = (1 - this.minCurvature) / (1 - wz / wmw);
      const zz = new Float64Array(z.length);
      for (let i = 0; i < z.length; i++) zz[i] = factor * z[i] + (1 - factor) * mw[i];
      z = zz;
      wz = dot(w, z);
    }
    if (hessMode) {
      this.syr(1 / wz, z);
      this.syr(-1 / wmw, mw);
    } else {
      // H += -(1/ys) (s Hyᵀ + Hy sᵀ) + ((ys + yHy)/ys²) s sᵀ
      const n = this.n;
      const a = -1 / wz;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) this.m[i * n + j] += a * (z[i] * mw[j] + mw[i] * z[j]);
      this.syr((wz + wmw) / (wz * wz), z);
    }
  }
}

/**
 * The symmetric-rank-1 quasi-Newton Hessian approximation (scipy.optimize.SR1); it can become
 * indefinite, so pair it with trust-exact, trust-ncg or trust-krylov.
 * @example
 * minimize(rosen, [1, 0], { method: "trust-ncg", jac: rosenDer, hess: new SR1() });
 */
export class SR1 extends HessianUpdateStrategy {
  readonly minDenominator: number;

  constructor(options: { minDenominator?: number; initScale?: number | "auto" } = {}) {
    super(options.initScale ?? "auto");
    this.minDenominator = options.minDenominator ?? 1e-8;
  }

  protected updateImplementation(deltaX: Float64Array, deltaGrad: Float64Array): void {
    const hessMode = this.approxType === "hess";
    const w = hessMode ? deltaX : deltaGrad;
    const z = hessMode ? deltaGrad : deltaX;
    const mw = this.dot(w);
    const r = new Float64Array(z.length);
    for (let i = 0; i < z.length; i++) r[i] = z[i] - mw[i];
    const denominator = dot(w, r);
    if (Math.abs(denominator) <= this.minDenominator * norm2(w) * norm2(r)) return;
    this.syr(1 / denominator, r);
  }
}
