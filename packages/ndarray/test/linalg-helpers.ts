// Shared by the linalg, gradient and polynomial tests: reads fixture files; decoding and comparing
// are reference.ts's.
import { readFileSync } from "node:fs";
import type { NDArray } from "@nabla/ndarray";
import { expect } from "vitest";
import { decode as decodeRaw, type Raw, type Case as ReferenceCase } from "./reference.js";

export { expectClose } from "./reference.js";

/** The linalg, gradient and polynomial fixtures' cases, some of which are unnamed. */
export type Case = Omit<ReferenceCase, "name"> & { name?: string };

export function load(file: string): Case[] {
  const url = new URL(`./fixtures/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { cases: Case[] }).cases;
}

/** reference.ts's `decode`, typed to pass straight into the functions under test. */
export const decode = decodeRaw as (v: Raw) => never;

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
