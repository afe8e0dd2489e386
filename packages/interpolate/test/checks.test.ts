import { describe, expect, it } from "vitest";
import {
  allFinite,
  checkIncreasingNaNPasses,
  firstNonFinite,
  firstNotIncreasing,
  hasNaN,
  increasingFinite,
  nondecreasingNoNaN,
} from "../src/internal/input.js";

// The checks on points and values differ in what a NaN or an infinity does; these pin each rule.

const f = (...v: number[]) => Float64Array.from(v);
const { NaN: nan, POSITIVE_INFINITY: inf } = Number;

describe("the finiteness and order checks", () => {
  it("firstNonFinite and allFinite: NaN and both infinities count", () => {
    expect(firstNonFinite(f(0, 1, 2))).toBe(-1);
    expect(firstNonFinite(f(0, inf, nan))).toBe(1);
    expect(firstNonFinite(f(0, 1, -inf))).toBe(2);
    expect(firstNonFinite(f())).toBe(-1);
    expect(allFinite(f(0, -1e308, 1e308))).toBe(true);
    for (const bad of [nan, inf, -inf]) expect(allFinite(f(0, bad, 2))).toBe(false);
    expect(allFinite(f())).toBe(true);
  });

  it("hasNaN: only a NaN counts, also where infinities of both signs make the sum NaN", () => {
    expect(hasNaN(f(0, inf, -inf, 1))).toBe(false);
    expect(hasNaN(f(0, inf, 1))).toBe(false);
    expect(hasNaN(f(0, 1, nan))).toBe(true);
    expect(hasNaN(f(inf, nan, -inf))).toBe(true);
  });

  it("firstNotIncreasing and increasingFinite: repeats, decreases and NaN fail", () => {
    expect(firstNotIncreasing(f(0, 1, 2))).toBe(-1);
    expect(firstNotIncreasing(f(0, 1, 1))).toBe(2);
    expect(firstNotIncreasing(f(0, nan, 2))).toBe(1);
    expect(firstNotIncreasing(f(0, 2, 1))).toBe(2);
    expect(increasingFinite(f(-1e308, 0, 1e308))).toBe(true);
    expect(increasingFinite(f(0, 1, inf))).toBe(false);
    expect(increasingFinite(f(-inf, 0, 1))).toBe(false);
    expect(increasingFinite(f(0, nan, 1))).toBe(false);
    expect(increasingFinite(f(0, 1, 1))).toBe(false);
  });

  it("nondecreasingNoNaN: repeats pass, NaN fails", () => {
    expect(nondecreasingNoNaN(f(0, 1, 1, 2))).toBe(true);
    expect(nondecreasingNoNaN(f(0, 2, 1))).toBe(false);
    expect(nondecreasingNoNaN(f(0, 1, nan))).toBe(false);
    expect(nondecreasingNoNaN(f(nan))).toBe(true);
  });

  it("checkIncreasingNaNPasses: repeats first, then decreases; a NaN hides its neighbours", () => {
    expect(() => checkIncreasingNaNPasses("fn", f(0, 1, 2))).not.toThrow();
    expect(() => checkIncreasingNaNPasses("fn", f(2, nan, 1))).not.toThrow();
    expect(() => checkIncreasingNaNPasses("fn", f(3, 2, 2))).toThrow(
      /^fn: Expect x to not have duplicates \(x\[2\] = 2\.0 repeats\)\.$/,
    );
    expect(() => checkIncreasingNaNPasses("fn", f(0, 2, 1))).toThrow(
      /^fn: Expect x to be a 1D strictly increasing sequence \(x\[1\] = 2\.0 > x\[2\] = 1\.0\)\.$/,
    );
  });
});
