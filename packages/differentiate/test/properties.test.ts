import fc from "fast-check";
import { describe, it } from "vitest";
import { Derivative, derivative } from "../src/index.js";

const coef = fc.double({ min: -5, max: 5, noNaN: true });
const point = fc.double({ min: -2, max: 2, noNaN: true });
const poly = (c: number[]) => (x: number) => c.reduce((s, ci) => s * x + ci, 0);
const dpoly = (c: number[]) => (x: number) =>
  c.slice(0, -1).reduce((s, ci, i) => s * x + ci * (c.length - 1 - i), 0);

describe("properties", () => {
  it("Derivative of a random quartic is exact up to its error estimate and round-off", () => {
    fc.assert(
      fc.property(fc.array(coef, { minLength: 5, maxLength: 5 }), point, (c, x) => {
        const r = Derivative(poly(c), { fullOutput: true })(x);
        const exact = dpoly(c)(x);
        const scale = c.reduce((s, ci) => s + Math.abs(ci), 0) * 8;
        return Math.abs(r.estimate - exact) <= r.errorEstimate + 1e-13 * scale;
      }),
      { numRuns: 200 },
    );
  });

  it("scipy-style derivative of a random quartic converges to the exact slope", () => {
    fc.assert(
      fc.property(fc.array(coef, { minLength: 5, maxLength: 5 }), point, (c, x) => {
        const r = derivative(poly(c), x);
        const exact = dpoly(c)(x);
        const scale = c.reduce((s, ci) => s + Math.abs(ci), 0) * 8;
        return Math.abs(r.df - exact) <= 1e-12 * scale && r.nfev === 1 + 8 + 2 * (r.nit - 1);
      }),
      { numRuns: 200 },
    );
  });

  it("Derivative is linear in f: D(a f + b g) = a Df + b Dg to round-off", () => {
    fc.assert(
      fc.property(coef, coef, point, (a, b, x) => {
        const f = (t: number) => Math.sin(t);
        const g = (t: number) => t * t * t;
        const lhs = Derivative((t: number) => a * f(t) + b * g(t))(x);
        const rhs = a * Math.cos(x) + b * 3 * x * x;
        return Math.abs(lhs - rhs) <= 1e-12 * (Math.abs(a) + Math.abs(b) * 12 + 1);
      }),
      { numRuns: 100 },
    );
  });
});
