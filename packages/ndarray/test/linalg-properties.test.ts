import { array, eye, linalg, matmul, type NDArray } from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxAbsDiff } from "./linalg-helpers.js";

const entry = fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });
const matrix = (m: number, n: number) =>
  fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: m, maxLength: m });
const shaped = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([m, n]) => matrix(m, n));
const square = fc.integer({ min: 1, max: 6 }).chain((n) => matrix(n, n));

function scaleOf(a: number[][]): number {
  return Math.max(1, ...a.flat().map(Math.abs));
}

describe("linalg properties (fast-check)", () => {
  it("qr: Q R = A with orthonormal Q, for any shape", () => {
    fc.assert(
      fc.property(shaped, (a) => {
        const { Q, R } = linalg.qr(a);
        expect(maxAbsDiff(matmul(Q, R) as NDArray, array(a))).toBeLessThan(
          1e-13 * scaleOf(a) * a.length,
        );
        expect(maxAbsDiff(matmul(Q.T, Q) as NDArray, eye(Q.shape[1]))).toBeLessThan(1e-13);
      }),
      { numRuns: 60 },
    );
  });
  it("svd: U diag(S) Vh = A, S descending and non-negative, matches the singular values of A^T", () => {
    fc.assert(
      fc.property(shaped, (a) => {
        const { U, S, Vh } = linalg.svd(a, { fullMatrices: false });
        const k = S.shape[0];
        const us = U.mul(S.reshape(1, k));
        expect(maxAbsDiff(matmul(us, Vh) as NDArray, array(a))).toBeLessThan(
          1e-12 * scaleOf(a) * a.length,
        );
        const s = S.toArray() as number[];
        for (let i = 0; i < k; i++) {
          expect(s[i]).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
        }
        const st = linalg.svd(array(a).T, { computeUv: false });
        expect(maxAbsDiff(st, S)).toBeLessThan(1e-12 * scaleOf(a) * a.length);
      }),
      { numRuns: 60 },
    );
  });
  it("eigh: A V = V diag(w) for the symmetric part", () => {
    fc.assert(
      fc.property(square, (b) => {
        const B = array(b);
        const a = B.add(B.T);
        const { eigenvalues: w, eigenvectors: V } = linalg.eigh(a);
        expect(maxAbsDiff(matmul(a, V) as NDArray, V.mul(w))).toBeLessThan(
          1e-12 * scaleOf(b) * b.length,
        );
        expect(maxAbsDiff(matmul(V.T, V) as NDArray, eye(b.length))).toBeLessThan(1e-13);
      }),
      { numRuns: 60 },
    );
  });
  it("eigh on larger matrices (the tridiagonal QL path): A V = V diag(w), V orthonormal", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 25, max: 40 }).chain((n) => matrix(n, n)),
        (b) => {
          const B = array(b);
          const a = B.add(B.T);
          const { eigenvalues: w, eigenvectors: V } = linalg.eigh(a);
          const n = b.length;
          expect(maxAbsDiff(matmul(a, V) as NDArray, V.mul(w))).toBeLessThan(
            1e-12 * scaleOf(b) * n,
          );
          expect(maxAbsDiff(matmul(V.T, V) as NDArray, eye(n))).toBeLessThan(1e-13);
          const wl = w.toArray() as number[];
          for (let i = 1; i < n; i++) expect(wl[i]).toBeGreaterThanOrEqual(wl[i - 1]);
          expect(maxAbsDiff(linalg.eigvalsh(a), w)).toBe(0);
        },
      ),
      { numRuns: 15 },
    );
  });
  it("solve and inv agree with each other on well-conditioned systems", () => {
    fc.assert(
      fc.property(square, (b) => {
        // Diagonally dominant, hence nonsingular and well conditioned.
        const n = b.length;
        const a = array(b).add(eye(n).mul(10 * n * scaleOf(b)));
        const rhs = (array(b).toArray() as number[][]).map((r) => r[0]);
        const x = linalg.solve(a, rhs);
        const y = matmul(linalg.inv(a), rhs) as NDArray;
        expect(maxAbsDiff(x, y)).toBeLessThan(1e-13);
        expect(maxAbsDiff(matmul(a, x) as NDArray, array(rhs))).toBeLessThan(
          1e-12 * scaleOf(b) * n,
        );
        const d = linalg.det(a) as number;
        const { sign, logabsdet } = linalg.slogdet(a) as { sign: number; logabsdet: number };
        expect(Math.abs(sign * Math.exp(logabsdet) - d)).toBeLessThanOrEqual(1e-12 * Math.abs(d));
      }),
      { numRuns: 60 },
    );
  });
});
