import { forEachRow } from "../internal/iterate.js";
import type { NDArray } from "../ndarray.js";
import type { PCG64 } from "./pcg64.js";

/** numpy's `random_interval`: a uniform integer in [0, max] by masked rejection (32-bit draws). */
export function randomInterval(bits: PCG64, max: number): number {
  if (max === 0) return 0;
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  for (;;) {
    const value = (bits.next32() & mask) >>> 0;
    if (value <= max) return value;
  }
}

/** Fisher-Yates along axis 0 in place, drawing as numpy's `Generator.shuffle` does. */
export function shuffleRows(bits: PCG64, x: NDArray): void {
  const n = x.shape[0];
  if (x.size === 0 || n < 2) return;
  const data = x.data;
  const stride = x.strides[0];
  if (x.ndim === 1) {
    for (let i = n - 1; i > 0; i--) {
      const j = randomInterval(bits, i);
      const a = x.offset + i * stride;
      const b = x.offset + j * stride;
      const t = data[a];
      data[a] = data[b];
      data[b] = t;
    }
    return;
  }
  const rowShape = x.shape.slice(1);
  const rowStrides = x.strides.slice(1);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInterval(bits, i);
    if (i === j) continue;
    forEachRow(
      rowShape,
      [rowStrides, rowStrides],
      [x.offset + i * stride, x.offset + j * stride],
      ([a, b], len, [sa, sb]) => {
        for (let k = 0; k < len; k++) {
          const t = data[a + k * sa];
          data[a + k * sa] = data[b + k * sb];
          data[b + k * sb] = t;
        }
      },
    );
  }
}
