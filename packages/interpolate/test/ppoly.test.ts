import { makeInterpSpline, PPoly } from "@nabla/interpolate";
import type { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { expectClose, fixture } from "./helpers.js";

const pc = fixture("interpolate.extra.json").cases.PPoly;

describe("PPoly (scipy 1.17)", () => {
  // x^2 - 4x + 3 about -2 on [-2, 1], (x - 1)^2 on [1, 2]  (scipy's docstring example)
  const pp = new PPoly(
    [
      [1, 1],
      [-4, 0],
      [3, 0],
    ],
    [-2, 1, 2],
  );

  it("evaluates, integrates and finds roots", () => {
    expectClose(pp([-2.5, 0, 1, 1.5, 3]), pc.values);
    expectClose(pp.integrate(-2, 2), pc.integral);
    expectClose(pp.roots(), pc.roots);
    expect(pp.x.toArray()).toEqual([-2, 1, 2]);
    expect(pp.c.toArray()).toEqual([
      [1, 1],
      [-4, 0],
      [3, 0],
    ]);
  });

  it("roots of higher degree, constant pieces and jumps", () => {
    const q = new PPoly([[1], [0], [-5], [0], [4]], [-3, 3]);
    expectClose(q.roots(), pc.quartic);
    expectClose(q.solve(1.5), pc.quarticSolve);
    expectClose(
      new PPoly(
        [
          [0, 1],
          [0, -1],
        ],
        [0, 1, 2],
      ).roots(),
      pc.zeroPiece,
    );
    expectClose(new PPoly([[-1, 1]], [0, 1, 2]).roots(), pc.jump);
    expectClose(new PPoly([[-1, 1]], [0, 1, 2]).roots({ discontinuity: false }), pc.jumpNoDiscont);
  });

  it("descending breakpoints", () => {
    const d = new PPoly(
      [
        [1, 2],
        [3, 4],
      ],
      [3, 2, 0],
    );
    expectClose(d([2.5, 1, -1]), pc.descending);
    expectClose(d.integrate(0.5, 2.5), pc.descendingIntegral);
    expectClose(d.antiderivative()([2.5, 1]), pc.antiderivativeDescending);
  });

  it("axis moves the coefficient axes; derivative(-n) integrates", () => {
    // c of shape (2 values, 2 orders, 1 interval) with axis 1
    const a = new PPoly<NDArray>(
      [
        [[1], [0]],
        [[2], [1]],
      ],
      [0, 1],
      { axis: 1 },
    );
    expect(a.c.shape).toEqual([2, 1, 2]);
    expect(a(0.5).toArray()).toEqual([0.5, 2]);
    expect(a([0.5, 1]).shape).toEqual([2, 2]);
    const lin = new PPoly([[2], [0]], [0, 1]);
    expect(lin.derivative(-1)(1)).toBeCloseTo(1, 15);
    expect(lin.derivative(5)(0.3)).toBe(0);
    expect(lin.antiderivative(0)(0.5)).toBe(1);
  });

  it("fromSpline converts a B-spline to the power basis", () => {
    const x = [0, 1, 2, 3, 4, 5];
    const b = makeInterpSpline(x, x.map(Math.cos));
    const p = PPoly.fromSpline(b);
    const q = [-0.5, 0.3, 2.2, 4.9, 5.5];
    expectClose(p(q), b(q), 1e-12, 1e-14);
    expect(p.c.shape).toEqual([4, 9]);
    expectClose(b.toPPoly()(q), b(q), 1e-12, 1e-14);
  });

  it("rejects malformed input with scipy's messages", () => {
    expect(() => new PPoly([1, 2], [0, 1])).toThrow(
      /Coefficients array must be at least 2-dimensional/,
    );
    expect(() => new PPoly([[1, 2]], [0, 1])).toThrow(/number of coefficients != len\(x\)-1/);
    expect(() => new PPoly([[1]], [0])).toThrow(/at least 2 breakpoints are needed/);
    expect(() => new PPoly([[1, 2]], [0, 2, 1])).toThrow(
      /`x` must be strictly increasing or decreasing/,
    );
    expect(() => new PPoly([[1]], [0, 1], { axis: 1 })).toThrow(/axis=1 must be between 0 and 1/);
    expect(() => new PPoly([[1]], [[0, 1]])).toThrow(/x must be 1-dimensional/);
    expect(() => new PPoly([[1]], [0, 1]).integrate(0, 1, { extrapolate: 2 as never })).toThrow(
      /extrapolate must be/,
    );
  });

  it("integrate without extrapolation gives NaN outside", () => {
    const s = new PPoly([[1]], [0, 1], { extrapolate: false });
    expect(s.integrate(-1, 0.5)).toBeNaN();
    expect(s.integrate(0, 0.5)).toBe(0.5);
    expect(s.integrate(0.5, 0)).toBe(-0.5);
  });
});
