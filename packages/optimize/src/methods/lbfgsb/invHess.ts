import { NDArray } from "@nabla/ndarray";
import type { LbfgsbState } from "./state.js";

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
  private readonly sk: Float64Array[];
  private readonly yk: Float64Array[];
  private readonly rho: Float64Array;

  /** @internal L-BFGS-B builds it from its correction storage. */
  constructor(st: LbfgsbState, nCorrs: number) {
    const { n, m } = st;
    this.shape = [n, n];
    // scipy reads the first nCorrs storage slots of the circular buffer
    this.sk = [];
    this.yk = [];
    for (let k = 0; k < nCorrs; k++) {
      const s = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        s[i] = st.ws[i * m + k];
        y[i] = st.wy[i * m + k];
      }
      this.sk.push(s);
      this.yk.push(y);
    }
    this.rho = Float64Array.from(this.sk, (s, k) => {
      let d = 0;
      for (let i = 0; i < n; i++) d += s[i] * this.yk[k][i];
      return 1 / d;
    });
  }

  /**
   * The approximate inverse Hessian times v (the two-loop recursion).
   * @example
   * hinv.matvec([1, 0]);
   */
  matvec(v: ArrayLike<number> | NDArray): NDArray {
    const q =
      v instanceof NDArray
        ? new Float64Array(v.toTypedArray() as Float64Array)
        : new Float64Array(v);
    const n = this.shape[0];
    const k = this.sk.length;
    const alpha = new Float64Array(k);
    for (let i = k - 1; i >= 0; i--) {
      let s = 0;
      for (let j = 0; j < n; j++) s += this.sk[i][j] * q[j];
      alpha[i] = this.rho[i] * s;
      for (let j = 0; j < n; j++) q[j] -= alpha[i] * this.yk[i][j];
    }
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += this.yk[i][j] * q[j];
      const beta = this.rho[i] * s;
      for (let j = 0; j < n; j++) q[j] += this.sk[i][j] * (alpha[i] - beta);
    }
    return new NDArray(q, [n]);
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
