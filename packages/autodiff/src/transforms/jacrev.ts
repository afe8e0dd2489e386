import { checkOptions } from "@nabla/ndarray";
import { BatchTrace, BatchTracer } from "../core/batchTrace.js";
import { closeLevel, nextLevel } from "../core/trace.js";
import { shapeOf, type Value } from "../core/value.js";
import { argnumsOf, toPublic } from "./common.js";
import type { JacobianFunction, JacobianOptions, PairFunction } from "./jacfwd.js";
import { assemble, basis, batched, offsets, reverseBlock } from "./jacobian.js";
import type { AnyFunction } from "./types.js";
import { linearizeArgs } from "./vjpCore.js";

/**
 * The Jacobian by reverse mode: one forward pass, then the backward pass vmapped over the
 * standard basis of the outputs. Same shapes (and result types) as {@link jacfwd}.
 * @example
 * jacrev((x) => np.multiply(x, x))(np.array([1, 2, 3])); // diag([2, 4, 6])
 */
export function jacrev<F extends PairFunction, const N extends number | readonly number[] = 0>(
  f: F,
  options: JacobianOptions<N, true> & { hasAux: true },
): JacobianFunction<F, N, true>;
export function jacrev<
  F extends AnyFunction,
  const N extends number | readonly number[] = 0,
  H extends boolean = false,
>(f: F, options?: JacobianOptions<N, H>): JacobianFunction<F, N, H>;
export function jacrev(f: AnyFunction, options?: JacobianOptions): AnyFunction {
  checkOptions("jacrev", options, ["argnums", "hasAux"]);
  return (...args: unknown[]) => {
    const { nums, tuple } = argnumsOf("jacrev", options?.argnums, args);
    const lin = linearizeArgs("jacrev", f, args, nums, options?.hasAux === true);
    const outs = lin.outLeaves;
    const { starts, total } = offsets(outs);
    const e = basis(outs);
    const level = nextLevel();
    const bt = new BatchTrace(level, total);
    let cts: Value[];
    try {
      const pulled = lin.pullback(e.map((b) => new BatchTracer(bt, b, 0)));
      cts = pulled.map((c, k) => batched(bt, c, lin.inLeaves[k], total));
    } finally {
      closeLevel(level);
    }
    const blocks = outs.map((o, j) =>
      lin.inLeaves.map((l, k) => reverseBlock(cts[k], shapeOf(o), shapeOf(l), starts[j], total)),
    );
    const jac = toPublic(assemble(lin.outDef, blocks, lin.inDefs, tuple));
    return options?.hasAux ? [jac, toPublic(lin.aux)] : jac;
  };
}
