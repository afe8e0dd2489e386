import { multiply, NDArray, sin } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { fixedQuad } from "../src/index.js";
import { legendre } from "../src/internal/legendre.js";
import fixture from "./fixtures/fixed_quad.json" with { type: "json" };
import { expectClose } from "./helpers.js";

const fns: Record<string, (x: number) => number> = {
  x8: (x) => x ** 8,
  cos: Math.cos,
  exp: Math.exp,
};

describe("fixedQuad", () => {
  for (const c of fixture.cases) {
    it(`${c.integrand} on [${c.a}, ${c.b}], n = ${c.n}`, () => {
      expectClose(fixedQuad(fns[c.integrand], c.a, c.b, { n: c.n }).value, c.value, 1e-13, 1e-15);
    });
  }

  it("nodes and weights agree with scipy's roots_legendre", () => {
    const { x, w } = legendre(7);
    fixture.legendre7.x.forEach((v, i) => {
      expectClose(x[i], v, 0, 1e-15);
    });
    fixture.legendre7.w.forEach((v, i) => {
      expectClose(w[i], v, 1e-14);
    });
  });

  it("is exact for polynomials of degree 2n - 1", () => {
    for (const n of [1, 2, 3, 6, 10]) {
      const deg = 2 * n - 1;
      expectClose(fixedQuad((x) => (deg + 1) * x ** deg, 0, 1, { n }).value, 1, 1e-13);
    }
  });

  it("vectorized: one call with an NDArray of nodes, vector-valued results", () => {
    let calls = 0;
    const r = fixedQuad(
      (x: NDArray) => {
        calls++;
        return multiply(x, x);
      },
      0,
      3,
      { vectorized: true },
    );
    expect(calls).toBe(1);
    expectClose(r.value as number, 9, 1e-14);
    const { a, b, n, value } = fixture.vector;
    const vec = fixedQuad(
      (x: NDArray) => {
        const xs = Array.from(x.toTypedArray());
        return [xs, xs.map((t) => t * t), Array.from((sin(x) as NDArray).toTypedArray())];
      },
      a,
      b,
      { n, vectorized: true },
    ).value as NDArray;
    expect(vec.shape).toEqual([3]);
    value.forEach((v, i) => {
      expectClose(vec.get(i), v, 1e-13);
    });
  });

  it("passes args and accepts NDArray scalars", () => {
    expectClose(fixedQuad((x, k) => k * x, 0, 1, { args: [4] }).value, 2, 1e-15);
    expectClose(fixedQuad((x) => new NDArray(new Float64Array([x]), []), 0, 2).value, 2, 1e-15);
  });

  it("throws typed errors on bad input", () => {
    expect(() => fixedQuad(2 as never, 0, 1)).toThrow(TypeError);
    expect(() => fixedQuad(Math.exp, 0, Number.POSITIVE_INFINITY)).toThrow(
      /only available for finite limits/,
    );
    expect(() => fixedQuad(Math.exp, 0, 1, { n: 0 })).toThrow(
      /n must be a positive integer, got 0/,
    );
    expect(() => fixedQuad(Math.exp, 0, 1, { n: 2.5 })).toThrow(RangeError);
    expect(() => fixedQuad(Math.exp, 0, 1, { order: 3 } as never)).toThrow(
      /unknown option "order"/,
    );
    expect(() => fixedQuad(Math.exp, 0, 1, { vectorized: 1 } as never)).toThrow(
      /vectorized must be a boolean/,
    );
    expect(() => fixedQuad(() => [1, 2], 0, 1, { vectorized: true })).toThrow(/last axis/);
    expect(() => fixedQuad(() => "x" as never, 0, 1)).toThrow(TypeError);
  });
});
