import { BSpline, makeInterpSpline } from "@nabla/interpolate";
import { LinAlgError } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { expectClose, fixture } from "./helpers.js";

const mis = fixture("interpolate.extra.json").cases.makeInterpSpline;
const x8 = [0, 1, 2, 3, 4, 5, 6, 7];
const y8 = x8.map(Math.sin);
const xq8 = [-0.5, 0.5, 2.25, 6.3, 7.5];
const x5 = [0, 1, 2, 3, 4];
const ynd = x5.map((v) => [Math.sin(v), Math.cos(v)]);
const xq = [
  [0.25, 1.75],
  [2.5, 3.9],
];

describe("makeInterpSpline, every degree (scipy 1.17)", () => {
  for (let k = 0; k <= 5; k++) {
    it(`k = ${k}`, () => {
      const e = mis[String(k)];
      const b = makeInterpSpline(x8, y8, k);
      expect(b.k).toBe(k);
      expectClose(b.t, e.t, 0, 0);
      expectClose(b.c, e.c, 1e-12, 1e-14);
      expectClose(b(xq8), e.values, 1e-12, 1e-14);
      expectClose(b.integrate(0.5, 6.5), e.integral, 1e-12, 1e-14);
      if (k > 0) {
        expectClose(b.integrate(-1, 9, { extrapolate: false }), e.integralNoExt, 1e-12, 1e-14);
        expectClose(b.integrate(-1, 9), e.integralExt, 1e-12, 1e-14);
      } else {
        // scipy's splint gives NaN for k = 0; the integral of the steps y[0..6] on [0, 7] is their sum
        const steps = y8.slice(0, 7).reduce((s, v) => s + v, 0);
        expect(b.integrate(-1, 9, { extrapolate: false })).toBeCloseTo(steps, 14);
      }
      expectClose(b.antiderivative()(xq8), e.anti, 1e-12, 1e-14);
      expectClose(b.toPPoly()(xq8), e.ppoly, 1e-12, 1e-14);
      if (k >= 1) {
        expectClose(b(xq8, 1), e.d1, 1e-12, 1e-14);
        expectClose(b.derivative()(xq8), e.derivative, 1e-12, 1e-14);
      }
    });
  }

  it("boundary conditions", () => {
    expectClose(makeInterpSpline(x8, y8, 3, { bcType: "natural" })(xq8), mis.natural.values);
    expectClose(makeInterpSpline(x8, y8, 3, { bcType: "clamped" })(xq8), mis.clamped.values);
    expectClose(
      makeInterpSpline(x8, y8, 3, { bcType: [[[1, 0.5]], [[2, -0.25]]] })(xq8),
      mis.explicit.values,
    );
    const two = makeInterpSpline(x8, y8, 4, {
      bcType: [
        [
          [1, 1],
          [2, 0],
        ],
        [[1, 0]],
      ],
    });
    expectClose(two.t, mis.explicitTwo.t, 0, 0);
    expectClose(two(xq8), mis.explicitTwo.values);
    const q = makeInterpSpline(x8, y8, 5, {
      bcType: [
        [
          [1, 0],
          [2, 0],
        ],
        [
          [1, 0],
          [2, 0],
        ],
      ],
    });
    expectClose(q(xq8), mis.quintic_clamped);
    expect(q(0, 1)).toBeCloseTo(0, 13);
    expect(q(7, 2)).toBeCloseTo(0, 12);
  });

  it("N-D y and axis", () => {
    const b = makeInterpSpline(x5, ynd, 3);
    expectClose(b(xq), mis.nd);
    const yT = [ynd.map((r) => r[0]), ynd.map((r) => r[1])];
    expectClose(makeInterpSpline(x5, yT, 2, { axis: 1 })(xq), mis.ndAxis);
  });

  it("errors with scipy's messages", () => {
    expect(() => makeInterpSpline([0, 1, 1, 2], [0, 1, 2, 3])).toThrow(
      /Expect x to not have duplicates/,
    );
    expect(() => makeInterpSpline([0, 2, 1, 3], [0, 1, 2, 3])).toThrow(
      /Expect x to be a 1D strictly increasing sequence/,
    );
    expect(() => makeInterpSpline([0, 1, 2], [0, 1])).toThrow(
      /Shapes of x \(3,\) and y \(2,\) are incompatible/,
    );
    expect(() => makeInterpSpline([0, 1, 2], [0, 1, 2], 3)).toThrow(
      /The number of derivatives at boundaries does not match: expected 1, got 0\+0/,
    );
    expect(() => makeInterpSpline(x8, y8, 2, { bcType: "natural" })).toThrow(
      /expected 1, got 1\+1/,
    );
    expect(() => makeInterpSpline(x8, y8, 0, { bcType: "natural" })).toThrow(
      /Too much info for k=0/,
    );
    expect(() => makeInterpSpline(x8, y8, 1, { bcType: "natural" })).toThrow(
      /Too much info for k=1/,
    );
    expect(() => makeInterpSpline(x8, y8, -1)).toThrow(/Expect non-negative k/);
    expect(() => makeInterpSpline(x8, y8, 3, { bcType: "periodic" as never })).toThrow(
      /Unknown boundary condition/,
    );
    expect(() => makeInterpSpline(x8, y8, 3, { bcType: [[[5, 0]], null] })).toThrow(
      /Bad boundary conditions at 0\.0/,
    );
    expect(() => makeInterpSpline(x8, y8, 3, { bcType: ["free", null] as never })).toThrow(
      /Unknown boundary condition : free/,
    );
    expect(() => makeInterpSpline([0, Number.NaN, 2, 3], [0, 1, 2, 3])).toThrow(
      /must not contain infs or NaNs/,
    );
    expect(() => makeInterpSpline(x8, y8, 3, { t: [0, 1, 2] })).toThrow(
      /Got 3 knots, need at least 12/,
    );
    expect(() => makeInterpSpline(x8, y8, 3, { t: [3, 2, 1] })).toThrow(
      /Expect t to be a 1-D sorted array_like/,
    );
    // a custom knot vector that leaves a data point outside the base interval
    expect(() => makeInterpSpline(x8, y8, 3, { t: [1, 1, 1, 1, 2, 3, 4, 5, 7, 7, 7, 7] })).toThrow(
      /Out of bounds w\/ x/,
    );
    // Schoenberg-Whitney fails: two data points in one knot span with no basis function for one of them
    expect(() =>
      makeInterpSpline(x8, y8, 1, { t: [0, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 7, 7, 7] }),
    ).toThrow(LinAlgError);
  });
});

