import type { PCG64 } from "./pcg64.js";

// Marsaglia & Tsang's ziggurat for the standard normal ("The Ziggurat Method for Generating
// Random Variables", J. Stat. Softw. 5(8), 2000) with 256 layers of equal area V. The layer
// edges are computed here from R and V rather than tabulated; numpy uses the same method with
// its own tables, so normal draws are statistically equivalent to numpy's but not identical.
const LAYERS = 256;
const R = 3.6541528853610088;
const V = 0.00492867323399;

const density = (x: number): number => Math.exp(-0.5 * x * x);

/** x[i]: right edge of layer i (x[0] is the base strip's equivalent width, x[256] = 0). */
const edge = new Float64Array(LAYERS + 1);
/** f(x[i]). */
const height = new Float64Array(LAYERS + 1);
edge[0] = V / density(R);
edge[1] = R;
for (let i = 1; i < LAYERS - 1; i++)
  edge[i + 1] = Math.sqrt(-2 * Math.log(V / edge[i] + density(edge[i])));
edge[LAYERS] = 0;
for (let i = 0; i <= LAYERS; i++) height[i] = density(edge[i]);
height[0] = 0;

/** One standard normal draw from `bits`. */
export function standardNormal(bits: PCG64): number {
  for (;;) {
    bits.next64();
    const lo = bits.out[1];
    const i = lo & 0xff;
    const negative = (lo & 0x100) !== 0;
    // 52 uniform bits: the high word and bits 12..31 of the low word (disjoint from i and sign).
    const u = (bits.out[0] * 1048576 + (lo >>> 12)) * 2.220446049250313e-16;
    const x = u * edge[i];
    if (x < edge[i + 1]) return negative ? -x : x;
    if (i === 0) {
      // The tail beyond R, by Marsaglia's exponential rejection.
      for (;;) {
        const a = -Math.log1p(-bits.nextDouble()) / R;
        const b = -Math.log1p(-bits.nextDouble());
        if (b + b > a * a) return negative ? -(R + a) : R + a;
      }
    }
    // The wedge between the layer's rectangle and the curve.
    if (height[i] + bits.nextDouble() * (height[i + 1] - height[i]) < density(x))
      return negative ? -x : x;
  }
}
