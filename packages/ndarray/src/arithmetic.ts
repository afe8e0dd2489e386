import { toNDArray } from "./creation.js";
import type { DType } from "./dtype.js";
import { floatOf } from "./dtype.js";
import {
  applyBinary,
  applyUnary,
  type BinaryLoop,
  operands,
  type UnaryLoop,
} from "./internal/elementwise.js";
import { type ArrayLike, NDArray } from "./ndarray.js";

// Each loop is written out so that V8 compiles one tight, monomorphic loop per operation. The
// four arithmetic operations take two contiguous operands, or one and a scalar, four elements at
// a time with the loads first: V8 reloads a typed array's base and length after every store, and
// grouping the loads amortizes that (`npm run bench:kernels -w @nabla/ndarray`: a 1e6-element
// multiply 1.4-1.5x, times a scalar 1.7-1.9x faster than one strided element per step). Whatever
// the unrolled part leaves, and any other strides, the last loop does.
const addLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  let i = 0;
  if (xs === 1 && ys === 1) {
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a0 + b0;
      o[oo + i + 1] = a1 + b1;
      o[oo + i + 2] = a2 + b2;
      o[oo + i + 3] = a3 + b3;
    }
  } else if (xs === 1 && ys === 0) {
    const b = y[yo];
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      o[oo + i] = a0 + b;
      o[oo + i + 1] = a1 + b;
      o[oo + i + 2] = a2 + b;
      o[oo + i + 3] = a3 + b;
    }
  } else if (xs === 0 && ys === 1) {
    const a = x[xo];
    for (; i + 3 < n; i += 4) {
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a + b0;
      o[oo + i + 1] = a + b1;
      o[oo + i + 2] = a + b2;
      o[oo + i + 3] = a + b3;
    }
  }
  for (; i < n; i++) o[oo + i] = x[xo + i * xs] + y[yo + i * ys];
};
const subLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  let i = 0;
  if (xs === 1 && ys === 1) {
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a0 - b0;
      o[oo + i + 1] = a1 - b1;
      o[oo + i + 2] = a2 - b2;
      o[oo + i + 3] = a3 - b3;
    }
  } else if (xs === 1 && ys === 0) {
    const b = y[yo];
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      o[oo + i] = a0 - b;
      o[oo + i + 1] = a1 - b;
      o[oo + i + 2] = a2 - b;
      o[oo + i + 3] = a3 - b;
    }
  } else if (xs === 0 && ys === 1) {
    const a = x[xo];
    for (; i + 3 < n; i += 4) {
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a - b0;
      o[oo + i + 1] = a - b1;
      o[oo + i + 2] = a - b2;
      o[oo + i + 3] = a - b3;
    }
  }
  for (; i < n; i++) o[oo + i] = x[xo + i * xs] - y[yo + i * ys];
};
const mulLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  let i = 0;
  if (xs === 1 && ys === 1) {
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a0 * b0;
      o[oo + i + 1] = a1 * b1;
      o[oo + i + 2] = a2 * b2;
      o[oo + i + 3] = a3 * b3;
    }
  } else if (xs === 1 && ys === 0) {
    const b = y[yo];
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      o[oo + i] = a0 * b;
      o[oo + i + 1] = a1 * b;
      o[oo + i + 2] = a2 * b;
      o[oo + i + 3] = a3 * b;
    }
  } else if (xs === 0 && ys === 1) {
    const a = x[xo];
    for (; i + 3 < n; i += 4) {
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a * b0;
      o[oo + i + 1] = a * b1;
      o[oo + i + 2] = a * b2;
      o[oo + i + 3] = a * b3;
    }
  }
  for (; i < n; i++) o[oo + i] = x[xo + i * xs] * y[yo + i * ys];
};
const divLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  let i = 0;
  if (xs === 1 && ys === 1) {
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a0 / b0;
      o[oo + i + 1] = a1 / b1;
      o[oo + i + 2] = a2 / b2;
      o[oo + i + 3] = a3 / b3;
    }
  } else if (xs === 1 && ys === 0) {
    const b = y[yo];
    for (; i + 3 < n; i += 4) {
      const a0 = x[xo + i];
      const a1 = x[xo + i + 1];
      const a2 = x[xo + i + 2];
      const a3 = x[xo + i + 3];
      o[oo + i] = a0 / b;
      o[oo + i + 1] = a1 / b;
      o[oo + i + 2] = a2 / b;
      o[oo + i + 3] = a3 / b;
    }
  } else if (xs === 0 && ys === 1) {
    const a = x[xo];
    for (; i + 3 < n; i += 4) {
      const b0 = y[yo + i];
      const b1 = y[yo + i + 1];
      const b2 = y[yo + i + 2];
      const b3 = y[yo + i + 3];
      o[oo + i] = a / b0;
      o[oo + i + 1] = a / b1;
      o[oo + i + 2] = a / b2;
      o[oo + i + 3] = a / b3;
    }
  }
  for (; i < n; i++) o[oo + i] = x[xo + i * xs] / y[yo + i * ys];
};
const powLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = pow(x[xo + i * xs], y[yo + i * ys]);
};
const modLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = floorMod(x[xo + i * xs], y[yo + i * ys]);
};
const maxLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = nanMax(x[xo + i * xs], y[yo + i * ys]);
};
const minLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = nanMin(x[xo + i * xs], y[yo + i * ys]);
};
const atan2Loop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = Math.atan2(x[xo + i * xs], y[yo + i * ys]);
};
const hypotLoop: BinaryLoop = (x, xo, xs, y, yo, ys, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = Math.hypot(x[xo + i * xs], y[yo + i * ys]);
};
const squareLoop: UnaryLoop = (x, xo, xs, o, oo, n) => {
  for (let i = 0; i < n; i++) {
    const v = x[xo + i * xs];
    o[oo + i] = v * v;
  }
};

