import { CubicSpline, interp1d, makeInterpSpline } from "@nabla/interpolate";
import { array, linspace, type NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { expectClose, fixture } from "./helpers.js";

const cases = fixture("interpolate.extra.json").cases;
const x5 = [0, 1, 2, 3, 4];
const y5 = x5.map(Math.sin);
const x7 = [0, 1, 2, 3, 4, 5, 6];

describe("interp1d kinds (scipy 1.17)", () => {
  for (const [name, c] of Object.entries(cases.kinds) as [string, Record<string, unknown>][]) {
    const kind = /^\d$/.test(name) ? Number(name) : name;
    const xs = kind === 4 || kind === 5 ? x7 : x5;
    it(`${name}: values`, () => {
      expectClose(
        interp1d(xs, xs.map(Math.sin), { kind: kind as never })(c.at as number[]),
        c.values,
      );
    });
    if (c.extrapolated) {
      it(`${name}: fillValue "extrapolate"`, () => {
        expectClose(
          interp1d(x5, y5, { kind: kind as never, fillValue: "extrapolate" })([-1, 5]),
          c.extrapolated,
        );
      });
    }
  }

  it("ALGORITHMS.md vectors: ties in nearest, exact hits in previous/next", () => {
    expect(interp1d([0, 1], [0, 10], { kind: "nearest" })([0.5, 0.49, 0.51]).toArray()).toEqual([
      0, 0, 10,
    ]);
    expect(interp1d([0, 1], [0, 10], { kind: "nearest-up" })(0.5)).toBe(10);
    expect(interp1d([0, 1, 2], [0, 10, 20], { kind: "previous" })([1, 1.5, 2]).toArray()).toEqual([
      10, 10, 20,
    ]);
    expect(interp1d([0, 1, 2], [0, 10, 20], { kind: "next" })([0, 0.5, 1]).toArray()).toEqual([
      0, 10, 10,
    ]);
    expect(interp1d([0, 1, 2, 3], [0, 1, 8, 27], { kind: "cubic" })(1.5)).toBeCloseTo(3.375, 14);
  });

  it("sorts unsorted x stably and keeps numpy.interp's duplicate handling", () => {
    expect(interp1d([3, 1, 2], [30, 10, 20])(1.5)).toBe(cases.unsorted);
    expectClose(interp1d([0, 1, 1, 2], [0, 1, 2, 3])([0.5, 1, 1.5]), cases.duplicates);
    const f = interp1d([2, 0, 1], [[20, 0, 10]], { kind: "linear" });
    expect(f.x.toArray()).toEqual([0, 1, 2]);
    expect(f.y.toArray()).toEqual([[0, 10, 20]]);
  });

  it("previous/next with extrapolate fill one side, as scipy", () => {
    const p = interp1d([0, 1, 2], [0, 10, 20], { kind: "previous", fillValue: "extrapolate" });
    const q = p([-1, 3]).toArray() as number[];
    expect(q[0]).toBeNaN();
    expect(q[1]).toBe(20);
    expect(p.boundsError).toBe(false);
    const n = interp1d([0, 1, 2], [0, 10, 20], { kind: "next", fillValue: "extrapolate" })([
      -1, 3,
    ]).toArray() as number[];
    expect(n[0]).toBe(0);
    expect(n[1]).toBeNaN();
  });

  it("fills below and above separately and carries its data as properties", () => {
    const f = interp1d(x5, y5, { boundsError: false, fillValue: [-7, 7] });
    expect(f([-1, 9]).toArray()).toEqual([-7, 7]);
    expect(f.kind).toBe("linear");
    expect(f.axis).toBe(0);
    expect(f.boundsError).toBe(false);
    expect(f.fillValue).toEqual([-7, 7]);
    expect(f.assumeSorted).toBe(false);
    expect(typeof f).toBe("function");
    expect(f.evaluate(0)).toBe(0);
    expect(String(f)).toContain("interp1d");
    const g = interp1d(x5, y5, { fillValue: "extrapolate" });
    expect(g.boundsError).toBe(false);
    expect(interp1d(x5, y5).boundsError).toBe(true);
  });

  it("accepts NDArray, typed arrays and 0-d arrays for points", () => {
    const f = interp1d(array(x5), new Float64Array(y5), { kind: "cubic" });
    expect(f(array(2))).toBeCloseTo(y5[2], 15);
    expect(f(new Float64Array([1, 2])).shape).toEqual([2]);
    expect(f([[1], [2]]).shape).toEqual([2, 1]);
    expect(f([]).shape).toEqual([0]);
  });

  it("N-D y: output shape y.shape[:axis] + x.shape + y.shape[axis+1:]", () => {
    const nd = cases.nd;
    for (const kind of ["linear", "nearest", "cubic", "previous"]) {
      const out = interp1d<NDArray>(x5, nd.Y, { kind: kind as never })(nd.xq);
      expect(out.shape).toEqual([3, 2, 2]);
      expectClose(out, nd[kind]);
    }
    const Yt = (nd.Y as number[][])[0].map((_, i) => (nd.Y as number[][]).map((row) => row[i]));
    expectClose(interp1d(x5, Yt, { kind: "quadratic", axis: 0 })(nd.xq), nd.axis0);
    const y3 = interp1d(x5, nd.Y3, { kind: "cubic", axis: 1 })([0.5, 3.25]);
    expect(y3.shape).toEqual([2, 2, 3]);
    expectClose(y3, nd.axis1_3d);
    const filled = interp1d(x5, Yt, {
      axis: 0,
      boundsError: false,
      fillValue: [array([-1, -2, -3]), 9],
    })([-1, 2.5, 7]);
    expectClose(filled, nd.fill_nd);
    expect(interp1d<NDArray>(x5, nd.Y)(1.5).shape).toEqual([3]);
  });

  it("NaN in the data: linear propagates locally, a cubic spline returns NaN everywhere", () => {
    const yn = [0, 1, Number.NaN, 3, 4];
    const v = interp1d(x5, yn)([0.5, 1.5]).toArray() as number[];
    expect(v[0]).toBe(0.5);
    expect(v[1]).toBeNaN();
    const c = interp1d(x5, yn, { kind: "cubic" })([0.5, 3.5]).toArray() as number[];
    expect(c.every(Number.isNaN)).toBe(true);
    const nx = interp1d([0, 1, Number.NaN, 3], [0, 1, 2, 3], { kind: "quadratic" })([
      0.5,
    ]).toArray() as number[];
    expect(nx[0]).toBeNaN();
    expect(interp1d(x5, y5)(Number.NaN)).toBeNaN();
  });

  it("an infinite x: a quadratic or cubic spline returns NaN everywhere (scipy's LAPACK result)", () => {
    // scipy 1.17: interp1d([0, ..., inf], y, kind)([0.5, 1.5, 2.5]) is [nan, nan, nan]
    const y = [0, 1, 2, 0, 1, 2, 0, 1, 2];
    for (const kind of ["quadratic", "cubic", 3] as const) {
      for (const x of [
        [0, 1, 2, 3, Number.POSITIVE_INFINITY],
        [Number.NEGATIVE_INFINITY, 1, 2, 3, 4],
        [0, 1, 2, 3, 4, 5, 6, 7, Number.POSITIVE_INFINITY],
      ]) {
        const v = interp1d(x, y.slice(0, x.length), { kind })([
          0.5, 1.5, 2.5,
        ]).toArray() as number[];
        expect(v.every(Number.isNaN)).toBe(true);
      }
    }
    // the checks on x still come first
    expect(() =>
      interp1d([0, 1, 1, 2, Number.POSITIVE_INFINITY], [0, 1, 2, 3, 4], { kind: "cubic" }),
    ).toThrow(/Expect x to not have duplicates/);
  });
});

describe("interp1d: the seed lecture's cells", () => {
  const lec = cases.lecture;
  // x, h = np.linspace(0.1, 1, 10, retstep=True); y = x**0.5 + noise (a fixed draw of normal(0, 0.005))
  const x = linspace(0.1, 1, 10);
  const y = (x.toArray() as number[]).map((v, i) => v ** 0.5 + lec.noise[i]);
  const af = interp1d(x, y, { kind: "cubic", boundsError: false, fillValue: "extrapolate" });

  it("af([0.4, 0.5]) and af(3) reproduce scipy", () => {
    expectClose(x, lec.x, 0, 0);
    expectClose(y, lec.y, 1e-15, 0);
    expectClose(af([0.4, 0.5]), lec.values);
    const at3 = af(3);
    expect(typeof at3).toBe("number");
    expectClose(at3, lec.at3);
    expectClose(af(linspace(0.1, 1, 100)), lec.fit);
  });

  it("the derivative through a spline's derivative() matches scipy's", () => {
    // interp1d's cubic is make_interp_spline(x, y, 3); scipy keeps y as (n, 1) columns inside
    const b = makeInterpSpline(x, y, 3);
    expectClose(
      b.derivative()(x),
      (lec.derivative as number[][]).map((row) => row[0]),
    );
    expectClose(b(linspace(0.1, 1, 100)), lec.fit);
    expectClose(
      new CubicSpline(x, y).derivative()(linspace(0.1, 1, 100)),
      lec.cubicSplineDerivative,
    );
  });
});

describe("interp1d errors (scipy's messages)", () => {
  it("out of range with boundsError names the offending value", () => {
    const f = interp1d(x5, y5);
    expect(() => f(5)).toThrow(
      /A value \(5\.0\) in x_new is above the interpolation range's maximum value \(4\.0\)/,
    );
    expect(() => f([1, -0.5, 9])).toThrow(
      /A value \(-0\.5\) in x_new is below the interpolation range's minimum value \(0\.0\)/,
    );
    expect(() => f(5)).toThrow(RangeError);
    // scipy checks every point against the minimum before any against the maximum
    expect(() => f([9, 1, -0.5, -2])).toThrow(/A value \(-0\.5\) in x_new is below/);
    // NaN is neither below nor above: it evaluates to NaN
    expect((f([Number.NaN, 2]) as NDArray).toArray()).toEqual([Number.NaN, y5[2]]);
  });

  it("cubic: the range check made during a large evaluation reports as scipy does", () => {
    const xs = Array.from({ length: 400 }, (_, i) => i * 0.25);
    const f = interp1d(xs, xs.map(Math.sin), { kind: "cubic" });
    const sorted = Array.from({ length: 1000 }, (_, i) => i * 0.09);
    expect((f(sorted) as NDArray).size).toBe(1000);
    sorted.push(120); // above, at the end of sorted points
    expect(() => f(sorted)).toThrow(/A value \(120\.0\) in x_new is above/);
    const random = Array.from({ length: 1000 }, (_, i) => (i * 37.77) % 99);
    random[500] = 100; // above, met first
    random[900] = -1; // below: scipy reports it
    expect(() => f(random)).toThrow(/A value \(-1\.0\) in x_new is below/);
    // N-D values take the general kernel, with the same check
    const g = interp1d(
      xs,
      xs.map((v) => [Math.sin(v), Math.cos(v)]),
      { kind: "cubic", axis: 0 },
    );
    expect(() => g([1, 2, 100.5])).toThrow(/A value \(100\.5\) in x_new is above/);
    expect((g([1, 2, 99.75]) as NDArray).shape).toEqual([3, 2]);
  });

  it("rejects bad kinds, shapes, too few points and contradictory options", () => {
    expect(() => interp1d(x5, y5, { kind: "spline" as never })).toThrow(
      /spline is unsupported: Use fitpack routines for other types/,
    );
    expect(() => interp1d(x5, y5, { kind: -1 })).toThrow(/spline order and must be >= 0/);
    expect(() => interp1d([0, 1, 2], [1, 2])).toThrow(
      /x and y arrays must be equal in length along interpolation axis/,
    );
    expect(() => interp1d([[0, 1]], [[1, 2]], { axis: 0 })).toThrow(
      /the x array must have exactly one dimension/,
    );
    expect(() => interp1d(0, 1)).toThrow(
      /the x array must have exactly one dimension|y array must have at least one dimension/,
    );
    expect(() => interp1d([0, 1, 2], [0, 1, 2], { kind: "cubic" })).toThrow(
      /The number of derivatives at boundaries does not match: expected 1, got 0\+0/,
    );
    expect(() => interp1d([0, 1], [0, 1], { kind: "quadratic" })).toThrow(/expected 1, got 0\+0/);
    expect(() => interp1d([0, 1, 1, 2], [0, 1, 2, 3], { kind: "cubic" })).toThrow(
      /Expect x to not have duplicates/,
    );
    expect(() =>
      interp1d([0, 2, 1, 3], [0, 1, 2, 3], { kind: "cubic", assumeSorted: true }),
    ).toThrow(/Expect x to be a 1D strictly increasing sequence/);
    expect(() => interp1d(x5, y5, { boundsError: true, fillValue: "extrapolate" })).toThrow(
      /Cannot extrapolate and raise at the same time/,
    );
    expect(() => interp1d(x5, y5, { fillValue: [1, 2, 3] })).toThrow(
      /fill_value argument must be able to broadcast up to shape \(1,\) but had shape \(3,\)/,
    );
    expect(() => interp1d(x5, y5, { bounds_error: false } as never)).toThrow(
      /unknown option "bounds_error"/,
    );
    expect(() => interp1d([Number.NaN, Number.NaN], [1, 2], { kind: "quadratic" })).toThrow(
      /`x` array is all-nan/,
    );
    expect(() => interp1d([], [], {})).toThrow(/at least 1 entries/);
    for (const [kind, k] of [
      ["quadratic", 3],
      ["cubic", 4],
      [5, 6],
    ] as const) {
      expect(() => interp1d([], [], { kind })).toThrow(`at least ${k} entries, got 0.`);
    }
    expect(() => interp1d(x5, y5, { axis: 2 })).toThrow(/axis 2 is out of bounds/);
  });
});

describe("interp1d keeps its own copy of the data", () => {
  for (const wrap of ["Float64Array", "NDArray"] as const) {
    it(`from a ${wrap}: later writes to x and y do not change it, and it never writes them`, () => {
      const xd = Float64Array.from(x5);
      const yd = Float64Array.from(y5);
      const xIn = wrap === "NDArray" ? array(xd) : xd;
      const yIn = wrap === "NDArray" ? array(yd) : yd;
      const xData = wrap === "NDArray" ? ((xIn as NDArray).data as Float64Array) : xd;
      const yData = wrap === "NDArray" ? ((yIn as NDArray).data as Float64Array) : yd;
      for (const kind of ["linear", "cubic"] as const) {
        const f = interp1d(xIn, yIn, { kind });
        const before = (f([0.5, 2.5]) as NDArray).toArray() as number[];
        expect(Array.from(xData)).toEqual(x5);
        expect(Array.from(yData)).toEqual(y5);
        xData[1] = 1.5;
        yData[2] = 100;
        expect((f([0.5, 2.5]) as NDArray).toArray()).toEqual(before);
        expect(f.x.toArray()).toEqual(x5);
        expect(f.y.toArray()).toEqual(y5);
        xData.set(x5);
        yData.set(y5);
      }
    });
  }
});
