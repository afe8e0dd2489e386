/**
 * @nabla/integrate: scipy.integrate in TypeScript — QUADPACK's quad with the same arithmetic as
 * scipy, multiple integrals, Gauss-Legendre and integration of sampled data.
 * @packageDocumentation
 */

export { type CumulativeTrapezoidOptions, cumulativeTrapezoid } from "./cumulativeTrapezoid.js";
export { dblquad, type Limit, type MultipleQuadOptions } from "./dblquad.js";
export { type FixedQuadOptions, type FixedQuadResult, fixedQuad } from "./fixedQuad.js";
export type { ScalarLike } from "./internal/integrand.js";
export {
  type IntegrandND,
  type LevelOptions,
  type LevelOptionsLike,
  type NquadOptions,
  type NquadResult,
  nquad,
  type Range,
} from "./nquad.js";
export { type Integrand1D, type QuadOptions, type QuadResult, quad } from "./quad.js";
export { type RombOptions, romb } from "./romb.js";
export { type SimpsonOptions, simpson } from "./simpson.js";
export { tplquad } from "./tplquad.js";
export { type TrapezoidOptions, trapezoid } from "./trapezoid.js";
