// Shared by the tests of reductions, indexing, joining, diag and isclose: reads numpy reference
// cases (scripts/make-fixtures-reduce.py and the golden files) and compares results to them.
import { NDArray } from "@nabla/ndarray";
import { expect, it } from "vitest";

export type Raw = number | string | boolean | null | Raw[] | { [key: string]: Raw };

export interface Case {
  name: string;
  fn?: string;
  args: Raw[];
  options: Record<string, Raw>;
  expected: Raw;
  rtol: number;
  atol: number;
}

/** "nan", "inf", "-inf" strings back to numbers, recursively. */
export function decode(v: Raw): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v === "nan") return Number.NaN;
  if (v === "inf") return Number.POSITIVE_INFINITY;
  if (v === "-inf") return Number.NEGATIVE_INFINITY;
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

// biome-ignore lint/suspicious/noExplicitAny: the fixture dispatches on a function name
export type CaseFunctions = Record<string, (...args: any[]) => unknown>;

/**
 * One test per fixture case whose `fn` is in `functions`: calls it with the decoded arguments
 * (and the options, when there are any) and compares with numpy's result. Returns those cases.
 */
export function itMatchesCases(cases: readonly Case[], functions: CaseFunctions): Case[] {
  const picked = cases.filter((c) => c.fn !== undefined && c.fn in functions);
  for (const c of picked) {
    it(c.name, () => {
      const fn = functions[c.fn as string];
      const args = c.args.map(decode);
      const options = decode(c.options as never) as object;
      const out = Object.keys(options).length ? fn(...args, options) : fn(...args);
      expectClose(out, decode(c.expected), c.rtol, c.atol);
    });
  }
  return picked;
}

/** NDArrays (and lists of them) as nested JS values, for comparison with decoded JSON. */
export function plain(v: unknown): unknown {
  if (v instanceof NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/** Asserts `actual` matches `expected` elementwise within atol + rtol*|expected| (NaN equals NaN). */
export function expectClose(
  actual: unknown,
  expected: unknown,
  rtol = 0,
  atol = 0,
  path = "$",
): void {
  const got = plain(actual);
  if (Array.isArray(expected)) {
    if (!Array.isArray(got)) throw new Error(`${path}: expected an array, got ${String(got)}`);
    expect(got.length, `${path}: length`).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectClose(got[i], e, rtol, atol, `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === "object") {
    for (const [key, e] of Object.entries(expected)) {
      expectClose((got as Record<string, unknown>)[key], e, rtol, atol, `${path}.${key}`);
    }
    return;
  }
  if (typeof expected === "boolean") {
    expect(got, path).toBe(expected);
    return;
  }
  const e = expected as number;
  if (typeof got !== "number")
    throw new Error(`${path}: expected number ${e}, got ${JSON.stringify(got)}`);
  if (Number.isNaN(e)) {
    expect(Number.isNaN(got), `${path}: expected NaN, got ${got}`).toBe(true);
    return;
  }
  if (!Number.isFinite(e) || (rtol === 0 && atol === 0)) {
    // exact: the sign of zero counts too (numpy's -0.0 vs 0.0)
    expect(Object.is(got, e), `${path}: got ${got}, expected exactly ${e}`).toBe(true);
    return;
  }
  expect(Math.abs(got - e) <= atol + rtol * Math.abs(e), `${path}: got ${got}, expected ${e}`).toBe(
    true,
  );
}

/** numpy's x[i] = (((i * 7919) % 10007) - 5003) / 7 * scale[i % 5], reproduced exactly. */
export function generated(n: number): Float64Array {
  const scales = [1, 1e-3, 1e3, 1e6, 1e-6];
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((((i * 7919) % 10007) - 5003) / 7) * scales[i % 5];
  return out;
}