/** C's pow: `1 ** y` and `x ** 0` are 1 even for NaN, and `(-1) ** ±inf` is 1. */
export function pow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}

/** Python's modulo: the result takes the sign of the divisor (a zero result too, as numpy). */
export function floorMod(x: number, y: number): number {
  const r = x % y;
  if (r === 0) return y < 0 ? -0 : 0;
  return r < 0 !== y < 0 ? r + y : r;
}

/** numpy's maximum: NaN wins. */
export function nanMax(x: number, y: number): number {
  return x > y || Number.isNaN(x) ? x : y;
}

/** numpy's minimum: NaN wins. */
export function nanMin(x: number, y: number): number {
  return x < y || Number.isNaN(x) ? x : y;
}

function binary(
  fn: string,
  a: ArrayLike,
  b: ArrayLike,
  loop: BinaryLoop,
  toFloat = false,
): NDArray {
  // Two NDArrays of one dtype (every step of autodiff): no conversion, no promotion table and
  // no [x, y, dtype] triple to allocate.
  if (a instanceof NDArray && b instanceof NDArray && a.dtype === b.dtype) {
    const dtype = toFloat ? floatOf(a.dtype) : arithmetic(a.dtype);
    return applyBinary(fn, a, b, dtype, loop, dtype);
  }
  // Indexed, not destructured: destructuring runs the iterator protocol until V8 optimises.
  const ops = operands(fn, a, b);
  const out = toFloat ? floatOf(ops[2]) : arithmetic(ops[2]);
  return applyBinary(fn, ops[0], ops[1], out, loop, out);
}

/** bool arithmetic is done in int32 (numpy would give bool for add/multiply; we keep counts). */
function arithmetic(dtype: DType): DType {
  return dtype === "bool" ? "int32" : dtype;
}

/**
 * `a + b`, elementwise with broadcasting.
 * @example
 * add([1, 2], 10); // array([11., 12.])
 */
export function add(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("add", a, b, addLoop);
}

/**
 * `a - b`, elementwise with broadcasting.
 * @example
 * subtract([[1], [2]], [1, 2]); // array([[ 0., -1.], [ 1.,  0.]])
 */
export function subtract(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("subtract", a, b, subLoop);
}

/**
 * `a * b`, elementwise with broadcasting.
 * @example
 * multiply([1, 2], [3, 4]); // array([3., 8.])
 */
export function multiply(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("multiply", a, b, mulLoop);
}

/**
 * True division `a / b` (always a float result; `1/0` is `Infinity`, `0/0` is `NaN`).
 * @example
 * divide([1, 2], 4); // array([0.25, 0.5 ])
 */
export function divide(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("divide", a, b, divLoop, true);
}

/**
 * `a ** b`, elementwise with broadcasting (C's pow for the special cases).
 * @example
 * power([1, 2, 3], 2); // array([1., 4., 9.])
 */
export function power(a: ArrayLike, b: ArrayLike): NDArray {
  if (b === 2) {
    const x = toNDArray("power", a);
    return applyUnary(x, arithmetic(x.dtype), squareLoop, arithmetic(x.dtype));
  }
  return binary("power", a, b, powLoop);
}

/**
 * Remainder with the sign of the divisor (Python's `%`, numpy's `mod`/`remainder`).
 * @example
 * mod([-3, 3], 2); // array([1., 1.])
 */
export function mod(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("mod", a, b, modLoop);
}

/**
 * Elementwise maximum; NaN propagates.
 * @example
 * maximum([1, 5], [3, 2]); // array([3., 5.])
 */
export function maximum(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("maximum", a, b, maxLoop);
}

/**
 * Elementwise minimum; NaN propagates.
 * @example
 * minimum([1, 5], [3, 2]); // array([1., 2.])
 */
export function minimum(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("minimum", a, b, minLoop);
}

/**
 * The angle of the point `(x2, x1)` in radians, numpy's `arctan2(x1, x2)`.
 * @example
 * arctan2(1, 1); // array(0.78539816)
 */
export function arctan2(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary("arctan2", x1, x2, atan2Loop, true);
}

/**
 * `sqrt(a**2 + b**2)` without overflow or underflow.
 * @example
 * hypot(3, 4); // array(5.)
 */
export function hypot(a: ArrayLike, b: ArrayLike): NDArray {
  return binary("hypot", a, b, hypotLoop, true);
}

/**
 * Limits values to `[min, max]` (either may be `null`); NaN propagates.
 * @example
 * clip([-1, 0.5, 2], 0, 1); // array([0. , 0.5, 1. ])
 */
export function clip(a: ArrayLike, min: ArrayLike | null, max: ArrayLike | null): NDArray {
  let out = toNDArray("clip", a);
  if (min !== null) out = maximum(out, min);
  if (max !== null) out = minimum(out, max);
  return out;
}

/**
 * `x * x`, elementwise.
 * @example
 * square([1, -2]); // array([1., 4.])
 */
export function square(a: ArrayLike): NDArray {
  const x = toNDArray("square", a);
  return applyUnary(x, arithmetic(x.dtype), squareLoop, arithmetic(x.dtype));
}
