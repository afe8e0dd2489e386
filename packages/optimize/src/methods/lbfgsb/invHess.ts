import { NDArray } from "@nabla/ndarray";
import { copyF64, f64 } from "../../internal/alloc.js";
import { type LbfgsbState, twoLoop } from "./state.js";

/**
 * L-BFGS-B's inverse-Hessian approximation as an operator (scipy's LbfgsInvHessProduct): apply it
 * with `matvec(v)` or get the dense matrix with `todense()`.
 * @example
 * const res = minimize(f, x0, { method: "L-BFGS-B" });
 * (res.hessInv as LbfgsInvHessProduct).todense();
 */
export class LbfgsInvHessProduct {
  /** [n, n] */
  readonly shape: [number, number];
  private readonly ws: Float64Array;
  private readonly wy: Float64Array;
  private readonly rho: Float64Array;

  /** @internal L-BFGS-B builds it from its correction storage. */
  constructor(st: LbfgsbState, nCorrs: number) {
    const n = st.n;
    this.shape = [n, n];
    // scipy reads the first nCorrs storage slots of the circular buffer, in storage order
    this.ws = copyF64(st.ws.subarray(0, nCorrs * n));
    this.wy = copyF64(st.wy.subarray(0, nCorrs * n));
    this.rho = f64(nCorrs);
    for (let k = 0; k < nCorrs; k++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += this.ws[k * n + i] * this.wy[k * n + i];
      this.rho[k] = 1 / d;
    }
  }

  /**
   * The approximate inverse Hessian times v (the two-loop recursion on H0 = I).
   * @example
   * hinv.matvec([1, 0]);
   */
  matvec(v: ArrayLike<number> | NDArray): NDArray {
    const q =
      v instanceof NDArray
        ? new Float64Array(v.toTypedArray() as Float64Array)
        : new Float64Array(v);
    const k = this.rho.length;
    twoLoop(this.ws, this.wy, k, 0, k, this.rho, 1, q, new Float64Array(k));
    return new NDArray(q, [this.shape[0]]);
  }

  /**
   * The dense n×n matrix.
   * @example
   * hinv.todense().shape; // [2, 2]
   */
  todense(): NDArray {
    const n = this.shape[0];
    const out = new Float64Array(n * n);
    const e = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      e.fill(0);
      e[j] = 1;
      const col = this.matvec(e).toTypedArray();
      for (let i = 0; i < n; i++) out[i * n + j] = col[i];
    }
    return new NDArray(out, [n, n]);
  }

  toString(): string {
    return `<${this.shape[0]}x${this.shape[1]} LbfgsInvHessProduct with dtype=float64>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
