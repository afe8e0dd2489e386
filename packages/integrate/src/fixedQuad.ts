import {
  type ArrayLike,
  asarray,
  checkOptions,
  multiply,
  NDArray,
  rangeError,
  sum,
  typeError,
} from "@nabla/ndarray";
import { scalarIntegrand } from "./internal/integrand.js";
import { legendre } from "./internal/legendre.js";
import { checkArgs, checkBound } from "./internal/settings.js";

/** Options of {@link fixedQuad}. */
export interface FixedQuadOptions {
  /** Order of the Gauss-Legendre rule (number of nodes). Default 5. */
  n?: number;
  /**
   * Call `f` once with an NDArray of all nodes, as scipy does (`f` must then return the values
   * with the nodes on the last axis; a vector-valued `f` gives an NDArray value). Default false:
   * `f` is called once per node with a JS number.
   */
  vectorized?: boolean;
  /** Extra arguments passed to `f` after x. */
  args?: readonly number[];
}

/** The result of {@link fixedQuad} (scipy returns `(val, None)`). */
export interface FixedQuadResult<V = number> {
  /** The Gauss-Legendre approximation of the integral. */
  value: V;
}

/**
 * Integrates `f` from `a` to `b` with Gauss-Legendre quadrature of order `n`, as
 * scipy.integrate.fixed_quad: exact for polynomials of degree 2n - 1, no error estimate. By
 * default `f` is called per node with a number; with `vectorized: true` it is called once with
 * an NDArray of the nodes, like scipy (then a vector-valued `f` returning shape [..., n] gives
 * an NDArray `value`).
 *
 * @example
 * fixedQuad((x) => x ** 8, 0, 1, { n: 5 }).value; // 0.11111111111111102
 * fixedQuad(Math.cos, 0, Math.PI / 2, { n: 4 }).value; // 0.9999999771971152
 * fixedQuad((x) => multiply(x, x), 0, 3, { vectorized: true }).value; // 8.999999999999998
 */
export function fixedQuad(
  f: (x: number, ...args: number[]) => unknown,
  a: number,
  b: number,
  options?: FixedQuadOptions & { vectorized?: false },
): FixedQuadResult<number>;
export function fixedQuad(
  f: (x: NDArray, ...args: number[]) => ArrayLike,
  a: number,
  b: number,
  options: FixedQuadOptions & { vectorized: true },
): FixedQuadResult<number | NDArray>;
export function fixedQuad(
  f: (x: never, ...args: number[]) => unknown,
  a: number,
  b: number,
  options?: FixedQuadOptions,
): FixedQuadResult<number | NDArray> {
  if (typeof f !== "function") {
    throw typeError(`fixedQuad: the integrand must be a function, got ${typeof f}.`);
  }
  checkOptions("fixedQuad", options, ["n", "vectorized", "args"]);
  checkBound("fixedQuad", "a", a);
  checkBound("fixedQuad", "b", b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw rangeError(
      `fixedQuad: Gaussian quadrature is only available for finite limits, got [${a}, ${b}].`,
    );
  }
  const n = options?.n ?? 5;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw rangeError(`fixedQuad: n must be a positive integer, got ${String(n)}.`);
  }
  const vectorized = options?.vectorized ?? false;
  if (typeof vectorized !== "boolean") {
    throw typeError(`fixedQuad: vectorized must be a boolean, got ${typeof vectorized}.`);
  }
  const args = checkArgs("fixedQuad", options?.args) ?? [];
  const { x, w } = legendre(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = ((b - a) * (x[i] + 1)) / 2 + a;
  const scale = (b - a) / 2;
  if (!vectorized) {
    const g = scalarIntegrand("fixedQuad", f as (x: number, ...args: number[]) => unknown, args);
    const terms = new Float64Array(n);
    for (let i = 0; i < n; i++) terms[i] = w[i] * g.at(y[i]);
    return { value: scale * (sum(new NDArray(terms, [n])) as number) };
  }
  const values = asarray(
    (f as (x: NDArray, ...args: number[]) => ArrayLike)(new NDArray(y, [n]), ...args),
  );
  if (values.ndim === 0 || values.shape[values.ndim - 1] !== n) {
    throw typeError(
      `fixedQuad: with vectorized: true the integrand must return the values at the ${n} nodes on its last axis, got shape [${values.shape.join(",")}].`,
    );
  }
  const total = sum(multiply(new NDArray(w, [n]), values), { axis: -1 }) as NDArray;
  const value = multiply(scale, total);
  return { value: value.ndim === 0 ? value.item() : value };
}
