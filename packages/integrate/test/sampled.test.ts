import { array, NablaError, NDArray, ShapeError } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { cumulativeTrapezoid, romb, simpson, trapezoid } from "../src/index.js";
import goldenCum from "./fixtures/integrate.cumulativeTrapezoid.json" with { type: "json" };
import goldenSimpson from "./fixtures/integrate.simpson.json" with { type: "json" };
import goldenTrap from "./fixtures/integrate.trapezoid.json" with { type: "json" };
import sampled from "./fixtures/sampled.json" with { type: "json" };
import { expectClose } from "./helpers.js";

type Nested = number | Nested[];
const flat = (v: Nested): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);

function expectResult(actual: number | NDArray, expected: Nested, shape: number[], rtol = 1e-12) {
  if (shape.length === 0) {
    expect(typeof actual).toBe("number");
    expectClose(actual as number, expected as number, rtol, 1e-14);
    return;
  }
  expect(actual).toBeInstanceOf(NDArray);
  const a = actual as NDArray;
  expect(a.shape).toEqual(shape);
  const got = flat(a.toArray() as Nested);
  const want = flat(expected);
  expect(got.length).toBe(want.length);
  for (let i = 0; i < got.length; i++) {
    expectClose(got[i], want[i], rtol, 1e-14 * Math.max(1, Math.abs(want[i])));
  }
}

const fns = {
  trapezoid,
  simpson,
  cumulative_trapezoid: cumulativeTrapezoid,
  romb: (y: NDArray, _x: unknown, o: object) => romb(y, o),
} as Record<string, (y: NDArray, x: NDArray | undefined, o: object) => number | NDArray>;

describe("sampled data against scipy 1.17 (axis, x 1-D and N-D, dx, even and odd N)", () => {
  sampled.cases.forEach((c, i) => {
    it(`${c.function}#${i} y${JSON.stringify(c.yshape)} ${"x" in c ? `x${JSON.stringify(c.xshape)}` : ""} ${JSON.stringify(c.options)}`, () => {
      const y = array(c.y as Nested[]);
      const x = "x" in c ? array(c.x as Nested[]) : undefined;
      const r = fns[c.function](y, x, c.options);
      expectResult(r, c.expected as Nested, c.shape);
    });
  });
});

describe("golden files", () => {
  interface Golden {
    function: string;
    cases: {
      name: string;
      args: unknown[];
      options: object;
      expected: unknown;
      rtol: number;
      atol: number;
    }[];
  }
  const run = (f: (y: number[], x?: unknown, o?: object) => number | NDArray, g: Golden) => {
    for (const c of g.cases) {
      it(`${g.function}: ${c.name}`, () => {
        const [y, x] = c.args as number[][];
        const r = x === undefined ? f(y, c.options) : f(y, x, c.options);
        const expected = c.expected as Nested;
        const got = typeof r === "number" ? [r] : flat(r.toArray() as Nested);
        for (const [i, e] of flat(expected).entries()) expectClose(got[i], e, c.rtol, c.atol);
      });
    }
  };
  run(trapezoid as never, goldenTrap);
  run(simpson as never, goldenSimpson);
  run(cumulativeTrapezoid as never, goldenCum);
});

