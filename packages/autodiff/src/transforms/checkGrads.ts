import * as nd from "@nabla/ndarray";
import { checkOptions, NDArray, random, rangeError, typeError } from "@nabla/ndarray";
import { flatten, unflatten } from "../core/pytree.js";
import { Tracer } from "../core/tracer.js";
import { dtypeOf, isFloatDType, type Value } from "../core/value.js";
import { jvp } from "./jvp.js";
import type { AnyFunction } from "./types.js";
import { vjp } from "./vjp.js";

/** Options of {@link checkGrads}. */
export interface CheckGradsOptions {
  /** Highest derivative order to check (default 1). */
  order?: number;
  /** Which modes: "fwd" (jvp), "rev" (vjp), or both (default). */
  modes?: readonly ("fwd" | "rev")[];
  /** Finite-difference step (default 1e-4, jax's for float64). */
  eps?: number;
  /** Absolute tolerance (default 1e-5). */
  atol?: number;
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Seed of the random directions (default 0), so a failure reproduces. */
  seed?: number;
}

function concreteLeaf(v: unknown): number | NDArray {
  if (v instanceof Tracer)
    throw typeError("checkGrads: call it outside other transforms (it needs concrete values).");
  return v as number | NDArray;
}

/** All leaves of a tree as one Float64Array. */
function flat(tree: unknown): Float64Array {
  const leaves: Value[] = [];
  flatten("checkGrads", tree, leaves);
  const parts = leaves.map((l) => {
    const c = concreteLeaf(l);
    return typeof c === "number"
      ? new Float64Array([c])
      : Float64Array.from(c.astype("float64").toTypedArray());
  });
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A random tree like `tree` (float leaves get normal deviates, others zeros). */
function randomLike(tree: unknown, rand: () => number): unknown {
  const leaves: Value[] = [];
  const def = flatten("checkGrads", tree, leaves);
  return unflatten(
    def,
    leaves.map((l) => {
      const c = concreteLeaf(l);
      if (typeof c === "number") return rand();
      const data = new Float64Array(c.size).map(() => (isFloatDType(c.dtype) ? rand() : 0));
      return new NDArray(data, c.shape).astype(isFloatDType(c.dtype) ? c.dtype : "float64");
    }),
  );
}

/** `x + s v` leafwise on concrete trees (non-float leaves unchanged). */
function axpy(x: unknown, v: unknown, s: number): unknown {
  const xl: Value[] = [];
  const vl: Value[] = [];
  const def = flatten("checkGrads", x, xl);
  flatten("checkGrads", v, vl);
  return unflatten(
    def,
    xl.map((l, k) => {
      if (!isFloatDType(dtypeOf(l))) return l;
      const a = concreteLeaf(l);
      const b = concreteLeaf(vl[k]);
      if (typeof a === "number" && typeof b === "number") return a + s * b;
      return nd.add(a, nd.multiply(b, s));
    }),
  );
}

function numericalJvp(
  f: AnyFunction,
  args: readonly unknown[],
  v: readonly unknown[],
  eps: number,
): Float64Array {
  const plus = flat(f(...(axpy(args, v, eps) as unknown[])));
  const minus = flat(f(...(axpy(args, v, -eps) as unknown[])));
  return plus.map((p, i) => (p - minus[i]) / (2 * eps));
}

function dotFlat(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function compare(
  what: string,
  actual: Float64Array,
  expected: Float64Array,
  atol: number,
  rtol: number,
): void {
  if (actual.length !== expected.length) {
    throw rangeError(
      `checkGrads: ${what}: got ${actual.length} values, expected ${expected.length}.`,
    );
  }
  let worst = -1;
  let excess = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(a) && Number.isNaN(e)) continue;
    if (a === e) continue;
    const err = Math.abs(a - e) - (atol + rtol * Math.abs(e));
    if (!(err <= 0) && (worst < 0 || err > excess)) {
      worst = i;
      excess = err;
    }
  }
  if (worst >= 0) {
    throw new Error(
      `checkGrads: ${what} does not match finite differences: at element ${worst}, got ${actual[worst]}, expected ${expected[worst]} (atol ${atol}, rtol ${rtol}).`,
    );
  }
}

/**
 * Checks the derivatives of `f` at `args` against central finite differences, as jax's
 * `check_grads`: forward mode compares `jvp` in a random direction, reverse mode compares
 * `<vjp(u), v>` with `<u, J v>`; with `order` 2 or more, the same checks run on the JVP and
 * VJP functions themselves (forward-over-forward, reverse-over-reverse and the mixes).
 * Throws an Error naming the mismatch; returns nothing when all checks pass.
 * @example
 * checkGrads((x) => np.sin(np.multiply(x, x)), [np.array([0.3, 1.2])], { order: 2 });
 */
export function checkGrads(
  f: AnyFunction,
  args: readonly unknown[],
  options?: CheckGradsOptions,
): void {
  checkOptions("checkGrads", options, ["order", "modes", "eps", "atol", "rtol", "seed"]);
  if (!Array.isArray(args))
    throw typeError("checkGrads: args must be an array with one entry per argument of f.");
  const order = options?.order ?? 1;
  if (!Number.isInteger(order) || order < 1)
    throw rangeError(`checkGrads: order must be a positive integer, got ${order}.`);
  const modes = options?.modes ?? ["fwd", "rev"];
  for (const m of modes) {
    if (m !== "fwd" && m !== "rev")
      throw rangeError(
        `checkGrads: modes must contain "fwd" and/or "rev", got ${JSON.stringify(m)}.`,
      );
  }
  const eps = options?.eps ?? 1e-4;
  const atol = options?.atol ?? 1e-5;
  const rtol = options?.rtol ?? 1e-5;
  const rng = random.defaultRng(options?.seed ?? 0);
  const rand = () => rng.standardNormal();
  const check = (g: AnyFunction, k: number, label: string): void => {
    const v = randomLike(args, rand) as unknown[];
    if (modes.includes("fwd")) {
      const [, tangent] = jvp(g, args, v);
      compare(`${label}jvp`, flat(tangent), numericalJvp(g, args, v, eps), atol, rtol);
      if (k > 1) check((...a: unknown[]) => jvp(g, a, v)[1], k - 1, `${label}jvp of `);
    }
    if (modes.includes("rev")) {
      const [out, pull] = vjp(g, ...args);
      const u = randomLike(out, rand);
      const ip = dotFlat(flat(pull(u)), flat(v));
      const expected = dotFlat(flat(u), numericalJvp(g, args, v, eps));
      compare(`${label}vjp`, new Float64Array([ip]), new Float64Array([expected]), atol, rtol);
      if (k > 1) check((...a: unknown[]) => vjp(g, ...a)[1](u), k - 1, `${label}vjp of `);
    }
  };
  check(f, order, "");
}
