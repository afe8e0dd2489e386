/**
 * @nabla/integrate: scipy.integrate in TypeScript — QUADPACK's quad with the same arithmetic as
 * scipy, multiple integrals, Gauss-Legendre and integration of sampled data.
 * @packageDocumentation
 */

export { type Integrand1D, type QuadOptions, type QuadResult, quad } from "./quad.js";
