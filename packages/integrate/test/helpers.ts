import { expect } from "vitest";

/** |actual - expected| <= rtol |expected| (NaN equals NaN, infinities equal themselves). */
export function expectClose(actual: number, expected: number, rtol = 1e-12, atol = 0): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const tol = atol + rtol * Math.abs(expected);
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to be within ${tol} of ${expected}`);
  }
}

/** An error estimate within a factor `factor` of scipy's (both zero, or both NaN, also pass). */
export function expectErrorEstimate(actual: number, expected: number, factor = 2): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  if (expected === 0 || !Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  if (!(actual <= expected * factor && actual >= expected / factor)) {
    expect.fail(`error estimate ${actual} is not within a factor ${factor} of scipy's ${expected}`);
  }
}
