import { array, cos, linspace, sin } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/ndarray.trig.json" with { type: "json" };

/** The distance from |v| to the next double up: one ulp of v. */
function ulp(v: number): number {
  const bits = new Float64Array([Math.abs(v)]);
  const words = new BigUint64Array(bits.buffer);
  words[0] += 1n;
  return bits[0] - Math.abs(v);
}

const xs = fixture.rows.map((row) => row[0]);

describe("sin and cos kernels", () => {
  // Correctly rounded values (mpmath) at the inputs on both sides of every switch in the kernel.
  for (const [name, fn, column] of [
    ["sin", sin, 1],
    ["cos", cos, 2],
  ] as const) {
    it(`${name} is within 1 ulp of the correctly rounded value`, () => {
      const got = fn(array(xs)).toTypedArray();
      let worst = 0;
      let worstAt = 0;
      fixture.rows.forEach((row, i) => {
        const err = Math.abs(got[i] - row[column]) / ulp(row[column]);
        if (err > worst) [worst, worstAt] = [err, row[0]];
      });
      expect(worst, `worst at x = ${worstAt}`).toBeLessThanOrEqual(1);
    });
  }

  it("keeps the sign of zero, and NaN and Infinity give NaN", () => {
    expect(Object.is(sin([-0]).get(0), -0)).toBe(true);
    expect(Object.is(sin([0]).get(0), 0)).toBe(true);
    expect(cos([-0]).get(0)).toBe(1);
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(sin([v]).get(0)).toBeNaN();
      expect(cos([v]).get(0)).toBeNaN();
    }
  });

  it("satisfies sin² + cos² = 1 and the odd/even symmetries on a dense grid", () => {
    const x = linspace(-50, 50, 20001);
    const s = sin(x).toTypedArray();
    const c = cos(x).toTypedArray();
    const sn = sin(x.mul(-1)).toTypedArray();
    const cn = cos(x.mul(-1)).toTypedArray();
    for (let i = 0; i < s.length; i++) {
      expect(Math.abs(s[i] * s[i] + c[i] * c[i] - 1)).toBeLessThan(4.5e-16);
      expect(sn[i]).toBe(-s[i]);
      expect(cn[i]).toBe(c[i]);
    }
  });

  it("reads strided views and computes float32 arrays in float32", () => {
    const x = linspace(0, 20, 41);
    const every2 = x.slice("::2");
    expect(Array.from(sin(every2).toTypedArray())).toEqual(
      Array.from(sin(array(Array.from(every2.toTypedArray()))).toTypedArray()),
    );
    const f32 = sin(x.astype("float32"));
    expect(f32.dtype).toBe("float32");
    expect(f32.get(3)).toBe(Math.fround(Math.sin(Math.fround(1.5))));
  });
});
