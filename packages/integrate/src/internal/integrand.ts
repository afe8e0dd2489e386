import { NDArray, typeError } from "@nabla/ndarray";

/** What an integrand may return: a number, or a size-1 NDArray (e.g. `linalg.det` of a Jacobian). */
export type ScalarLike = number | boolean | NDArray;

/** Converts an integrand's return value to a number; `fn` names the public caller in errors. */
export function toScalar(fn: string, value: unknown): number {
  if (typeof value === "number") return value;
  if (value instanceof NDArray) {
    if (value.size === 1) return value.item();
    throw typeError(
      `${fn}: the integrand must return a number or a size-1 NDArray, but it returned an NDArray of shape [${value.shape.join(",")}]. Return a scalar (e.g. reduce with sum or index with item()).`,
    );
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  throw typeError(
    `${fn}: the integrand must return a number or a size-1 NDArray, but it returned ${describe(value)}.`,
  );
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value)})`;
  return `${typeof value} ${String(value)}`;
}

/** Something a quadrature rule can evaluate: the user's integrand or an inner integral. */
export interface Evaluator {
  at(x: number): number;
}

/**
 * A user integrand as an {@link Evaluator}: converts NDArray results and records the first
 * abscissa where it returned NaN (quad reports it in the message). A class with a method rather
 * than a closure: rules call `at` from one call site for every integral, so it stays cheap.
 */
export class ScalarIntegrand implements Evaluator {
  nanAt = Number.NaN;
  sawNaN = false;
  private readonly argv: number[] | undefined;

  constructor(
    private readonly fn: string,
    private readonly f: (x: number, ...args: number[]) => unknown,
    args?: readonly number[],
  ) {
    this.argv = args !== undefined && args.length > 0 ? [0, ...args] : undefined;
  }

  at(x: number): number {
    let r: unknown;
    if (this.argv === undefined) r = this.f(x);
    else {
      this.argv[0] = x;
      r = this.f.apply(undefined, this.argv as [number, ...number[]]);
    }
    const y = typeof r === "number" ? r : toScalar(this.fn, r);
    if (Number.isNaN(y) && !this.sawNaN) {
      this.sawNaN = true;
      this.nanAt = x;
    }
    return y;
  }
}
