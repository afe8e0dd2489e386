/**
 * @nabla/integrate: scipy.integrate in TypeScript — QUADPACK's quad with the same arithmetic as
 * scipy, multiple integrals, Gauss-Legendre and integration of sampled data.
 * @packageDocumentation
 */

export { dblquad, type Limit, type MultipleQuadOptions } from "./dblquad.js";
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
export { tplquad } from "./tplquad.js";
