import { readFileSync } from "node:fs";
import { NDArray } from "@nabla/ndarray";
import { expect } from "vitest";

export type Encoded = number | string | Encoded[];

/** Reads a fixture from test/fixtures. */
// biome-ignore lint/suspicious/noExplicitAny: JSON fixtures
export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}

/** Decodes the golden convention ("nan", "inf", "-inf" as strings). */
export function decode(v: Encoded): number | number[] | unknown[] {
  if (Array.isArray(v)) return v.map(decode);
  if (v === "nan") return Number.NaN;
  if (v === "inf") return Number.POSITIVE_INFINITY;
  if (v === "-inf") return Number.NEGATIVE_INFINITY;
  return v as number;
}

function flat(v: unknown): { values: number[]; shape: number[] } {
  if (v instanceof NDArray) return flat(v.toArray());
  if (typeof v === "number") return { values: [v], shape: [] };
  const arr = v as unknown[];
  const parts = arr.map(flat);
  return {
    values: parts.flatMap((p) => p.values),
    shape: [arr.length, ...(parts[0]?.shape ?? [])],
  };
}

/**
 * Asserts `actual` matches `expected` elementwise, `|a - e| <= atol + rtol |e|` (NaN equals NaN),
 * with the same shape.
 */
export function expectClose(actual: unknown, expected: unknown, rtol = 1e-12, atol = 1e-14): void {
  const a = flat(actual);
  const e = flat(decode(expected as Encoded));
  expect(a.shape).toEqual(e.shape);
  a.values.forEach((v, i) => {
    const w = e.values[i];
    if (Number.isNaN(w)) {
      expect(v, `element ${i}`).toBeNaN();
      return;
    }
    if (!Number.isFinite(w)) {
      expect(v, `element ${i}`).toBe(w);
      return;
    }
    const tol = atol + rtol * Math.abs(w);
    if (!(Math.abs(v - w) <= tol)) {
      expect.fail(`element ${i}: got ${v}, expected ${w} (|diff| ${Math.abs(v - w)} > ${tol})`);
    }
  });
}

/** Composite Simpson's rule with `n` (even) panels. */
export function simpson(f: (x: number) => number, a: number, b: number, n = 2000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}
