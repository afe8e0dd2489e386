import { bind } from "../core/bind.js";
import type { Primitive } from "../core/primitive.js";
import { ndimOf, shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";

/** Moves a batch axis to the front (no-op when it already is there). */
export function moveToFront(x: Value, dim: number): Value {
  if (dim === 0) return x;
  return np.moveaxis(x, dim, 0);
}

/** A batched value with its batch axis first, or `x` broadcast along a new first axis. */
export function materialize(x: Value, dim: number | null, size: number): Value {
  if (dim === null) return np.broadcastTo(x, [size, ...shapeOf(x)]);
  return moveToFront(x, dim);
}

/**
 * vmap rule for elementwise primitives with numpy broadcasting: batched operands get their batch
 * axis first and, when their own rank is lower than the others', length-1 axes after it so that
 * broadcasting lines their remaining axes up as before; unbatched operands broadcast as they are.
 */
export function elementwiseBatch<P>(
  args: readonly Value[],
  dims: readonly (number | null)[],
  params: P,
  _size: number,
  prim: Primitive<P>,
): [Value, number | null] {
  let rank = 0;
  for (let i = 0; i < args.length; i++) {
    const r = ndimOf(args[i]) - (dims[i] === null ? 0 : 1);
    if (r > rank) rank = r;
  }
  // The arguments are passed on as they are unless one needs its batch axis moved or aligned.
  let moved: Value[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const d = dims[i];
    if (d === null) continue;
    let x = moveToFront(args[i], d);
    const shape = shapeOf(x);
    const own = shape.length - 1;
    if (own < rank) {
      const target = [shape[0], ...new Array<number>(rank - own).fill(1), ...shape.slice(1)];
      x = np.reshape(x, target);
    }
    if (x !== args[i]) {
      if (moved === null) moved = args.slice();
      moved[i] = x;
    }
  }
  return [bind(prim, moved ?? args, params), 0];
}
