import { checkOptions, typeError } from "@nabla/ndarray";
import { checkArgs, checkBound, quadSettings } from "./internal/settings.js";
import { type IntegrandND, NestedQuad, type NquadResult } from "./nquad.js";

/** Options of {@link dblquad} and {@link tplquad}. */
export interface MultipleQuadOptions {
  /** Absolute error tolerance of every level. Default 1.49e-8. */
  epsabs?: number;
  /** Relative error tolerance of every level. Default 1.49e-8. */
  epsrel?: number;
  /** Extra arguments passed to the integrand after the variables. */
  args?: readonly number[];
}

/** A limit: a number, or a function of the outer variable(s). */
export type Limit<A extends number[]> = number | ((...x: A) => number);

export function limitFn<A extends number[]>(
  fn: string,
  name: string,
  limit: Limit<A>,
): (...x: A) => number {
  if (typeof limit === "function") return limit;
  if (typeof limit === "number") {
    checkBound(fn, name, limit);
    return () => limit;
  }
  throw typeError(`${fn}: ${name} must be a number or a function, got ${typeof limit}.`);
}

export function multipleSettings(fn: string, options: MultipleQuadOptions | undefined) {
  checkOptions(fn, options, ["epsabs", "epsrel", "args"]);
  const s = quadSettings(fn, { epsabs: options?.epsabs, epsrel: options?.epsrel });
  return { settings: () => s, args: checkArgs(fn, options?.args) ?? [] };
}

/**
 * The double integral of `f(y, x)` for x from `a` to `b` and y from `gfun(x)` to `hfun(x)`, as
 * scipy.integrate.dblquad (note scipy's argument order: the inner variable comes first). The
 * limits may be numbers or functions of x. `abserr` is scipy's (the largest of all quad calls).
 *
 * @example
 * // area of the unit disk: { value: 3.1415926535897967, abserr: 2.000470900043183e-9 }
 * dblquad(() => 1, -1, 1, (x) => -Math.sqrt(1 - x * x), (x) => Math.sqrt(1 - x * x));
 * // polar coordinates: the Jacobian determinant is rho; { value: 3.141592653589793, abserr: 3.49e-14 }
 * dblquad((rho, theta) => rho, 0, 2 * Math.PI, 0, 1);
 */
export function dblquad(
  f: IntegrandND,
  a: number,
  b: number,
  gfun: Limit<[number]>,
  hfun: Limit<[number]>,
  options?: MultipleQuadOptions,
): NquadResult {
  if (typeof f !== "function") {
    throw typeError(`dblquad: the integrand must be a function f(y, x), got ${typeof f}.`);
  }
  checkBound("dblquad", "a", a);
  checkBound("dblquad", "b", b);
  const g = limitFn("dblquad", "gfun", gfun);
  const h = limitFn("dblquad", "hfun", hfun);
  const { settings, args } = multipleSettings("dblquad", options);
  const ranges = [(x: number) => [g(x), h(x)], () => [a, b]];
  return new NestedQuad("dblquad", f, ranges, [settings, settings], args).run();
}
