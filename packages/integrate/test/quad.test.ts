import { array, NablaError, NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { quad } from "../src/index.js";
import golden from "./fixtures/integrate.quad.json" with { type: "json" };
import hard from "./fixtures/quad.hard.json" with { type: "json" };
import { expectClose, expectErrorEstimate } from "./helpers.js";
import { integrands, num } from "./integrands.js";

// JS twins of the golden file's functions (its "js" fields), written out instead of evaluated.
const goldenFns: Record<string, (x: number) => number> = {
  x2: (x) => x ** 2,
  gauss: (x) => Math.exp(-(x ** 2)),
  inv_sqrt: (x) => x ** -0.5,
  log: (x) => Math.log(x),
  sin: (x) => Math.sin(x),
  lorentz: (x) => 1 / (x ** 2 + 1),
  cos50x: (x) => Math.cos(50 * x),
  exp_cos: (x) => Math.exp(Math.cos(x)),
};

describe("quad: golden integrals", () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const [fn, a, b] = c.args as [{ $fn: string }, number | string, number | string];
      const r = quad(goldenFns[fn.$fn], num(a), num(b));
      expectClose(r.value, c.expected, 1e-12);
      expectClose(r.value, c.exact, c.rtol, c.atol);
      expectErrorEstimate(r.abserr, c.scipy_abserr);
      expect(r.success).toBe(true);
    });
  }
});

describe("quad: QUADPACK paths against scipy 1.17 (QAGS, QAGI, QAGP, every ier)", () => {
  for (const c of hard.cases) {
    it(c.name, () => {
      const { args, ...options } = c.options as Record<string, unknown> & { args?: number[] };
      const r = quad(integrands[c.integrand], num(c.a), num(c.b), {
        ...options,
        ...(args ? { args } : {}),
        fullOutput: true,
      });
      expect(r.neval).toBe(c.neval);
      expect(r.last).toBe(c.last);
      expect(r.ier).toBe(c.ier);
      expect(r.success).toBe(c.ier === 0 && !Number.isNaN(num(c.value)));
      if (c.bitwise) {
        // Same operations in the integrand: the port must reproduce scipy to the last bit.
        expect(r.value).toBe(num(c.value));
        expect(r.abserr).toBe(num(c.abserr));
        const iord = Array.from(r.iord!.toTypedArray()).slice(0, c.iord.length);
        expect(iord).toEqual(c.iord);
        expect(Array.from(r.alist!.toTypedArray()).slice(0, c.last)).toEqual(c.alist.map(num));
        expect(Array.from(r.blist!.toTypedArray()).slice(0, c.last)).toEqual(c.blist.map(num));
      } else {
        expectClose(r.value, num(c.value), 1e-12);
        expectErrorEstimate(r.abserr, num(c.abserr));
      }
    });
  }
});

