import { describe, expect, it } from "vitest";
import { hermiteCoefficients } from "../src/internal/prepare.js";
import { splineCoefficients, tridiagonalSpline } from "../src/internal/splineBuild.js";
import type { EndBC } from "../src/internal/splineEnds.js";
import { splineSlopes } from "../src/internal/splineSlopes.js";

// The two-sweep build (elimination without row exchanges) against the general path (banded
// LU with partial pivoting, then the Hermite coefficients), for every non-periodic end condition.

function generalPath(x: Float64Array, y: Float64Array, r: number, bc: [EndBC, EndBC]) {
  const block = new Float64Array(x.length * (2 * r + 5));
  return hermiteCoefficients(x, y, splineSlopes(x, y, r, bc, block), r);
}

function data(n: number, r: number, seed: number): [Float64Array, Float64Array] {
  let a = seed;
  const rand = () => {
    a = (a * 16807) % 2147483647;
    return a / 2147483647;
  };
  const x = new Float64Array(n);
  let s = -3;
  // spacing from 0.01 to 10: uneven enough to exercise the elimination
  for (let i = 0; i < n; i++) x[i] = s += 0.01 + 10 * rand() ** 3;
  const y = new Float64Array(n * r);
  for (let i = 0; i < n * r; i++) y[i] = Math.sin(3 * x[Math.floor(i / r)] + i) + rand();
  return [x, y];
}

const ends: Record<string, (r: number) => EndBC> = {
  "not-a-knot": () => "not-a-knot",
  clamped: (r) => ({ order: 1, value: new Float64Array(r) }),
  natural: (r) => ({ order: 2, value: new Float64Array(r) }),
  slope: (r) => ({ order: 1, value: Float64Array.from({ length: r }, (_, j) => 0.5 - j) }),
  curvature: (r) => ({ order: 2, value: Float64Array.from({ length: r }, (_, j) => j - 1.5) }),
};

describe("tridiagonalSpline", () => {
  for (const r of [1, 3]) {
    for (const [startName, start] of Object.entries(ends)) {
      for (const [endName, end] of Object.entries(ends)) {
        it(`matches the pivoting path: r=${r}, ${startName}/${endName}`, () => {
          for (const n of [3, 4, 5, 9, 200]) {
            if (n === 3 && startName === "not-a-knot" && endName === "not-a-knot") continue;
            const [x, y] = data(n, r, 7 + n);
            const bc: [EndBC, EndBC] = [start(r), end(r)];
            const fast = tridiagonalSpline(x, y, r, bc[0], bc[1]);
            expect(fast).not.toBeNull();
            const ref = generalPath(x, y, r, bc);
            expect(fast!.length).toBe(ref.length);
            let scale = 0;
            for (const v of ref) scale = Math.max(scale, Math.abs(v));
            for (let i = 0; i < ref.length; i++) {
              expect(Math.abs(fast![i] - ref[i])).toBeLessThanOrEqual(1e-12 * scale);
            }
          }
        });
      }
    }
  }

  it("declines the periodic condition (the caller takes the cyclic path)", () => {
    const [x, y] = data(6, 1, 3);
    expect(tridiagonalSpline(x, y, 1, "periodic", "periodic")).toBeNull();
    expect(tridiagonalSpline(x, y, 2, "periodic", "periodic")).toBeNull();
  });

  it("declines spacings whose products overflow; the pivoting path then gives the scaled slopes", () => {
    // scaling x by c scales every slope by 1/c for these end conditions (zero end values)
    const x = Float64Array.from([0, 1, 2.5, 3, 4.5, 6]);
    const y = Float64Array.from([1, 2, 0, 1, 3, -1]);
    const c = 1e160;
    const wide = x.map((v) => v * c);
    for (const r of [1, 2]) {
      const yr = Float64Array.from({ length: x.length * r }, (_, i) => y[Math.floor(i / r)] + i);
      for (const bc of [ends.natural(r), ends.clamped(r)]) {
        expect(tridiagonalSpline(wide, yr, r, bc, bc)).toBeNull();
        const cf = splineCoefficients(wide, yr, r, [bc, bc]);
        const ref = splineCoefficients(x, yr, r, [bc, bc]);
        for (let i = 0; i < x.length - 1; i++) {
          for (let j = 0; j < r; j++) {
            const at = (i * 4 + 2) * r + j; // the slope at x[i]
            expect(cf[at] * c).toBeCloseTo(ref[at], 12);
            expect(cf[at + r]).toBe(yr[i * r + j]);
          }
        }
      }
    }
  });

  it("declines a system with a pivot that is not positive (decreasing x)", () => {
    // never produced by the public API (x is validated increasing), but the guard must hold
    const x = Float64Array.from([0, -1, -3, -4, -6]);
    const y = Float64Array.from([1, 2, 0, 1, 3]);
    expect(tridiagonalSpline(x, y, 1, "not-a-knot", "not-a-knot")).toBeNull();
  });
});
