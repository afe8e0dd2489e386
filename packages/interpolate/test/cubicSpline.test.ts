import { CubicSpline, PPoly } from "@nabla/interpolate";
import { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { expectClose, fixture } from "./helpers.js";

const cs = fixture("interpolate.extra.json").cases.CubicSpline;
const x5 = [0, 1, 2, 3, 4];
const y5 = x5.map(Math.sin);
const xn = [0.5, 1.5, 2.5, 3.7];
const bcs = {
  "not-a-knot": "not-a-knot",
  natural: "natural",
  clamped: "clamped",
  mixed: [
    [1, 0.5],
    [2, -1.0],
  ],
  mixedNames: ["natural", [1, 2.0]],
} as const;

describe("CubicSpline boundary conditions and methods (scipy 1.17)", () => {
  for (const [name, bcType] of Object.entries(bcs)) {
    it(name, () => {
      const s = new CubicSpline(x5, y5, { bcType: bcType as never });
      const e = cs[name];
      expectClose(s(xn), e.values);
      expectClose(s(xn, 1), e.d1);
      expectClose(s(xn, 2), e.d2);
      expectClose(s.evaluate(xn, { nu: 3 }), e.d3);
      expectClose(s([-1.5, 5.5]), e.extrapolated);
      expectClose(s.c, e.c);
      expectClose(s.antiderivative()(xn), e.anti);
      expectClose(s.antiderivative(2)(xn), e.anti2);
      expectClose(s.integrate(0.3, 3.3), e.integral);
      expectClose(s.integrate(3.3, -0.4), e.integralRev);
      expectClose(s.roots(), e.roots);
      expectClose(s.solve(0.5), e.solveHalf);
      expectClose(s.roots({ extrapolate: false }), e.rootsNoExt);
      // derivative() is the same as evaluating with nu
      expectClose(s.derivative()(xn), e.d1);
      expectClose(s.derivative(2).antiderivative(2).derivative(2)(xn), e.d2, 1e-11);
    });
  }

  it("periodic: wraps evaluation and integration", () => {
    const p = cs.periodic;
    const s = new CubicSpline(p.x, p.y, { bcType: "periodic" });
    expect(s.extrapolate).toBe("periodic");
    expectClose(s([1, 7, -2, 13]), p.values);
    expectClose(s([1, 7], 1), p.d1);
    expectClose(s.integrate(-1, 15), p.integral);
    expectClose(s.integrate(5, 7), p.integralShort);
    expectClose(
      new CubicSpline([0, 1, 2, 3], [1, 2, 0, 1], { bcType: "periodic" })([0.5, 1.5, 2.5, 3.5]),
      cs.periodic4,
    );
    expectClose(
      new CubicSpline([0, 1, 3], [1, 2, 1], { bcType: "periodic" })([0.5, 2]),
      cs.periodic3,
    );
    expect(s.antiderivative().extrapolate).toBe(false);
  });

  it("special sizes: 2 points (a line), 3 points (a parabola)", () => {
    expectClose(new CubicSpline([0, 2], [1, 5])([0.5, 3]), cs.two);
    expectClose(new CubicSpline([0, 1, 2], [0, 1, 4])([1.5, -1]), cs.three);
    expect(new CubicSpline([0, 1, 2], [0, 1, 4])(1.5)).toBeCloseTo(2.25, 14);
    expectClose(
      new CubicSpline([0, 1, 3], [0, 1, 4], { bcType: "natural" })([1.5, 2.5]),
      cs.threeNatural,
    );
    expectClose(
      new CubicSpline(
        cs.nonuniform.x,
        (cs.nonuniform.x as number[]).map((v) => Math.exp(-v)),
      )([-0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]),
      cs.nonuniform.values,
    );
  });

  it("2 points with every end condition: the 2x2 system, rows exchanged as LAPACK does", () => {
    const widen = (bc: unknown): unknown =>
      typeof bc === "string"
        ? bc
        : (bc as unknown[]).map((e) =>
            typeof e === "string"
              ? e
              : [(e as number[])[0], [(e as number[])[1], 2 * (e as number[])[1]]],
          );
    const bcs: Record<string, unknown> = {
      clamped: "clamped",
      natural: "natural",
      periodic: "periodic",
      slopeCurv: [
        [1, 0.3],
        [2, 0.7],
      ],
      curvSlope: [
        [2, -1.5],
        [1, 2.0],
      ],
      slopes: [
        [1, 0.3],
        [1, -0.2],
      ],
      knotSlope: ["not-a-knot", [1, 0.3]],
    };
    for (const [name, bcType] of Object.entries(bcs)) {
      const e = cs.twoBC[name];
      const s = new CubicSpline([0, 3], e.y, { bcType: bcType as never });
      expectClose(s.c, e.c);
      expectClose(s([-1, 0.5, 2, 4]), e.values);
      expectClose(new CubicSpline([0, 3], e.y2, { bcType: widen(bcType) as never }).c, e.c2);
    }
    // the first row [1, 0] is exchanged with [3, 6], so the start slope comes back rounded, not as
    // the 0.3 given: 0.3000000000000001 here, 0.30000000000000043 from scipy's gtsv, exactly 0.3
    // from an elimination without the exchange (the two-sweep build's)
    const s = new CubicSpline([0, 3], [0, 1], { bcType: bcs.slopeCurv as never });
    expect((s.c.toArray() as number[][])[2][0]).toBe(0.3000000000000001);
  });

  it("N-D y along axis 0 and axis 1", () => {
    const s = new CubicSpline<NDArray>(x5, cs.nd.y);
    const xq = [
      [0.25, 1.75],
      [2.5, 3.9],
    ];
    expect(s(xq).shape).toEqual([2, 2, 2]);
    expectClose(s(xq), cs.nd.values);
    expectClose(s.integrate(0, 4), cs.nd.integral);
    const roots = s.roots();
    expect(roots).toHaveLength(2);
    roots.forEach((r, j) => {
      expectClose(r, cs.nd.roots[j]);
    });
    expect(s(1)).toBeInstanceOf(NDArray);
    const yT = (cs.nd.y as number[][])[0].map((_, j) =>
      (cs.nd.y as number[][]).map((row) => row[j]),
    );
    const sa = new CubicSpline(x5, yT, { axis: 1, bcType: [[1, [0, 1]], "natural"] });
    expect(sa.axis).toBe(1);
    expectClose(sa(xq), cs.ndAxis1);
  });

  it("extrapolate: false gives NaN outside", () => {
    expectClose(new CubicSpline(x5, y5, { extrapolate: false })([-1, 2, 5]), cs.noExtrapolate);
  });

  it("is a callable PPoly with scipy's data", () => {
    const s = new CubicSpline(x5, y5);
    expect(typeof s).toBe("function");
    expect(s).toBeInstanceOf(CubicSpline);
    expect(s).toBeInstanceOf(PPoly);
    expect(s.x.toArray()).toEqual(x5);
    expect(s.c.shape).toEqual([4, 4]);
    expect(s.derivative()).toBeInstanceOf(PPoly);
    expect(String(s)).toMatch(/^CubicSpline\(degree 3, 4 intervals/);
    expect(typeof s(2)).toBe("number");
    expect(s(2)).toBeCloseTo(y5[2], 15);
  });

  it("reproduces cubics exactly (not-a-knot) and integrates them", () => {
    const f = (v: number) => v ** 3 - 2 * v;
    const xs = [0, 0.5, 1.7, 2, 3.1, 4];
    const s = new CubicSpline(xs, xs.map(f));
    for (const v of [0.2, 1.1, 2.5, 3.9]) expect(s(v)).toBeCloseTo(f(v), 12);
    expect(s.integrate(0, 4)).toBeCloseTo(4 ** 4 / 4 - 16, 11);
    const roots = s.solve(f(2.5)).toArray() as number[];
    expect(roots.some((r) => Math.abs(r - 2.5) < 1e-12)).toBe(true);
  });
});

describe("CubicSpline errors (scipy's messages)", () => {
  it("rejects bad data", () => {
    expect(() => new CubicSpline([0], [1])).toThrow(/`x` must contain at least 2 elements/);
    expect(() => new CubicSpline([0, 2, 1], [1, 2, 3])).toThrow(
      /`x` must be strictly increasing sequence/,
    );
    expect(() => new CubicSpline([0, 1, 1], [1, 2, 3])).toThrow(/strictly increasing/);
    expect(() => new CubicSpline([0, 1, 2], [1, 2])).toThrow(
      /The length of `y` along `axis`=0 doesn't match the length of `x`/,
    );
    expect(() => new CubicSpline([0, Number.NaN, 2], [1, 2, 3])).toThrow(
      /`x` must contain only finite values/,
    );
    expect(() => new CubicSpline([0, 1, 2], [1, Number.POSITIVE_INFINITY, 3])).toThrow(
      /`y` must contain only finite values/,
    );
    expect(() => new CubicSpline([[0, 1]], [1, 2])).toThrow(/`x` must be 1-dimensional/);
  });

  it("reports non-finite values at either end, and before the ordering", () => {
    expect(() => new CubicSpline([0, 1, Number.POSITIVE_INFINITY], [1, 2, 3])).toThrow(
      /`x` must contain only finite values, got x\[2\] = Infinity/,
    );
    expect(() => new CubicSpline([Number.NEGATIVE_INFINITY, 0, 1], [1, 2, 3])).toThrow(
      /`x` must contain only finite values, got x\[0\]/,
    );
    expect(() => new CubicSpline([0, 2, 1], [Number.NaN, 2, 3])).toThrow(
      /`y` must contain only finite values, got NaN/,
    );
    expect(() => new CubicSpline([0, 1, 2], [1, 2, Number.NEGATIVE_INFINITY])).toThrow(
      /`y` must contain only finite values, got -Infinity/,
    );
  });

  it("rejects bad boundary conditions", () => {
    expect(() => new CubicSpline(x5, y5, { bcType: "periodic" })).toThrow(
      /The first and last `y` point along axis 0 must be identical \(within machine precision\) when bc_type='periodic'/,
    );
    expect(() => new CubicSpline(x5, y5, { bcType: ["periodic", "natural"] as never })).toThrow(
      /'periodic' `bc_type` is defined for both curve ends/,
    );
    expect(() => new CubicSpline(x5, y5, { bcType: ["natural"] as never })).toThrow(
      /`bc_type` must contain 2 elements/,
    );
    expect(() => new CubicSpline(x5, y5, { bcType: "free" as never })).toThrow(
      /bc_type=free is not allowed/,
    );
    expect(() => new CubicSpline(x5, y5, { bcType: [[3, 0], "natural"] as never })).toThrow(
      /The specified derivative order must be 1 or 2/,
    );
    expect(() => new CubicSpline(x5, y5, { bcType: [[1], "natural"] as never })).toThrow(
      /A specified derivative value must be given in the form \(order, value\)/,
    );
    expect(() => new CubicSpline(x5, y5, { bcType: [[1, [1, 2]], "natural"] })).toThrow(
      /`deriv_value` shape \(2,\) is not the expected one \(\)/,
    );
    expect(() => new CubicSpline(x5, y5, { bc_type: "natural" } as never)).toThrow(
      /unknown option "bc_type"/,
    );
  });

  it("rejects bad evaluation arguments", () => {
    const s = new CubicSpline(x5, y5);
    expect(() => s(1, -1)).toThrow(/Order of derivative cannot be negative/);
    expect(() => s.evaluate(1, { extrapolate: "yes" as never })).toThrow(
      /extrapolate must be true, false or "periodic"/,
    );
    expect(() => s.evaluate(1, { der: 1 } as never)).toThrow(/unknown option "der"/);
    expect(() => s("a" as never)).toThrow(TypeError);
  });
});
