import { typeError } from "@nabla/ndarray";
import { type Limit, limitFn, type MultipleQuadOptions, multipleSettings } from "./dblquad.js";
import { checkBound } from "./internal/settings.js";
import { type IntegrandND, NestedQuad, type NquadResult } from "./nquad.js";

/**
 * The triple integral of `f(z, y, x)` for x from `a` to `b`, y from `gfun(x)` to `hfun(x)` and
 * z from `qfun(x, y)` to `rfun(x, y)`, as scipy.integrate.tplquad (innermost variable first in
 * `f`; note qfun and rfun take `(x, y)`). Limits may be numbers or functions.
 *
 * @example
 * tplquad((z, y, x) => x * y * z, 0, 1, 0, 2, 0, 3).value; // 4.5
 * // volume of the unit ball: 4.188790204786397
 * tplquad(() => 1, -1, 1, (x) => -Math.sqrt(1 - x * x), (x) => Math.sqrt(1 - x * x),
 *   (x, y) => -Math.sqrt(Math.max(0, 1 - x * x - y * y)), (x, y) => Math.sqrt(Math.max(0, 1 - x * x - y * y))).value;
 */
export function tplquad(
  f: IntegrandND,
  a: number,
  b: number,
  gfun: Limit<[number]>,
  hfun: Limit<[number]>,
  qfun: Limit<[number, number]>,
  rfun: Limit<[number, number]>,
  options?: MultipleQuadOptions,
): NquadResult {
  if (typeof f !== "function") {
    throw typeError(`tplquad: the integrand must be a function f(z, y, x), got ${typeof f}.`);
  }
  checkBound("tplquad", "a", a);
  checkBound("tplquad", "b", b);
  const g = limitFn("tplquad", "gfun", gfun);
  const h = limitFn("tplquad", "hfun", hfun);
  const q = limitFn("tplquad", "qfun", qfun);
  const r = limitFn("tplquad", "rfun", rfun);
  const { settings, args } = multipleSettings("tplquad", options);
  // The z range is called with (y, x, ...args); scipy hands qfun/rfun (x, y).
  const ranges = [
    (y: number, x: number) => [q(x, y), r(x, y)],
    (x: number) => [g(x), h(x)],
    () => [a, b],
  ];
  return new NestedQuad("tplquad", f, ranges, [settings, settings, settings], args).run();
}
