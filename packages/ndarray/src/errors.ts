const marker = Symbol.for("@nabla/error");

/**
 * Marks every error thrown by a nabla package. Test with `NablaError.isInstance(e)`, which works
 * even when two copies of a package are installed (the check reads a global symbol, not the class).
 */
export interface NablaError extends Error {
  readonly [marker]: true;
}

function mark<T extends Error>(error: T): T & NablaError {
  Object.defineProperty(error, marker, { value: true });
  return error as T & NablaError;
}

/**
 * Tests for the marker every nabla error carries: `NablaError.isInstance(e)`.
 * @example
 * try { linspace(0, 1, -1); } catch (e) { NablaError.isInstance(e); } // true
 */
export const NablaError = {
  /**
   * True if `value` was thrown by a nabla package.
   * @example
   * try { add([1, 2], [1, 2, 3]); } catch (e) { NablaError.isInstance(e); } // true
   */
  isInstance(value: unknown): value is NablaError {
    return typeof value === "object" && value !== null && (value as never)[marker] === true;
  },
};

/**
 * Shapes that do not broadcast or do not match. Extends `RangeError`.
 * @example
 * add(zeros([3, 2]), zeros([4])); // ShapeError: add: shapes [3,2] and [4] do not broadcast.
 */
export class ShapeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "ShapeError";
    mark(this);
  }
}

/**
 * A value of the wrong dtype (an integer array where a float one is needed). Extends `TypeError`.
 * @example
 * // grad requires real-valued inputs (dtype float64 or float32), but got int32.
 */
export class DTypeError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = "DTypeError";
    mark(this);
  }
}

/**
 * A linear-algebra failure numpy reports as `LinAlgError` (a singular matrix in `inv` or `solve`,
 * a non positive definite matrix in `cholesky`).
 * @example
 * inv([[1, 2], [2, 4]]); // LinAlgError: inv: Singular matrix
 */
export class LinAlgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LinAlgError";
    mark(this);
  }
}

/**
 * A `TypeError` marked as nabla's. Use for wrong kinds of argument.
 * @example
 * throw typeError("myFn: x must be an array-like, got string."); // NablaError.isInstance → true
 */
export function typeError(message: string): TypeError & NablaError {
  return mark(new TypeError(message));
}

/**
 * A `RangeError` marked as nabla's. Use for bad values (negative `num`, an unknown option).
 * @example
 * throw rangeError("myFn: tol must be positive, got -1."); // NablaError.isInstance → true
 */
export function rangeError(message: string): RangeError & NablaError {
  return mark(new RangeError(message));
}
