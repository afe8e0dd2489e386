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

/**
 * Wraps a user integrand as `(x: number) => number`, converting NDArray results and recording
 * the first abscissa where it returned NaN (quad reports it in the message).
 */
export class Integrand {
  nanAt = Number.NaN;
  sawNaN = false;
  readonly call: (x: number) => number;

  constructor(fn: string, f: (x: number, ...args: number[]) => unknown, args?: readonly number[]) {
    const record = (x: number, y: number): number => {
      if (Number.isNaN(y) && !this.sawNaN) {
        this.sawNaN = true;
        this.nanAt = x;
      }
      return y;
    };
    if (args === undefined || args.length === 0) {
      this.call = (x) => {
        const r = f(x);
        return record(x, typeof r === "number" ? r : toScalar(fn, r));
      };
    } else {
      const argv = [0, ...args];
      this.call = (x) => {
        argv[0] = x;
        const r = f.apply(undefined, argv as [number, ...number[]]);
        return record(x, typeof r === "number" ? r : toScalar(fn, r));
      };
    }
  }
}
