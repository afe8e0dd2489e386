import { bind } from "../core/bind.js";
import type { Operand } from "../core/tracer.js";
import type { Value } from "../core/value.js";
import type { CompareParams } from "../primitives/compare.js";
import { primitives as P } from "../primitives/index.js";
import { type Result, type Result2, toValue } from "./convert.js";

function u<A extends Operand>(name: keyof typeof unaries, x: A): Result<A> {
  return bind(unaries[name], [toValue(name, x)], undefined) as Result<A>;
}

function b<A extends Operand, B extends Operand>(
  name: keyof typeof binaries,
  x: A,
  y: B,
): Result2<A, B> {
  return bind(binaries[name], [toValue(name, x), toValue(name, y)], undefined) as Result2<A, B>;
}

function cmp(op: CompareParams["op"], args: readonly Operand[]): Value {
  return bind(
    P.compare,
    args.map((a) => toValue(op, a)),
    { op },
  );
}

const unaries = {
  negative: P.negative,
  abs: P.abs,
  sign: P.sign,
  sqrt: P.sqrt,
  square: P.square,
  exp: P.exp,
  expm1: P.expm1,
  log: P.log,
  log1p: P.log1p,
  log2: P.log2,
  log10: P.log10,
  sin: P.sin,
  cos: P.cos,
  tan: P.tan,
  arcsin: P.arcsin,
  arccos: P.arccos,
  arctan: P.arctan,
  sinh: P.sinh,
  cosh: P.cosh,
  tanh: P.tanh,
  arcsinh: P.arcsinh,
  arccosh: P.arccosh,
  arctanh: P.arctanh,
  floor: P.floor,
  ceil: P.ceil,
  rint: P.rint,
  trunc: P.trunc,
};

const binaries = {
  add: P.add,
  subtract: P.subtract,
  multiply: P.multiply,
  divide: P.divide,
  power: P.power,
  mod: P.mod,
  maximum: P.maximum,
  minimum: P.minimum,
  arctan2: P.arctan2,
};

