import { checkOptions, NDArray, ones, typeError } from "@nabla/ndarray";
import { flatten, unflatten } from "../core/pytree.js";
import { dtypeOf, formatShape, isFloatDType, shapeOf, type Value } from "../core/value.js";
import { argnumsOf, checkDiffArg, describeOutput, toPublic, unaliased, zerosOf } from "./common.js";
import type { AnyFunction } from "./types.js";
import { linearize } from "./vjpCore.js";

/** Options of {@link grad} and {@link valueAndGrad}. */
export interface GradOptions {
  /** Which positional argument(s) to differentiate with respect to (default 0); an array gives an array of gradients. */
  argnums?: number | readonly number[];
  /** The function returns `[output, aux]`; aux is passed through, not differentiated. */
  hasAux?: boolean;
}

/** @internal The shared core of grad and valueAndGrad: [value, grads, aux]. */
export function gradCore(
  fn: string,
  f: AnyFunction,
  options: GradOptions | undefined,
  args: readonly unknown[],
): [unknown, unknown, unknown] {
  const { nums, tuple } = argnumsOf(fn, options?.argnums, args.length);
  for (const i of nums) checkDiffArg(fn, args[i], i);
  const g = (...d: unknown[]) => {
    const full = args.slice();
    for (let k = 0; k < nums.length; k++) full[nums[k]] = d[k];
    return f(...full);
  };
  const lin = linearize(
    fn,
    g,
    nums.map((i) => args[i]),
    options?.hasAux === true,
  );
  if (lin.outDef.kind !== "leaf") {
    throw typeError(
      `${fn}: the function must return a scalar, but it returned ${describeOutput(unflatten(lin.outDef, lin.outLeaves))}.`,
    );
  }
  const out = lin.outLeaves[0];
  const shape = shapeOf(out);
  if (shape.length !== 0) {
    throw typeError(
      `${fn}: the function must return a scalar, but it returned shape ${formatShape(shape)}. For one derivative per element use vmap(grad(f)); for a Jacobian use jacrev(f)${shape.every((n) => n === 1) ? "; or reduce a size-1 output with np.reshape(out, [])" : ""}.`,
    );
  }
  const dtype = dtypeOf(out);
  if (!isFloatDType(dtype)) {
    throw typeError(
      `${fn} requires real-valued outputs (dtype float64 or float32), but the function returned ${dtype}.`,
    );
  }
  const seed: Value = dtype === "float64" ? 1 : ones([], { dtype });
  const grads = lin.pullback([seed]);
  const argLeaves: Value[] = [];
  for (const a of args) {
    if (a instanceof NDArray) argLeaves.push(a);
    else if (typeof a === "object" && a !== null) flattenLoose(a, argLeaves);
  }
  const leaves = grads.map((v, k) =>
    v === null ? zerosOf(lin.inLeaves[k]) : unaliased(v, argLeaves),
  );
  const at = { i: 0 };
  const trees = lin.inDefs.map((d) => toPublic(unflatten(d, leaves, at)));
  return [
    toPublic(out),
    tuple ? trees : trees[0],
    lin.aux === undefined ? undefined : toPublic(lin.aux),
  ];
}

/**
 * A function returning `[f(...args), grad f(...args)]` in one forward and one backward pass;
 * with `hasAux`, `[[value, aux], grad]`.
 * @example
 * valueAndGrad(np.sin)(0.5); // [0.479425538604203, 0.8775825618903728]
 */
export function valueAndGrad(f: AnyFunction, options?: GradOptions): AnyFunction {
  checkOptions("valueAndGrad", options, ["argnums", "hasAux"]);
  return (...args: unknown[]) => {
    const [value, grads, aux] = gradCore("valueAndGrad", f, options, args);
    return options?.hasAux ? [[value, aux], grads] : [value, grads];
  };
}

/** The leaves of an argument that may not be a pytree (then: none). */
function flattenLoose(a: unknown, out: Value[]): void {
  try {
    flatten("grad", a, out);
  } catch {
    // not a pytree: it holds no arrays a gradient could alias
  }
}
