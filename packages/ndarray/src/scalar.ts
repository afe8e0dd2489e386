import { typeError } from "./errors.js";
import { NDArray } from "./ndarray.js";

/**
 * A value that stands for one number where a function of the user's must return a scalar (an
 * objective, an integrand): a JS number or boolean, a size-1 NDArray, or any object with numpy's
 * `item()` (such as a value computed by @nabla/autodiff's `np`), so that packages accept each
 * other's results without depending on each other.
 */
export type ScalarLike = number | boolean | NDArray | { item(): number };

/**
 * The number behind a {@link ScalarLike}; `fn` and `what` name the caller and the value in the
 * error for anything else (an array of several elements, a string, undefined).
 * @example
 * toScalar("quad", array([[2.5]]), "the integrand's value"); // 2.5
 */
export function toScalar(fn: string, value: unknown, what: string): number {
  if (typeof value === "number") return value;
  if (value instanceof NDArray) {
    if (value.size === 1) return value.data[value.offset];
    throw typeError(
      `${fn}: ${what} must be a number or a size-1 array, but got an array of shape [${value.shape.join(",")}]. Reduce it to a scalar (e.g. with sum) or pick one element with item().`,
    );
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { item?: unknown }).item === "function"
  ) {
    const v = (value as { item(): unknown }).item();
    if (typeof v === "number") return v;
  }
  throw typeError(`${fn}: ${what} must be a number or a size-1 array, but got ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a JS array of length ${value.length}`;
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value)})`;
  return `${typeof value} ${String(value)}`;
}