/** `-x` (traceable numpy `negative`). @example np.negative(np.array([1, -2])); // array([-1.,  2.]) */
export function negative<A extends Operand>(x: A): Result<A> {
  return u("negative", x);
}
/** `|x|`; its derivative at 0 is +1, as jax. @example grad(np.abs)(0); // 1 */
export function abs<A extends Operand>(x: A): Result<A> {
  return u("abs", x);
}
/** Sign of x (-1, 0, 1); zero derivative. @example np.sign(np.array([-2, 0, 3])); // array([-1.,  0.,  1.]) */
export function sign<A extends Operand>(x: A): Result<A> {
  return u("sign", x);
}
/** Square root; its derivative at 0 is Infinity, as jax. @example grad(np.sqrt)(4); // 0.25 */
export function sqrt<A extends Operand>(x: A): Result<A> {
  return u("sqrt", x);
}
/** `x²`. @example grad(np.square)(3); // 6 */
export function square<A extends Operand>(x: A): Result<A> {
  return u("square", x);
}
/** `eˣ`. @example grad(np.exp)(0); // 1 */
export function exp<A extends Operand>(x: A): Result<A> {
  return u("exp", x);
}
/** `eˣ - 1`, accurate near 0. @example grad(np.expm1)(0); // 1 */
export function expm1<A extends Operand>(x: A): Result<A> {
  return u("expm1", x);
}
/** Natural logarithm. @example grad(np.log)(2); // 0.5 */
export function log<A extends Operand>(x: A): Result<A> {
  return u("log", x);
}
/** `log(1 + x)`, accurate near 0. @example grad(np.log1p)(1); // 0.5 */
export function log1p<A extends Operand>(x: A): Result<A> {
  return u("log1p", x);
}
/** Base-2 logarithm. @example np.log2(8); // array(3.) */
export function log2<A extends Operand>(x: A): Result<A> {
  return u("log2", x);
}
/** Base-10 logarithm. @example np.log10(100); // array(2.) */
export function log10<A extends Operand>(x: A): Result<A> {
  return u("log10", x);
}
/** Sine. @example grad(np.sin)(0); // 1 */
export function sin<A extends Operand>(x: A): Result<A> {
  return u("sin", x);
}
/** Cosine. @example grad(np.cos)(0); // -0 */
export function cos<A extends Operand>(x: A): Result<A> {
  return u("cos", x);
}
/** Tangent. @example grad(np.tan)(0); // 1 */
export function tan<A extends Operand>(x: A): Result<A> {
  return u("tan", x);
}
/** Inverse sine. @example grad(np.arcsin)(0); // 1 */
export function arcsin<A extends Operand>(x: A): Result<A> {
  return u("arcsin", x);
}
/** Inverse cosine. @example grad(np.arccos)(0); // -1 */
export function arccos<A extends Operand>(x: A): Result<A> {
  return u("arccos", x);
}
/** Inverse tangent. @example grad(np.arctan)(1); // 0.5 */
export function arctan<A extends Operand>(x: A): Result<A> {
  return u("arctan", x);
}
/** Hyperbolic sine. @example grad(np.sinh)(0); // 1 */
export function sinh<A extends Operand>(x: A): Result<A> {
  return u("sinh", x);
}
/** Hyperbolic cosine. @example grad(np.cosh)(0); // 0 */
export function cosh<A extends Operand>(x: A): Result<A> {
  return u("cosh", x);
}
/** Hyperbolic tangent. @example grad(np.tanh)(0.5); // 0.7864477329659274 */
export function tanh<A extends Operand>(x: A): Result<A> {
  return u("tanh", x);
}
/** Inverse hyperbolic sine. @example grad(np.arcsinh)(0); // 1 */
export function arcsinh<A extends Operand>(x: A): Result<A> {
  return u("arcsinh", x);
}
/** Inverse hyperbolic cosine. @example grad(np.arccosh)(2); // 0.5773502691896258 */
export function arccosh<A extends Operand>(x: A): Result<A> {
  return u("arccosh", x);
}
/** Inverse hyperbolic tangent. @example grad(np.arctanh)(0); // 1 */
export function arctanh<A extends Operand>(x: A): Result<A> {
  return u("arctanh", x);
}
/** Round down; zero derivative. @example np.floor(np.array([1.5, -1.5])); // array([ 1., -2.]) */
export function floor<A extends Operand>(x: A): Result<A> {
  return u("floor", x);
}
/** Round up; zero derivative. @example np.ceil(np.array([1.5])); // array([2.]) */
export function ceil<A extends Operand>(x: A): Result<A> {
  return u("ceil", x);
}
/** Round half to even; zero derivative. @example np.rint(np.array([0.5, 1.5])); // array([0., 2.]) */
export function rint<A extends Operand>(x: A): Result<A> {
  return u("rint", x);
}
/** numpy's `round` (decimals 0): half to even; zero derivative. @example np.round(np.array([2.5])); // array([2.]) */
export function round<A extends Operand>(x: A): Result<A> {
  return u("rint", x);
}
/** Round toward zero; zero derivative. @example np.trunc(np.array([-1.7])); // array([-1.]) */
export function trunc<A extends Operand>(x: A): Result<A> {
  return u("trunc", x);
}
/** `1 / x`. @example np.reciprocal(np.array([2, 4])); // array([0.5 , 0.25]) */
export function reciprocal<A extends Operand>(x: A): Result<A> {
  return b("divide", 1, x) as Result<A>;
}

/** `x + y` with broadcasting. @example np.add(np.array([1, 2]), 10); // array([11., 12.]) */
export function add<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("add", x, y);
}
/** `x - y` with broadcasting. @example np.subtract(5, np.array([1, 2])); // array([4., 3.]) */
export function subtract<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("subtract", x, y);
}
/** `x * y` with broadcasting. @example np.multiply(np.array([1, 2]), 3); // array([3., 6.]) */
export function multiply<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("multiply", x, y);
}
/** `x / y` with broadcasting. @example np.divide(1, np.array([2, 4])); // array([0.5 , 0.25]) */
export function divide<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("divide", x, y);
}
/** `x ** y` with broadcasting. @example grad((x) => np.power(x, 2))(10); // 20 */
export function power<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("power", x, y);
}
/** numpy's `mod` (result has the sign of y). @example np.mod(np.array([-1, 5]), 3); // array([2., 2.]) */
export function mod<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("mod", x, y);
}
/** Elementwise maximum (NaN wins); ties share the derivative. @example np.maximum(np.array([1, 5]), 3); // array([3., 5.]) */
export function maximum<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("maximum", x, y);
}
/** Elementwise minimum (NaN wins); ties share the derivative. @example np.minimum(np.array([1, 5]), 3); // array([1., 3.]) */
export function minimum<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return b("minimum", x, y);
}
/** Angle of the point (x2, x1). @example np.arctan2(1, 1); // array(0.78539816) */
export function arctan2<A extends Operand, B extends Operand>(x1: A, x2: B): Result2<A, B> {
  return b("arctan2", x1, x2);
}
/** `√(x² + y²)`, written with traceable ops. @example np.hypot(3, 4); // array(5.) */
export function hypot<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  const vx = toValue("hypot", x);
  const vy = toValue("hypot", y);
  return sqrt(add(multiply(vx, vx), multiply(vy, vy))) as Result2<A, B>;
}
/** Limits values to [min, max] (`null` = no bound), as jax: minimum(maximum(x, min), max). @example np.clip(np.array([-1, 5]), 0, 3); // array([0., 3.]) */
export function clip<A extends Operand>(x: A, min: Operand | null, max: Operand | null): Result<A> {
  let v: Value = toValue("clip", x);
  if (min !== null) v = maximum(v, min);
  if (max !== null) v = minimum(v, max);
  return v as Result<A>;
}

