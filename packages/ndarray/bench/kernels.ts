// sin, cos and multiply of @nabla/ndarray against the same loops written with Math.sin/Math.cos
// and a plain strided multiply, on 1e6 float64 elements, smooth (linspace) and random:
//   npm run bench:kernels -w @nabla/ndarray
// Backs the speeds stated in src/internal/trig.ts and src/arithmetic.ts. Best of alternating
// rounds (ours, then the reference), each after a warm-up, so both see the same machine.
import * as nd from "@nabla/ndarray";

const N = 1_000_000;
const ROUNDS = 20;

function mathSin(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.sin(x[i]);
  return out;
}
function mathCos(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.cos(x[i]);
  return out;
}
/** The multiply loop ndarray had before its four-at-a-time rows: one strided element per step. */
function stridedMultiply(x: Float64Array, xs: number, y: Float64Array, ys: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i * xs] * y[i * ys];
  return out;
}

function best(ours: () => unknown, reference: () => unknown): [number, number] {
  for (let i = 0; i < 5; i++) {
    ours();
    reference();
  }
  let a = Number.POSITIVE_INFINITY;
  let b = Number.POSITIVE_INFINITY;
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    ours();
    a = Math.min(a, performance.now() - t);
    t = performance.now();
    reference();
    b = Math.min(b, performance.now() - t);
  }
  return [a, b];
}

const rng = nd.random.defaultRng(0);
const inputs: [string, nd.NDArray][] = [
  ["linspace(0, 10)", nd.linspace(0, 10, N)],
  ["uniform(-3, 3)", rng.uniform(-3, 3, N)],
];
console.log("| operation, 1e6 float64 | input | nabla ms | reference ms | reference / nabla |");
console.log("|---|---|---:|---:|---:|");
const row = (op: string, input: string, [a, b]: [number, number]) =>
  console.log(`| ${op} | ${input} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)}x |`);
for (const [name, x] of inputs) {
  const data = x.toTypedArray() as Float64Array;
  row(
    "sin vs a Math.sin loop",
    name,
    best(
      () => nd.sin(x),
      () => mathSin(data),
    ),
  );
  row(
    "cos vs a Math.cos loop",
    name,
    best(
      () => nd.cos(x),
      () => mathCos(data),
    ),
  );
}
const [, x] = inputs[1];
const y = nd.multiply(x, 0.5);
const xd = x.toTypedArray() as Float64Array;
const yd = y.toTypedArray() as Float64Array;
row(
  "multiply vs a strided loop",
  "two arrays",
  best(
    () => nd.multiply(x, y),
    () => stridedMultiply(xd, 1, yd, 1),
  ),
);
const two = new Float64Array([2]);
row(
  "multiply vs a strided loop",
  "array × scalar",
  best(
    () => nd.multiply(x, 2),
    () => stridedMultiply(xd, 1, two, 0),
  ),
);