describe("BSpline", () => {
  it("evaluates with and without extrapolation", () => {
    expectClose(new BSpline([0, 0, 1, 2, 2], [0, 1, 0], 1)([0.5, 1, 1.5]), mis.hat);
    const b = makeInterpSpline(x8, y8);
    expectClose(new BSpline(b.t, b.c, 3, { extrapolate: false })([-1, 3, 8]), mis.noExt);
    expectClose(
      new BSpline(b.t, b.c, 3, { extrapolate: "periodic" })([-1, 3, 8.5]),
      mis.periodicEval,
    );
    expect(typeof b).toBe("function");
    expect(b).toBeInstanceOf(BSpline);
    expect(String(b)).toMatch(/^BSpline\(degree 3/);
  });

  it("derivative and antiderivative are inverse", () => {
    const b = makeInterpSpline(x8, y8, 4);
    expectClose(b.antiderivative(2).derivative(2)(xq8), b(xq8), 1e-11, 1e-13);
    expectClose(b.derivative(-1)(xq8), b.antiderivative()(xq8), 1e-15, 1e-15);
    expect(b.derivative(4).derivative(0)(3.3)).toBeCloseTo(b(3.3, 4), 12);
  });

  it("rejects malformed input with scipy's messages", () => {
    expect(() => new BSpline([0, 1], [1], -1)).toThrow(/Spline order cannot be negative/);
    expect(() => new BSpline([0, 1, 2], [1, 2], 1)).toThrow(/Need at least 4 knots for degree 1/);
    expect(() => new BSpline([0, 2, 1, 3], [1, 2], 1)).toThrow(
      /Knots must be in a non-decreasing order/,
    );
    expect(() => new BSpline([0, 0, 0, 0], [1, 2], 1)).toThrow(/Need at least two internal knots/);
    expect(() => new BSpline([0, 0, 1, Number.POSITIVE_INFINITY], [1, 2], 1)).toThrow(
      /Knots should not have nans or infs/,
    );
    expect(() => new BSpline([0, 0, 1, 1], [1], 1)).toThrow(
      /Knots, coefficients and degree are inconsistent/,
    );
    expect(() => new BSpline([0, 0, 1, 1], 1, 1)).toThrow(
      /Coefficients must be at least 1-dimensional/,
    );
    expect(() => new BSpline([[0, 0, 1, 1]], [1, 2], 1)).toThrow(
      /Knot vector must be one-dimensional/,
    );
    expect(() => makeInterpSpline(x8, y8).derivative(4)).toThrow(
      /Order of derivative \(n = 4\) must be <= order of spline \(k = 3\)/,
    );
    expect(() => new BSpline([0, 0, 1, 1], [1, 2], 1).derivative(1.5)).toThrow(
      /nu must be an integer/,
    );
  });
});
