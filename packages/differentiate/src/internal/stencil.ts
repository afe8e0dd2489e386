import { exactSolve, powInt } from "./exactSolve.js";

const cache = new Map<string, { central: Float64Array; right: Float64Array }>();

/** `[1, h, h*h, h*h*h, ...]` as numpy's vander builds it (running products). */
function powers(h: number, count: number): number[] {
  const out = [1];
  for (let r = 1; r < count; r++) out.push(r === 1 ? h : out[r - 1] * h);
  return out;
}

function firstDerivativeWeights(h: number[]): Float64Array {
  const size = h.length;
  const cols = h.map((v) => powers(v, size));
  const A = Array.from({ length: size }, (_, r) => cols.map((c) => c[r]));
  const b = Array.from({ length: size }, (_, r) => [r === 1 ? 1 : 0]);
  return Float64Array.from(exactSolve(A, b), (row) => row[0]);
}

/**
 * scipy.differentiate's stencil weights for the first derivative with `n` = order/2 terms:
 * central on offsets `±1/c^k` (centre weight forced to 0, antisymmetry enforced) and right
 * one-sided on `0, 1/d^k` with d = sqrt(c). Solved exactly, rounded once.
 */
export function stencilWeights(
  n: number,
  fac: number,
): { central: Float64Array; right: Float64Array } {
  const key = `${n}|${fac}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hc: number[] = [];
  for (let i = -n; i <= n; i++) hc.push(Math.sign(i) / powInt(fac, Math.abs(i) - 1));
  const central = firstDerivativeWeights(hc);
  central[n] = 0;
  for (let i = 0; i < n; i++) central[2 * n - i] = -central[i];
  const d = Math.sqrt(fac);
  const hr: number[] = [];
  for (let i = 0; i <= 2 * n; i++) hr.push(Math.sign(i) / powInt(d, i - 1));
  const right = firstDerivativeWeights(hr);
  const out = { central, right };
  cache.set(key, out);
  return out;
}
