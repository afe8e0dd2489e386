import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quad } from "../src/index.js";
import random from "./fixtures/quad.random.json" with { type: "json" };
import { num } from "./integrands.js";

describe("quad: 60 random rational integrands, bit for bit against scipy", () => {
  random.cases.forEach((c, i) => {
    it(`#${i} [${c.a}, ${c.b}] ${JSON.stringify(c.options)}`, () => {
      const [cc, d, e, k] = c.params;
      const f = (x: number) => 1 / ((x - cc) * (x - cc) + d) + e * Math.abs(x - k);
      const r = quad(f, num(c.a), num(c.b), c.options);
      expect([r.value, r.abserr, r.neval, r.last, r.ier]).toEqual([
        num(c.value),
        num(c.abserr),
        c.neval,
        c.last,
        c.ier,
      ]);
    });
  });
});

describe("quad: properties", () => {
  it("integrates cubics exactly (21 points, plus 42 per bisection)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        ([c0, c1, c2, c3], a, width) => {
          const b = a + width;
          const F = (x: number) =>
            c0 * x + (c1 * x ** 2) / 2 + (c2 * x ** 3) / 3 + (c3 * x ** 4) / 4;
          const r = quad((x) => c0 + c1 * x + c2 * x ** 2 + c3 * x ** 3, a, b);
          const exact = F(b) - F(a);
          const scale = Math.abs(c0) + Math.abs(c1) + Math.abs(c2) + Math.abs(c3) + 1;
          // One 21-point rule is exact for cubics, but QUADPACK still bisects when its error
          // estimate is degenerate (a constant integrand: resasc ~ 0), 42 evaluations a step.
          expect(r.neval % 42).toBe(21);
          expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(1e-12 * scale * 6 ** 4 * width);
          expect(r.abserr).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("is additive over a split point and odd under swapping the bounds", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 0, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (a, width, t) => {
          const b = a + width;
          const m = a + t * width;
          const f = (x: number) => 1 / (1 + 25 * x * x);
          const whole = quad(f, a, b);
          const left = quad(f, a, m);
          const right = quad(f, m, b);
          // Within the reported error estimates (the exact integral is within each of them).
          const bound = whole.abserr + left.abserr + right.abserr + 1e-15;
          expect(Math.abs(whole.value - (left.value + right.value))).toBeLessThanOrEqual(bound);
          const exact = (Math.atan(5 * b) - Math.atan(5 * a)) / 5;
          expect(Math.abs(whole.value - exact)).toBeLessThanOrEqual(whole.abserr + 1e-15);
          expect(quad(f, b, a).value).toBe(-whole.value);
        },
      ),
    );
  });
});
