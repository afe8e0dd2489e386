import type { Shape } from "./shape.js";

/**
 * Walks every position of `shape` in row-major order for several operands at once, calling `row`
 * once per innermost row with each operand's start offset. Adjacent axes that are contiguous for
 * every operand are merged first, so a contiguous array is a single row: kernels get long tight
 * loops, and the per-row callback costs nothing per element.
 */
export function forEachRow(
  shape: Shape,
  strides: readonly Shape[],
  offsets: readonly number[],
  row: (pos: number[], n: number, inner: number[]) => void,
): void {
  const k = strides.length;
  const [dims, steps] = collapse(shape, strides);
  const ndim = dims.length;
  for (const n of dims) if (n === 0) return;
  if (ndim === 0) {
    row([...offsets], 1, new Array<number>(k).fill(0));
    return;
  }
  const n = dims[ndim - 1];
  const inner = steps.map((s) => s[ndim - 1]);
  const pos = [...offsets];
  const counter = new Array<number>(ndim).fill(0);
  for (;;) {
    row(pos, n, inner);
    let d = ndim - 2;
    for (; d >= 0; d--) {
      counter[d]++;
      for (let j = 0; j < k; j++) pos[j] += steps[j][d];
      if (counter[d] < dims[d]) break;
      for (let j = 0; j < k; j++) pos[j] -= steps[j][d] * dims[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Drops length-1 axes and merges neighbours that are contiguous in every operand. */
function collapse(shape: Shape, strides: readonly Shape[]): [number[], number[][]] {
  const dims: number[] = [];
  const steps: number[][] = strides.map(() => []);
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    const last = dims.length - 1;
    if (last >= 0 && strides.every((s, j) => steps[j][last] === s[i] * shape[i])) {
      dims[last] *= shape[i];
      strides.forEach((s, j) => {
        steps[j][last] = s[i];
      });
      continue;
    }
    dims.push(shape[i]);
    strides.forEach((s, j) => {
      steps[j].push(s[i]);
    });
  }
  return [dims, steps];
}