describe("quad: behaviour", () => {
  it("reproduces ALGORITHMS.md's vectors", () => {
    const r = quad((x) => x * x, 0, 4);
    expect([r.value, r.abserr, r.neval, r.last]).toEqual([
      21.333333333333336, 2.368475785867001e-13, 21, 1,
    ]);
    const s = quad((x) => 1 / Math.sqrt(x), 0, 1);
    expect([s.value, s.abserr, s.neval, s.last]).toEqual([
      1.9999999999999984, 5.773159728050814e-15, 231, 6,
    ]);
    const t = quad((x) => Math.abs(x - 0.3), 0, 1, { points: [0.3] });
    expect(t.value).toBe(0.29);
  });

  it("returns 0 without evaluating on an empty interval", () => {
    let calls = 0;
    const r = quad(() => calls++, 2, 2, { fullOutput: true });
    expect(r).toMatchObject({ value: 0, abserr: 0, neval: 0, last: 0, ier: 0, success: true });
    expect(calls).toBe(0);
    expect(r.alist!.shape).toEqual([50]);
    expect(Number.isNaN(r.alist!.get(0))).toBe(true);
    expect(quad(() => 1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY).value).toBe(0);
  });

  it("counts exactly neval integrand calls", () => {
    for (const [a, b] of [
      [0, 1],
      [0, Number.POSITIVE_INFINITY],
      [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    ]) {
      let calls = 0;
      const r = quad(
        (x) => {
          calls++;
          return 1 / (1 + x * x) + 1 / Math.sqrt(Math.abs(x) + 1e-300);
        },
        a,
        b,
      );
      expect(calls).toBe(r.neval);
    }
    let calls = 0;
    const r = quad(
      (x) => {
        calls++;
        return Math.abs(x - 0.3);
      },
      0,
      1,
      { points: [0.3] },
    );
    expect(calls).toBe(r.neval);
  });

  it("negates when a > b and keeps the error estimate", () => {
    const f = integrands.peak6;
    const up = quad(f, 0, 1);
    const down = quad(f, 1, 0);
    expect(down.value).toBe(-up.value);
    expect(down.abserr).toBe(up.abserr);
    expect(down.neval).toBe(up.neval);
  });

  it("accepts an integrand returning a 0-d or size-1 NDArray (e.g. a determinant)", () => {
    const r = quad((x) => new NDArray(new Float64Array([x * x]), []), 0, 1);
    expect(r.value).toBe(quad((x) => x * x, 0, 1).value);
    expect(quad((x) => array([[x]]), 0, 2).value).toBeCloseTo(2, 14);
    expect(quad((x) => x > 0.5, 0, 1).value).toBeCloseTo(0.5, 8);
  });

  it("passes args after x", () => {
    expect(quad((x, a, b) => a * x + b, 0, 1, { args: [2, 3] })).toMatchObject({
      value: 4,
      abserr: 4.440892098500626e-14,
    });
  });

  it("reports NaN from the integrand in the result, after bounded work", () => {
    const r = quad((x) => (x > 0.5 ? Number.NaN : 1), 0, 1);
    expect(r.value).toBeNaN();
    expect(r.success).toBe(false);
    expect(r.ier).toBe(2);
    expect(r.neval).toBe(441);
    expect(r.message).toMatch(/roundoff error/);
    expect(r.message).toMatch(/returned NaN \(first at x = 0\.9/);
    const big = quad(() => Number.NaN, 0, 1, { limit: 100000 });
    expect(big.neval).toBe(441);
  });

  it("reports each failure with scipy's message instead of throwing", () => {
    const msg = (f: (x: number) => number, a: number, b: number, o = {}) => quad(f, a, b, o);
    expect(msg((x) => 1 / x, 0, 1).message).toMatch(/maximum number of subdivisions \(50\)/);
    expect(msg((x) => 1 / x, 0, 1, { limit: 7 }).message).toMatch(/subdivisions \(7\)/);
    expect(msg(() => Number.NaN, 0, 1).message).toMatch(/^The occurrence of roundoff error/);
    expect(msg(integrands.inv_abs_third, 0, 1).message).toMatch(/^Extremely bad integrand/);
    const four = msg(integrands.abs_01_m075, 0, 1, { epsabs: 0, epsrel: 2e-14 });
    expect(four.ier).toBe(4);
    expect(four.message).toMatch(/^The algorithm does not converge/);
    const five = msg((x) => 1 / (x * x), 0, 1);
    expect(five.ier).toBe(5);
    expect(five.message).toBe("The integral is probably divergent, or slowly convergent.");
    for (const r of [four, five]) expect(r.success).toBe(false);
  });

  it("returns scipy's infodict arrays with fullOutput", () => {
    const r = quad(Math.sqrt, 0, 1, { fullOutput: true, limit: 10 });
    expect(r.alist!.shape).toEqual([10]);
    expect(r.iord!.dtype).toBe("int32");
    // The subintervals partition [0, 1] and their integrals add up to the value.
    let sum = 0;
    let length = 0;
    for (let i = 0; i < r.last; i++) {
      sum += r.rlist!.get(i);
      length += r.blist!.get(i) - r.alist!.get(i);
    }
    expect(Math.abs(sum - r.value)).toBeLessThan(1e-7);
    expect(length).toBe(1);
    const p = quad((x) => Math.abs(x - 0.3), 0, 1, { points: [0.3], fullOutput: true });
    expect(Array.from(p.pts!.toTypedArray())).toEqual([0, 0.3, 1]);
    expect(p.level!.shape).toEqual([50]);
    expect(p.ndin!.shape).toEqual([3]);
  });

  it("propagates an exception thrown by the integrand", () => {
    expect(() =>
      quad(
        () => {
          throw new Error("boom");
        },
        0,
        1,
      ),
    ).toThrow("boom");
  });
});

describe("quad: bad input throws typed errors", () => {
  const f = (x: number) => x;
  const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
    ["non-function", () => quad(3 as never, 0, 1), TypeError, /integrand must be a function/],
    ["string bound", () => quad(f, "0" as never, 1), TypeError, /bound a must be a number/],
    ["NaN bound", () => quad(f, 0, Number.NaN), RangeError, /bound b is NaN/],
    [
      "unknown option",
      () => quad(f, 0, 1, { epsAbs: 1 } as never),
      RangeError,
      /unknown option "epsAbs"/,
    ],
    [
      "NaN epsabs",
      () => quad(f, 0, 1, { epsabs: Number.NaN }),
      RangeError,
      /epsabs must be a number/,
    ],
    [
      "epsrel type",
      () => quad(f, 0, 1, { epsrel: "1" as never }),
      RangeError,
      /epsrel must be a number/,
    ],
    [
      "tolerances",
      () => quad(f, 0, 1, { epsabs: 0, epsrel: 1e-15 }),
      RangeError,
      /If 'epsabs'<=0, 'epsrel' must be greater/,
    ],
    ["limit 0", () => quad(f, 0, 1, { limit: 0 }), RangeError, /Invalid 'limit' argument/],
    ["limit 1.5", () => quad(f, 0, 1, { limit: 1.5 }), RangeError, /limit must be an integer/],
    [
      "points with inf",
      () => quad(f, 0, Number.POSITIVE_INFINITY, { points: [1] }),
      RangeError,
      /Infinity inputs cannot be used with break points/,
    ],
    [
      "too many points",
      () => quad(f, 0, 1, { points: [0.1, 0.2, 0.3], limit: 3 }),
      RangeError,
      /Number of break points \(3\) must be less than subinterval limit \(3\)/,
    ],
    [
      "NaN point",
      () => quad(f, 0, 1, { points: [Number.NaN] }),
      RangeError,
      /points must not contain NaN/,
    ],
    ["args", () => quad(f, 0, 1, { args: 3 as never }), TypeError, /args must be an array/],
    [
      "fullOutput",
      () => quad(f, 0, 1, { fullOutput: 1 as never }),
      TypeError,
      /fullOutput must be a boolean/,
    ],
    [
      "vector result",
      () => quad(() => array([1, 2]), 0, 1),
      TypeError,
      /got an array of shape \[2\]/,
    ],
    ["string result", () => quad(() => "1" as never, 0, 1), TypeError, /got string 1/],
  ];
  for (const [name, call, type, message] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(type);
      expect(NablaError.isInstance(caught)).toBe(true);
      expect((caught as Error).message).toMatch(message);
    });
  }
});
