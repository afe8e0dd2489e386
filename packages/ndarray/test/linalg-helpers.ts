// Shared by the linalg, gradient and polynomial tests: reads fixture files and compares results.
import { readFileSync } from "node:fs";
import { NDArray } from "@nabla/ndarray";
import { expect } from "vitest";

export type Raw = number | string | boolean | null | Raw[] | { [key: string]: Raw };

export interface Case {
  name?: string;
  fn?: string;
  args: Raw[];
  options: Record<string, Raw>;
  expected: Raw;
  rtol: number;
  atol: number;
}

export function load(file: string): Case[] {
  const url = new URL(`./fixtures/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { cases: Case[] }).cases;
}

/** "nan", "inf", "-inf" strings back to numbers, recursively. */
export function decode(v: Raw): never {
  if (Array.isArray(v)) return v.map(decode) as never;
  if (v === "nan") return Number.NaN as never;
  if (v === "inf") return Number.POSITIVE_INFINITY as never;
  if (v === "-inf") return Number.NEGATIVE_INFINITY as never;
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)])) as never;
  }
  return v as never;
}

function plain(v: unknown): unknown {
  if (v instanceof NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/** Elementwise |actual - expected| <= atol + rtol*|expected|; NaN matches NaN, inf matches inf. */
export function expectClose(
  actual: unknown,
  expected: unknown,
  rtol = 0,
  atol = 0,
  path = "$",
): void {
  const got = plain(actual);
  if (Array.isArray(expected)) {
    expect(Array.isArray(got), `${path}: expected an array, got ${JSON.stringify(got)}`).toBe(true);
    const g = got as unknown[];
    expect(g.length, `${path}: length`).toBe(expected.length);
    for (let i = 0; i < expected.length; i++)
      expectClose(g[i], expected[i], rtol, atol, `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === "object") {
    for (const [k, e] of Object.entries(expected))
      expectClose((got as Record<string, unknown>)[k], e, rtol, atol, `${path}.${k}`);
    return;
  }
  const e = expected as number;
  expect(typeof got, `${path}: expected number ${e}, got ${JSON.stringify(got)}`).toBe("number");
  const a = got as number;
  if (Number.isNaN(e)) {
    expect(Number.isNaN(a), `${path}: expected NaN, got ${a}`).toBe(true);
    return;
  }
  if (!Number.isFinite(e)) {
    expect(a, path).toBe(e);
    return;
  }
  const tol = atol + rtol * Math.abs(e);
  expect(Math.abs(a - e) <= tol, `${path}: got ${a}, expected ${e} (tol ${tol})`).toBe(true);
}

/** Max |a - b| over two equally shaped arrays. */
export function maxAbsDiff(a: NDArray, b: NDArray): number {
  expect(a.shape).toEqual(b.shape);
  const x = a.flatten().toArray() as number[];
  const y = b.flatten().toArray() as number[];
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

/** A deterministic pseudo-random matrix (LCG), for identity tests. */
export function randomMatrix(m: number, n: number, seed = 1): number[][] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  return Array.from({ length: m }, () => Array.from({ length: n }, next));
}
