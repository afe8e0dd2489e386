import { NablaError, NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { dblquad, nquad, quad, tplquad } from "../src/index.js";
import goldenDbl from "./fixtures/integrate.dblquad.json" with { type: "json" };
import goldenTpl from "./fixtures/integrate.tplquad.json" with { type: "json" };
import multi from "./fixtures/multi.json" with { type: "json" };
import { expectClose, expectErrorEstimate } from "./helpers.js";

const byName = Object.fromEntries(multi.cases.map((c) => [c.name, c]));
const sqrt1mx2 = (x: number) => Math.sqrt(1 - x ** 2);
const nsqrt1mx2 = (x: number) => -Math.sqrt(1 - x ** 2);
const ballTop = (x: number, y: number) => Math.sqrt(Math.max(0, 1 - x ** 2 - y ** 2));
const ballBottom = (x: number, y: number) => -Math.sqrt(Math.max(0, 1 - x ** 2 - y ** 2));

/** Checks value (1e-12 relative, or 1e-12 absolute near 0), abserr (factor 2) and neval. */
function expectScipy(r: { value: number; abserr: number; neval: number }, name: string) {
  const c = byName[name] as { value: number; abserr: number; neval?: number };
  expectClose(r.value, c.value, 1e-12, 1e-14);
  expectErrorEstimate(r.abserr, c.abserr);
  if (c.neval !== undefined) expect(r.neval).toBe(c.neval);
}

describe("dblquad", () => {
  it("the lecture's unit disk in cartesian coordinates", () => {
    const r = dblquad(() => 1, -1, 1, nsqrt1mx2, sqrt1mx2);
    expect(r.value).toBe(3.1415926535897967);
    expect(r.abserr).toBe(2.000470900043183e-9);
    expect(r.success).toBe(true);
  });

  it("the lecture's polar form, integrand det(J) = rho returned as a 0-d NDArray", () => {
    // integrand(rho, theta): rho is scipy's inner variable y, theta the outer x.
    const det = (rho: number, theta: number) => {
      const J = [
        [Math.cos(theta), -rho * Math.sin(theta)],
        [Math.sin(theta), rho * Math.cos(theta)],
      ];
      return new NDArray(new Float64Array([J[0][0] * J[1][1] - J[0][1] * J[1][0]]), []);
    };
    const r = dblquad(det, 0, 2 * Math.PI, 0, 1);
    expectClose(r.value, Math.PI, 1e-14);
    expectErrorEstimate(r.abserr, 3.487868498008632e-14);
    const plain = dblquad((rho) => rho, 0, 2 * Math.PI, 0, 1);
    expect(plain.value).toBe(Math.PI);
    expect(plain.abserr).toBe(3.487868498008632e-14);
  });

  const goldenFns: Record<string, (...x: number[]) => number> = {
    xy: (y, x) => x * y,
    one_2d: () => 1,
    polar_r: (y) => y,
    x2y: (y, x) => x ** 2 * y,
    sqrt_1mx2: sqrt1mx2,
    neg_sqrt_1mx2: nsqrt1mx2,
  };
  for (const c of goldenDbl.cases) {
    it(`golden: ${c.name}`, () => {
      const fn = (v: unknown) =>
        typeof v === "object" ? goldenFns[(v as { $fn: string }).$fn] : (v as number);
      const [f, a, b, g, h] = c.args;
      const r = dblquad(fn(f) as never, a as number, b as number, fn(g) as never, fn(h) as never);
      expectClose(r.value, c.expected, 1e-12);
      expectClose(r.value, c.exact, c.rtol, c.atol);
      expectErrorEstimate(r.abserr, c.scipy_abserr);
    });
  }

  it("matches scipy on more cases", () => {
    expectScipy(
      dblquad((y, x) => x * y, 0, 1, 0, 2),
      "xy",
    );
    expectScipy(
      dblquad(
        (y, x) => x * y ** 2,
        0,
        2,
        () => 0,
        (x) => x,
      ),
      "xy2_tri",
    );
    expectScipy(
      dblquad(
        (y, x, a) => a * x * y,
        0,
        1,
        (x) => x,
        (x) => 2 - x,
        { args: [3] },
      ),
      "axy_args",
    );
    expectScipy(
      dblquad((y, x) => Math.exp(-(x * x + y * y)), -Infinity, Infinity, -Infinity, Infinity),
      "gauss2",
    );
    expectScipy(
      dblquad((y, x) => 1 / Math.sqrt(x * y), 0, 1, 0, 1, { epsabs: 1e-10, epsrel: 1e-10 }),
      "xy_tol",
    );
  });

  it("validates its arguments", () => {
    const bad: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => dblquad(1 as never, 0, 1, 0, 1),
        TypeError,
        /dblquad: the integrand must be a function f\(y, x\)/,
      ],
      [() => dblquad(() => 1, Number.NaN, 1, 0, 1), RangeError, /dblquad: the bound a is NaN/],
      [
        () => dblquad(() => 1, 0, 1, "0" as never, 1),
        TypeError,
        /gfun must be a number or a function/,
      ],
      [() => dblquad(() => 1, 0, 1, 0, Number.NaN), RangeError, /hfun is NaN/],
      [
        () => dblquad(() => 1, 0, 1, 0, 1, { limit: 3 } as never),
        RangeError,
        /unknown option "limit"/,
      ],
      [
        () =>
          dblquad(
            () => 1,
            0,
            1,
            () => Number.NaN,
            1,
          ),
        RangeError,
        /range of variable 0 must be two numbers/,
      ],
    ];
    for (const [call, type, message] of bad) {
      expect(call).toThrow(type);
      expect(call).toThrow(message);
      try {
        call();
      } catch (e) {
        expect(NablaError.isInstance(e)).toBe(true);
      }
    }
  });
});

