import { NDArray } from "@nabla/ndarray";
import { formatArray, pyFloat } from "./internal/format.js";

/** Fields an {@link OptimizeResult} may carry (which ones depends on the method, as in scipy). */
export interface OptimizeResultFields<X = NDArray> {
  x: X;
  fun: number;
  success: boolean;
  status: number;
  message: string;
  nit?: number;
  nfev?: number;
  njev?: number;
  nhev?: number;
  jac?: NDArray;
  hess?: NDArray;
  hessInv?: NDArray | { toString(): string };
  finalSimplex?: [NDArray, NDArray];
  direc?: NDArray;
  allvecs?: NDArray[];
}

const ORDER = ["message", "success", "status", "fun", "x", "nit"];
const INT_FIELDS = new Set(["status", "nit", "nfev", "njev", "nhev"]);

/**
 * The result of {@link minimize} / {@link minimizeScalar} (scipy's `OptimizeResult`), with scipy's
 * field names in camelCase. Only the fields the method produces are present. `toString()` and
 * Node's `console.log` print the way scipy prints the result: keys right-aligned on the colon,
 * arrays in `[ 1.000e+00  1.000e+00]` style.
 *
 * @example
 * const res = minimize(rosen, [1, 0]);
 * res.x;        // NDArray [0.99999, 0.99999]
 * res.success;  // true
 * console.log(String(res));
 * //  message: Optimization terminated successfully.
 * //  success: true ...
 */
export class OptimizeResult<X extends NDArray | number = NDArray> {
  /** The solution. */
  declare x: X;
  /** Objective value at `x`. */
  declare fun: number;
  /** Whether the optimizer exited successfully. */
  declare success: boolean;
  /** Termination status (method specific; 99 when the callback stopped the run). */
  declare status: number;
  /** Why the optimizer stopped. */
  declare message: string;
  /** Iterations performed. */
  declare nit?: number;
  /** Objective evaluations (finite-difference evaluations included). */
  declare nfev?: number;
  /** Gradient evaluations. */
  declare njev?: number;
  /** Hessian evaluations (and Hessian-vector products). */
  declare nhev?: number;
  /** Gradient at `x`. */
  declare jac?: NDArray;
  /** Hessian at `x` (trust-region methods). */
  declare hess?: NDArray;
  /** Inverse-Hessian approximation (BFGS: dense; L-BFGS-B: an {@link LbfgsInvHessProduct}). */
  declare hessInv?: NDArray | { toString(): string };
  /** Nelder-Mead: the final simplex vertices and their function values. */
  declare finalSimplex?: [NDArray, NDArray];
  /** Powell: the final direction set. */
  declare direc?: NDArray;
  /** With `returnAll`: the iterates. */
  declare allvecs?: NDArray[];

  constructor(fields: OptimizeResultFields<X>) {
    for (const [k, v] of Object.entries(fields)) {
      if (v !== undefined) (this as Record<string, unknown>)[k] = v;
    }
  }

  /** scipy's repr layout. */
  toString(): string {
    const entries = Object.entries(this).filter(([, v]) => v !== undefined);
    // (null is printed: scipy's "hess_inv: None" when it is unknown)
    const rank = (k: string) => {
      const i = ORDER.indexOf(k);
      return i < 0 ? ORDER.length : i;
    };
    entries.sort((a, b) => rank(a[0]) - rank(b[0]));
    const m = Math.max(...entries.map(([k]) => k.length)) + 1;
    return entries
      .map(([k, v]) => {
        const body = INT_FIELDS.has(k) ? String(v) : formatValue(v, m + 2);
        return `${k.padStart(m)}: ${body.split("\n").join(`\n${" ".repeat(m + 2)}`)}`;
      })
      .join("\n");
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function formatValue(v: unknown, indent: number): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return pyFloat(v);
  if (typeof v === "string") return v;
  if (v instanceof NDArray) {
    if (v.ndim === 0) return pyFloat(v.item());
    return formatArray(v.toTypedArray() as Float64Array, v.shape, 76 - indent);
  }
  if (Array.isArray(v)) {
    // finalSimplex (a tuple) or allvecs (a list)
    const parts = v.map((e) =>
      e instanceof NDArray
        ? `array(${formatArray(e.toTypedArray() as Float64Array, e.shape, 76 - indent - 7)
            .split("\n")
            .join("\n      ")})`
        : String(e),
    );
    return `(${parts.join(", ")})`;
  }
  return String(v);
}
