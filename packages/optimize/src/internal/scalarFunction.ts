import { HessianUpdateStrategy } from "../hessianUpdateStrategy.js";
import { copyF64 } from "./alloc.js";
import { approxGradient, type FDMethod, fdHessianOperator } from "./numdiff.js";
import { arrayEqual } from "./vec.js";

/** A Hessian as the methods see it: dense (row-major) or only its action on vectors. */
export interface HessianValue {
  dense: Float64Array | null;
  matvec(p: Float64Array): Float64Array;
}

export function denseHessian(m: Float64Array, n: number): HessianValue {
  return {
    dense: m,
    matvec(p) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += m[i * n + j] * p[j];
        out[i] = s;
      }
      return out;
    },
  };
}

export type GradSpec = ((x: Float64Array) => Float64Array) | FDMethod;
export type HessSpec =
  | ((x: Float64Array) => Float64Array)
  | FDMethod
  | HessianUpdateStrategy
  | null;

export interface ScalarFunctionOptions {
  /** Absolute FD step (scipy's `epsilon`), or null for relative steps. */
  epsilon: number | Float64Array | null;
  finiteDiffRelStep: number | Float64Array | null;
  lb: Float64Array | null;
  ub: Float64Array | null;
}

/**
 * scipy's ScalarFunction: caches f, g and H at the last x (compared exactly), counts
 * evaluations the way scipy does (FD evaluations go into nfev; a gradient counts once in njev).
 */
export class ScalarFunction {
  readonly n: number;
  x: Float64Array;
  f = Number.NaN;
  g: Float64Array;
  H: HessianValue | HessianUpdateStrategy | null = null;
  private fUpdated = false;
  private gUpdated = false;
  private hUpdated = false;
  private directNfev = 0;
  private fdNfev = 0;
  ngev = 0;
  nhev = 0;
  private xPrev: Float64Array | null = null;
  private gPrev: Float64Array | null = null;

  constructor(
    private readonly userFun: (x: Float64Array) => number,
    x0: Float64Array,
    private readonly gradSpec: GradSpec,
    private readonly hessSpec: HessSpec,
    private readonly opts: ScalarFunctionOptions,
  ) {
    this.n = x0.length;
    this.x = new Float64Array(x0);
    this.g = new Float64Array(this.n);
    this.updateFun();
    this.updateGrad();
    if (hessSpec instanceof HessianUpdateStrategy) {
      hessSpec.initialize(this.n, "hess");
      this.H = hessSpec;
      this.hUpdated = true;
    } else if (typeof hessSpec === "function") {
      this.H = denseHessian(hessSpec(new Float64Array(x0)), this.n);
      this.nhev++;
      this.hUpdated = true;
    } else if (hessSpec === "2-point" || hessSpec === "3-point") {
      this.updateGrad();
      this.H = this.fdHess();
      this.hUpdated = true;
    }
  }

  get nfev(): number {
    return this.directNfev + this.fdNfev;
  }

  private fdHess(): HessianValue {
    const user = this.gradSpec as (x: Float64Array) => Float64Array;
    // scipy differences its counted gradient wrapper, so these evaluations show up in njev
    const grad = (x: Float64Array) => {
      this.ngev++;
      return user(x);
    };
    const rel =
      typeof this.opts.finiteDiffRelStep === "number" ? this.opts.finiteDiffRelStep : null;
    return {
      dense: null,
      matvec: fdHessianOperator(
        grad,
        new Float64Array(this.x),
        this.g,
        this.hessSpec as FDMethod,
        rel,
      ),
    };
  }

  private updateX(x: Float64Array, owned: boolean): void {
    if (this.hessSpec instanceof HessianUpdateStrategy) {
      this.updateGrad();
      this.xPrev = this.x;
      this.gPrev = this.g;
      this.x = owned ? x : copyF64(x);
      this.fUpdated = this.gUpdated = this.hUpdated = false;
      this.updateHess();
    } else {
      this.x = owned ? x : copyF64(x);
      this.fUpdated = this.gUpdated = this.hUpdated = false;
    }
  }

  private updateFun(): void {
    if (!this.fUpdated) {
      this.f = this.userFun(this.x);
      this.directNfev++;
      this.fUpdated = true;
    }
  }

  private updateGrad(): void {
    if (!this.gUpdated) {
      if (typeof this.gradSpec === "function") {
        // the user's gradient sees its own copy (minimize wraps x), and this.x is never written
        this.g = this.gradSpec(this.x);
      } else {
        this.updateFun();
        const { g, nfev } = approxGradient(this.userFun, this.x, this.f, {
          method: this.gradSpec,
          relStep: this.opts.epsilon === null ? this.opts.finiteDiffRelStep : null,
          absStep: this.opts.epsilon,
          lb: this.opts.lb,
          ub: this.opts.ub,
        });
        this.g = g;
        this.fdNfev += nfev;
      }
      this.ngev++;
      this.gUpdated = true;
    }
  }

  private updateHess(): void {
    if (this.hUpdated) return;
    const spec = this.hessSpec;
    if (spec === "2-point" || spec === "3-point") {
      this.updateGrad();
      this.H = this.fdHess();
    } else if (spec instanceof HessianUpdateStrategy) {
      this.updateGrad();
      const n = this.n;
      const dx = new Float64Array(n);
      const dg = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        dx[i] = this.x[i] - (this.xPrev as Float64Array)[i];
        dg[i] = this.g[i] - (this.gPrev as Float64Array)[i];
      }
      spec.update(dx, dg);
    } else if (typeof spec === "function") {
      this.nhev++;
      this.H = denseHessian(spec(new Float64Array(this.x)), this.n);
    }
    this.hUpdated = true;
  }

  /**
   * f at x. `owned`: the caller hands x over (a fresh array nobody writes to later), so it is
   * kept as the cached point instead of copied.
   */
  fun(x: Float64Array, owned = false): number {
    if (!arrayEqual(x, this.x)) this.updateX(x, owned);
    this.updateFun();
    return this.f;
  }

  grad(x: Float64Array, owned = false): Float64Array {
    if (!arrayEqual(x, this.x)) this.updateX(x, owned);
    this.updateGrad();
    return this.g;
  }

  hess(x: Float64Array): HessianValue | HessianUpdateStrategy {
    if (!arrayEqual(x, this.x)) this.updateX(x, false);
    this.updateHess();
    return this.H as HessianValue | HessianUpdateStrategy;
  }

  funAndGrad(x: Float64Array): [number, Float64Array] {
    if (!arrayEqual(x, this.x)) this.updateX(x, false);
    this.updateFun();
    this.updateGrad();
    return [this.f, this.g];
  }
}