/** `cond ? x : y` elementwise with broadcasting; the derivative flows to the chosen branch. @example np.where(np.greater(np.array([1, -1]), 0), 1, 2); // array([1., 2.]) */
export function where<A extends Operand, B extends Operand>(
  cond: Operand,
  x: A,
  y: B,
): Result2<A, B> {
  return bind(
    P.select,
    [toValue("where", cond), toValue("where", x), toValue("where", y)],
    undefined,
  ) as Result2<A, B>;
}

/** `x == y`. @example np.equal(np.array([1, 2]), 2); // array([False,  True]) */
export function equal<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("equal", [x, y]) as Result2<A, B>;
}
/** `x != y`. @example np.notEqual(np.array([1, 2]), 2); // array([ True, False]) */
export function notEqual<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("notEqual", [x, y]) as Result2<A, B>;
}
/** `x < y`. @example np.less(np.array([1, 2]), 2); // array([ True, False]) */
export function less<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("less", [x, y]) as Result2<A, B>;
}
/** `x <= y`. @example np.lessEqual(np.array([1, 3]), 2); // array([ True, False]) */
export function lessEqual<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("lessEqual", [x, y]) as Result2<A, B>;
}
/** `x > y`. @example np.greater(np.array([1, 3]), 2); // array([False,  True]) */
export function greater<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("greater", [x, y]) as Result2<A, B>;
}
/** `x >= y`. @example np.greaterEqual(np.array([1, 2]), 2); // array([False,  True]) */
export function greaterEqual<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("greaterEqual", [x, y]) as Result2<A, B>;
}
/** Elementwise AND. @example np.logicalAnd(true, np.array([true, false])); // array([ True, False]) */
export function logicalAnd<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("logicalAnd", [x, y]) as Result2<A, B>;
}
/** Elementwise OR. @example np.logicalOr(false, np.array([true, false])); // array([ True, False]) */
export function logicalOr<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("logicalOr", [x, y]) as Result2<A, B>;
}
/** Elementwise XOR. @example np.logicalXor(true, np.array([true, false])); // array([False,  True]) */
export function logicalXor<A extends Operand, B extends Operand>(x: A, y: B): Result2<A, B> {
  return cmp("logicalXor", [x, y]) as Result2<A, B>;
}
/** Elementwise NOT. @example np.logicalNot(np.array([true])); // array([False]) */
export function logicalNot<A extends Operand>(x: A): Result<A> {
  return cmp("logicalNot", [x]) as Result<A>;
}
/** True where NaN. @example np.isnan(np.array([NaN, 1])); // array([ True, False]) */
export function isnan<A extends Operand>(x: A): Result<A> {
  return cmp("isnan", [x]) as Result<A>;
}
/** True where ±Infinity. @example np.isinf(np.array([Infinity, 1])); // array([ True, False]) */
export function isinf<A extends Operand>(x: A): Result<A> {
  return cmp("isinf", [x]) as Result<A>;
}
/** True where finite. @example np.isfinite(np.array([NaN, 1])); // array([False,  True]) */
export function isfinite<A extends Operand>(x: A): Result<A> {
  return cmp("isfinite", [x]) as Result<A>;
}
