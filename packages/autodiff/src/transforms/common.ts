import { DTypeError, formatShape, NDArray, rangeError, typeError, zeros } from "@nabla/ndarray";
import { flatten, isNumberList, mapTree } from "../core/pytree.js";
import { Tracer } from "../core/tracer.js";
import { dtypeOf, isFloatDType, shapeOf, type Value } from "../core/value.js";

/**
 * The positions `argnums` selects among the positional arguments `args`, each differentiated
 * argument checked (see {@link checkDiffArg}); `tuple` when argnums is an array.
 */
export function argnumsOf(
  fn: string,
  argnums: number | readonly number[] | undefined,
  args: readonly unknown[],
): { nums: number[]; tuple: boolean } {
  const res = positions(fn, argnums, args.length);
  const nums = res.nums;
  for (let k = 0; k < nums.length; k++) checkDiffArg(fn, args[nums[k]], nums[k]);
  return res;
}

function positions(
  fn: string,
  argnums: number | readonly number[] | undefined,
  nargs: number,
): { nums: number[]; tuple: boolean } {
  const tuple = Array.isArray(argnums);
  if (argnums === undefined && nargs > 0) return { nums: [0], tuple };
  const list =
    argnums === undefined
      ? [0]
      : typeof argnums === "number"
        ? [argnums]
        : [...(argnums as readonly number[])];
  if (list.length === 0) throw rangeError(`${fn}: argnums must not be empty.`);
  const nums = list.map((a) => {
    if (!Number.isInteger(a)) throw typeError(`${fn}: argnums must be integers, got ${String(a)}.`);
    const k = a < 0 ? a + nargs : a;
    if (k < 0 || k >= nargs) {
      throw rangeError(
        `${fn}: differentiating with respect to argnums=${a} requires at least ${a + 1} positional arguments to be passed by the caller, but got only ${nargs} positional arguments.`,
      );
    }
    return k;
  });
  if (new Set(nums).size !== nums.length)
    throw rangeError(`${fn}: argnums has repeated entries: ${JSON.stringify(argnums)}.`);
  return { nums, tuple };
}

/**
 * Checks a differentiated argument: a plain JS array of numbers must be wrapped in an array,
 * and every leaf must be a float.
 */
function checkDiffArg(fn: string, arg: unknown, position: number): void {
  if (arg instanceof NDArray) {
    if (!isFloatDType(arg.dtype)) throw notFloat(fn, arg.dtype);
    return;
  }
  if (isNumberList(arg)) {
    throw typeError(
      `${fn}: argument ${position} is a plain JS array; wrap it with np.array(...) to differentiate with respect to it (a JS array of numbers is a pytree of separate scalars, not a vector).`,
    );
  }
  const leaves: Value[] = [];
  flatten(fn, arg, leaves);
  for (const leaf of leaves) {
    const dtype = dtypeOf(leaf);
    if (!isFloatDType(dtype)) throw notFloat(fn, dtype);
  }
}

function notFloat(fn: string, dtype: string): DTypeError {
  return new DTypeError(
    `${fn} requires real-valued inputs (dtype float64 or float32), but got ${dtype}. Convert with x.astype("float64").`,
  );
}

/** A transform's result as the user sees it: 0-d concrete arrays become JS numbers. */
export function toPublic(tree: unknown): unknown {
  if (tree instanceof NDArray) return tree.ndim === 0 ? tree.item() : tree;
  if (typeof tree === "number" || tree instanceof Tracer) return tree;
  return mapTree("result", tree, (leaf) =>
    leaf instanceof NDArray && leaf.ndim === 0 ? leaf.item() : leaf,
  );
}

/** Zeros with the shape and dtype of `v`. */
export function zerosOf(v: Value): Value {
  const shape = shapeOf(v);
  if (shape.length === 0 && dtypeOf(v) === "float64") return 0;
  return zeros(shape, { dtype: dtypeOf(v) });
}

export function describeOutput(v: unknown): string {
  if (v instanceof NDArray || v instanceof Tracer) return `shape ${formatShape(v.shape)}`;
  if (Array.isArray(v)) return `a JS array of length ${v.length}`;
  return v === null ? "null" : typeof v;
}

/** Splits `[out, aux]` for hasAux functions. */
export function splitAux(fn: string, res: unknown, hasAux: boolean): [unknown, unknown] {
  if (!hasAux) return [res, undefined];
  if (!Array.isArray(res) || res.length !== 2) {
    throw typeError(
      `${fn}: with hasAux the function must return a pair [output, aux], got ${describeOutput(res)}.`,
    );
  }
  return [res[0], res[1]];
}

/**
 * A gradient never shares memory with an argument: multiplying by a broadcast 1 returns the
 * other operand itself, which may be the caller's array, so such a result is copied.
 */
export function unaliased(g: Value, inputs: readonly Value[]): Value {
  if (!(g instanceof NDArray)) return g;
  for (const a of inputs) if (a instanceof NDArray && a.data === g.data) return g.copy();
  return g;
}
