import { toScalar as ndToScalar } from "@nabla/ndarray";

/** What an integrand may return: a number, a size-1 NDArray or anything with `item()`. */
export type { ScalarLike } from "@nabla/ndarray";

/** Converts an integrand's return value to a number; `fn` names the public caller in errors. */
export function toScalar(fn: string, value: unknown): number {
  return typeof value === "number" ? value : ndToScalar(fn, value, "the integrand's value");
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

  constructor(
    readonly fn: string,
    private readonly f: (x: number, ...args: number[]) => unknown,
  ) {}

  at(x: number): number {
    const r = this.f(x);
    if (typeof r === "number" && !Number.isNaN(r)) return r;
    return this.checked(x, r);
  }

  /** The slow path: NDArray or boolean results, and NaN. */
  protected checked(x: number, r: unknown): number {
    const y = typeof r === "number" ? r : toScalar(this.fn, r);
    if (Number.isNaN(y) && !this.sawNaN) {
      this.sawNaN = true;
      this.nanAt = x;
    }
    return y;
  }
}

/** A user integrand called as `f(x, ...args)`. */
export class ScalarIntegrandWithArgs extends ScalarIntegrand {
  private readonly argv: number[];

  constructor(
    fn: string,
    private readonly g: (x: number, ...args: number[]) => unknown,
    args: readonly number[],
  ) {
    super(fn, g);
    this.argv = [0, ...args];
  }

  override at(x: number): number {
    this.argv[0] = x;
    const r = this.g.apply(undefined, this.argv as [number, ...number[]]);
    if (typeof r === "number" && !Number.isNaN(r)) return r;
    return this.checked(x, r);
  }
}

/** The integrand wrapper for `f` with optional extra arguments. */
export function scalarIntegrand(
  fn: string,
  f: (x: number, ...args: number[]) => unknown,
  args: readonly number[] | undefined,
): ScalarIntegrand {
  return args !== undefined && args.length > 0
    ? new ScalarIntegrandWithArgs(fn, f, args)
    : new ScalarIntegrand(fn, f);
}