describe("tplquad", () => {
  const goldenFns: Record<string, (...x: number[]) => number> = {
    xyz: (z, y, x) => x * y * z,
    one_3d: () => 1,
    sqrt_1mx2: sqrt1mx2,
    neg_sqrt_1mx2: nsqrt1mx2,
    sqrt_1mx2my2: ballTop,
    neg_sqrt_1mx2my2: ballBottom,
  };
  for (const c of goldenTpl.cases) {
    it(`golden: ${c.name}`, () => {
      const fn = (v: unknown) =>
        typeof v === "object" ? goldenFns[(v as { $fn: string }).$fn] : (v as number);
      const [f, a, b, g, h, q, r] = c.args.map(fn);
      const res = tplquad(
        f as never,
        a as number,
        b as number,
        g as never,
        h as never,
        q as never,
        r as never,
      );
      expectClose(res.value, c.expected, 1e-12);
      expectClose(res.value, c.exact, c.rtol, c.atol);
      expectErrorEstimate(res.abserr, c.scipy_abserr);
    });
  }

  it("matches scipy, with qfun/rfun called as (x, y)", () => {
    expectScipy(
      tplquad((z, y, x) => x * y * z, 0, 1, 0, 2, 0, 3),
      "xyz",
    );
    expectScipy(
      tplquad(
        () => 1,
        0,
        1,
        () => 0,
        (x) => 1 - x,
        () => 0,
        (x, y) => 1 - x - y,
      ),
      "simplex",
    );
    expectScipy(
      tplquad(() => 1, -1, 1, nsqrt1mx2, sqrt1mx2, ballBottom, ballTop),
      "ball",
    );
    expectScipy(
      tplquad(
        (z, y, x) => x + y * z,
        0,
        1,
        (x) => x,
        2,
        (x, y) => x * y,
        (x, y) => x + y,
      ),
      "xyz_skew",
    );
  });

  it("validates its arguments", () => {
    expect(() => tplquad(null as never, 0, 1, 0, 1, 0, 1)).toThrow(TypeError);
    expect(() => tplquad(() => 1, 0, 1, 0, 1, 0, {} as never)).toThrow(
      /rfun must be a number or a function/,
    );
  });
});