describe("sampled data: behaviour", () => {
  it("exact on polynomials of the rule's degree", () => {
    const x = [0, 0.3, 0.5, 1.1, 1.2, 2];
    expectClose(
      trapezoid(
        x.map((t) => 3 * t + 1),
        x,
      ) as number,
      8,
      1e-15,
    );
    // Simpson is exact for cubics with an odd number of evenly spaced samples.
    const xs = Array.from({ length: 9 }, (_, i) => i / 4);
    expectClose(
      simpson(
        xs.map((t) => t ** 3 - t),
        { dx: 0.25 },
      ) as number,
      2,
      1e-14,
    );
    // Romberg with 2^k + 1 samples integrates polynomials of degree 2k + 1 exactly.
    const xr = Array.from({ length: 5 }, (_, i) => i / 4);
    expectClose(
      romb(
        xr.map((t) => t ** 5),
        { dx: 0.25 },
      ) as number,
      1 / 6,
      1e-14,
    );
    expect(simpson([1, 2, 3])).toBe(4);
    expect(trapezoid([5])).toBe(0);
    expect(simpson([5])).toBe(0);
    expect(trapezoid([])).toBe(0);
  });

  it("x positionally or in the options, never mutating inputs", () => {
    const y = new Float64Array([1, 4, 9, 16]);
    const x = [0, 1, 2, 3];
    expect(trapezoid(y, x)).toBe(trapezoid(y, { x }));
    expect(simpson(y, x)).toBe(simpson(y, { x }));
    expect((cumulativeTrapezoid(y, x).toArray() as number[]).at(-1)).toBe(trapezoid(y, x));
    expect(Array.from(y)).toEqual([1, 4, 9, 16]);
    expect(trapezoid([1, 2, 3], { dx: 2 })).toBe(8);
    expect(trapezoid(array([1, 2, 3], { dtype: "int32" }))).toBe(4);
  });

  it("cumulativeTrapezoid's last value is trapezoid's along any axis", () => {
    const y = array([
      [1, 2, 4, 8],
      [0, 1, 0, 1],
    ]);
    const c = cumulativeTrapezoid(y, { axis: 1, initial: 0 });
    expect(c.shape).toEqual([2, 4]);
    expect(c.get(0, 0)).toBe(0);
    expect(c.get(0, 3)).toBe((trapezoid(y, { axis: 1 }) as NDArray).get(0));
    expect(cumulativeTrapezoid([4], { initial: 0 }).toArray()).toEqual([0]);
  });

  it("throws typed errors on bad input", () => {
    const bad: [() => unknown, abstract new (...args: never[]) => Error, RegExp][] = [
      [() => trapezoid(3), RangeError, /trapezoid: y must have at least one dimension/],
      [() => trapezoid([1, 2], { axis: 1 }), RangeError, /axis 1 is out of bounds/],
      [
        () => trapezoid([1, 2, 3], [1, 2]),
        ShapeError,
        /length of x along axis must be the same as y/,
      ],
      [() => trapezoid([1, 2], { step: 1 } as never), RangeError, /unknown option "step"/],
      [() => trapezoid([1, 2], { dx: "1" } as never), TypeError, /dx must be a number/],
      [
        () => trapezoid([1, 2], [0, 1], { x: [0, 1] }),
        TypeError,
        /both positionally and in the options/,
      ],
      [() => trapezoid(["a"] as never), TypeError, /y must be array-like/],
      [() => trapezoid([[1, 2, 3]], [[1, 2]]), ShapeError, /broadcast/],
      [() => simpson([]), RangeError, /at least one sample/],
      [
        () => simpson([[1, 2, 3]], [[[1, 2, 3]]]),
        RangeError,
        /shape of x must be 1-D or the same as y/,
      ],
      [() => simpson([1, 2, 3], [1, 2]), ShapeError, /length of x along axis/],
      [() => cumulativeTrapezoid([]), RangeError, /At least one point is required/],
      [
        () => cumulativeTrapezoid([1, 2], { initial: 1 }),
        RangeError,
        /`initial` must be `None` or `0`/,
      ],
      [
        () => cumulativeTrapezoid([[1, 2]], [[[1, 2]]]),
        RangeError,
        /shape of x must be 1-D or the same as y/,
      ],
      [() => cumulativeTrapezoid([1, 2, 3], [1, 2]), ShapeError, /length of x/],
      [
        () => romb([1, 2, 3, 4]),
        RangeError,
        /Number of samples must be one plus a non-negative power of 2, got 4/,
      ],
      [() => romb([1]), RangeError, /one plus a non-negative power of 2/],
      [() => romb([1, 2, 3], [0, 1, 2] as never), TypeError, /romb takes no x/],
      [() => romb([1, 2, 3], { x: [1, 2, 3] } as never), RangeError, /unknown option "x"/],
    ];
    for (const [call, type, message] of bad) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught, String(message)).toBeInstanceOf(type);
      expect((caught as Error).message).toMatch(message);
      expect(NablaError.isInstance(caught)).toBe(true);
    }
  });
});
