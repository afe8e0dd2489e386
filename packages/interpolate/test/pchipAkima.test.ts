import { Akima1DInterpolator, CubicHermiteSpline, PchipInterpolator } from "@nabla/interpolate";
import { describe, expect, it } from "vitest";
import { expectClose, fixture } from "./helpers.js";

const cases = fixture("interpolate.extra.json").cases;
const x5 = [0, 1, 2, 3, 4];
const y5 = x5.map(Math.sin);
const xn = [0.5, 1.5, 2.5, 3.7];
const ynd = x5.map((v) => [Math.sin(v), Math.cos(v)]);
const grid = (a: number, b: number, n: number) =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

describe("PchipInterpolator (scipy 1.17)", () => {
  const p = cases.Pchip;
  it("values, derivatives, N-D, integral", () => {
    expectClose(new PchipInterpolator(x5, y5)(grid(-1, 5, 13)), p.values);
    expectClose(
      new PchipInterpolator([0, 1, 2, 3, 4, 5], [0, 0, 1, 1, 3, 2])(grid(0, 5, 11)),
      p.steps,
    );
    expectClose(new PchipInterpolator(x5, y5)(xn, 2), p.d2);
    expectClose(new PchipInterpolator([0, 1], [1, 3])([0.5, 2]), p.two);
    expectClose(new PchipInterpolator(x5, ynd)(xn), p.nd);
    expectClose(new PchipInterpolator(x5, y5).integrate(0.2, 3.9), p.integral);
  });
  it("errors", () => {
    expect(() => new PchipInterpolator([0, 0, 1], [1, 2, 3])).toThrow(/strictly increasing/);
    expect(() => new PchipInterpolator(x5, y5, { method: "x" } as never)).toThrow(
      /unknown option "method"/,
    );
  });
});

describe("Akima1DInterpolator (scipy 1.17)", () => {
  const a = cases.Akima;
  for (const method of ["akima", "makima"] as const) {
    it(method, () => {
      const f = new Akima1DInterpolator(x5, y5, { method });
      expect(f.extrapolate).toBe(false);
      expectClose(f(grid(-1, 5, 13)), a[method].values);
      expectClose(f(xn, 1), a[method].d1);
      expectClose(
        new Akima1DInterpolator(x5, y5, { method, extrapolate: true })([-1, 5]),
        a[method].extrapolated,
      );
    });
  }
  it("flat stretches, N-D, two points", () => {
    const xs = [0, 1, 2, 3, 4, 5, 6];
    const ys = [1, 1, 1, 1, 2, 2, 2];
    expectClose(new Akima1DInterpolator(xs, ys)(grid(0, 6, 13)), a.flat);
    expectClose(
      new Akima1DInterpolator(xs, ys, { method: "makima" })(grid(0, 6, 13)),
      a.makimaFlat,
    );
    expectClose(new Akima1DInterpolator(x5, ynd)(xn), a.nd);
    expectClose(new Akima1DInterpolator([0, 1], [1, 3])([0.5]), a.two);
  });
  it("errors", () => {
    expect(() => new Akima1DInterpolator(x5, y5, { method: "spline" as never })).toThrow(
      /`method`=spline is unsupported/,
    );
  });
});

describe("CubicHermiteSpline", () => {
  it("matches scipy and reproduces given slopes", () => {
    const h = new CubicHermiteSpline([0, 1, 3], [0, 1, 0], [1, 0, -1]);
    expectClose(h([0.5, 2, 4]), cases.Hermite);
    expect(h(1, 1)).toBeCloseTo(0, 15);
    expect(h(3, 1)).toBeCloseTo(-1, 14);
    expect(() => new CubicHermiteSpline([0, 1], [0, 1], [0, 1, 2])).toThrow(
      /The shapes of `y` and `dydx` must be identical/,
    );
    // @ts-expect-error a JS caller may still leave dydx out
    expect(() => new CubicHermiteSpline([0, 1], [0, 1])).toThrow(/expected x, y and dydx/);
    expect(() => new CubicHermiteSpline([0, 1], [0, 1], [0, Number.NaN])).toThrow(
      /`dydx` must contain only finite values/,
    );
  });
});