describe("nquad", () => {
  it("matches scipy's value, abserr (max over all quad calls) and neval", () => {
    expectScipy(
      nquad(
        (x, y) => x * y,
        [
          [0, 1],
          [0, 2],
        ],
      ),
      "nquad_xy",
    );
    expectScipy(
      nquad(
        (x0, x1, x2) => x0 * x2 * x2 + Math.sin(x1) + 1,
        [(x1, x2) => [x1 + x2 - 1, x1 + x2 + 1], (x2) => [x2 - 1, x2 + 1], [-1, 1]],
      ),
      "nquad_fn_ranges",
    );
    expectScipy(
      nquad(
        (x0, x1) => Math.abs(x0 - x1),
        [
          [0, 1],
          [0, 1],
        ],
        { opts: [(x1) => ({ points: [x1] }), {}] },
      ),
      "nquad_points",
    );
    expectScipy(
      nquad(
        (x0, x1) => 1 / Math.sqrt(x0 + x1),
        [
          [0, 1],
          [0, 1],
        ],
        {
          opts: { epsabs: 1e-12, epsrel: 1e-12, limit: 100 },
        },
      ),
      "nquad_opts",
    );
    expectScipy(
      nquad((x) => x * x, [[0, 4]]),
      "nquad_1d",
    );
    expectScipy(
      nquad(
        (a, b, c, d) => a * b + c * d,
        [
          [0, 1],
          [0, 1],
          [0, 1],
          [0, 1],
        ],
      ),
      "nquad_4d",
    );
    expectScipy(
      nquad((x, y, t) => x * y * t, [(_y, t) => [0, t], [0, 1]], { args: [2] }),
      "nquad_args",
    );
  });

  it("agrees with dblquad and with iterated quad calls", () => {
    const f = (y: number, x: number) => Math.exp(x) * Math.cos(y);
    const d = dblquad(
      f,
      0,
      1,
      (x) => x,
      (x) => 2 * x,
    );
    const n = nquad(f, [(x) => [x, 2 * x], [0, 1]]);
    expect(n.value).toBe(d.value);
    expect(n.abserr).toBe(d.abserr);
    const iterated = quad((x) => quad((y) => f(y, x), x, 2 * x).value, 0, 1).value;
    expect(n.value).toBe(iterated);
  });

  it("accepts NDArray and typed-array ranges and counts evaluations", () => {
    let calls = 0;
    const r = nquad(
      (x, y) => {
        calls++;
        return x + y;
      },
      [new NDArray(new Float64Array([0, 1]), [2]), new Float64Array([0, 1])],
    );
    expectClose(r.value, 1, 1e-14);
    expect(r.neval).toBe(calls);
  });

  it("reports a failing inner integral in the result", () => {
    const r = nquad((x) => 1 / x, [[0, 1]]);
    expect(r.success).toBe(false);
    expect(r.ier).toBe(1);
    expect(r.message).toMatch(/maximum number of subdivisions \(50\)/);
    const nan = nquad(
      () => Number.NaN,
      [
        [0, 1],
        [0, 1],
      ],
    );
    expect(nan.success).toBe(false);
    expect(nan.message).toMatch(/returned NaN/);
  });

  it("validates its arguments", () => {
    const f = (x: number) => x;
    const bad: [() => unknown, ErrorConstructor, RegExp][] = [
      [() => nquad("f" as never, [[0, 1]]), TypeError, /integrand must be a function/],
      [() => nquad(f, []), TypeError, /ranges must be a non-empty array/],
      [() => nquad(f, [[0, 1, 2]]), TypeError, /must be a pair \[lo, hi\]/],
      [() => nquad(f, [() => 3 as never]), TypeError, /must be a pair/],
      [() => nquad(f, [[0, Number.NaN]]), RangeError, /two numbers \(not NaN\)/],
      [
        () => nquad(f, [[0, 1]], { opts: [{}, {}] }),
        RangeError,
        /one entry per range \(1\), got 2/,
      ],
      [() => nquad(f, [[0, 1]], { opts: { eps: 1 } as never }), RangeError, /unknown option "eps"/],
      [() => nquad(f, [[0, 1]], { opts: [() => ({ limit: 0 })] }), RangeError, /Invalid 'limit'/],
      [() => nquad(f, [[0, 1]], { opts: [3 as never] }), TypeError, /each opts entry/],
      [() => nquad(f, [[0, 1]], { bogus: 1 } as never), RangeError, /unknown option "bogus"/],
      [
        () => nquad(f, [[0, 1]], { fullOutput: "yes" as never }),
        TypeError,
        /fullOutput must be a boolean/,
      ],
    ];
    for (const [call, type, message] of bad) {
      expect(call).toThrow(type);
      expect(call).toThrow(message);
    }
  });
});
