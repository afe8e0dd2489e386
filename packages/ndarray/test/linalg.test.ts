import {
  array,
  dot,
  eye,
  inner,
  LinAlgError,
  linalg,
  matmul,
  NablaError,
  NDArray,
  outer,
  ShapeError,
  zeros,
} from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import {
  type Case,
  decode,
  expectClose,
  load,
  maxAbsDiff,
  randomMatrix,
} from "./linalg-helpers.js";

type Fn = (args: never[], options: never) => unknown;

const extra: Record<string, Fn> = {
  matmul: ([a, b]) => matmul(a, b),
  dot: ([a, b]) => dot(a, b),
  inner: ([a, b]) => inner(a, b),
  outer: ([a, b]) => outer(a, b),
  det: ([a]) => linalg.det(a),
  slogdet: ([a]) => linalg.slogdet(a),
  inv: ([a]) => linalg.inv(a),
  solve: ([a, b]) => linalg.solve(a, b),
  cholesky: ([a], o) => linalg.cholesky(a, o),
  "qr.R": ([a]) => linalg.qr(a).R,
  eigvalsh: ([a], o) => linalg.eigvalsh(a, o),
  "svd.S": ([a]) => linalg.svd(a, { computeUv: false }),
  eigvals: ([a]) => sortedPairs(linalg.eigvals(a)),
  lstsq: ([a, b]) => linalg.lstsq(a, b),
  pinv: ([a]) => linalg.pinv(a),
  matrixRank: ([a]) => linalg.matrixRank(a),
  cond: ([a, p]) => linalg.cond(a, p),
  norm: ([a], o) => linalg.norm(a, o),
};

function run(c: Case, fn: Fn): unknown {
  return fn(decode(c.args as never), decode(c.options as never));
}

/** Eigenvalue pairs sorted by (re, im), so the solver's order does not matter. */
function sortedPairs(r: { re: NDArray | number[]; im: NDArray | number[] }): {
  re: number[];
  im: number[];
} {
  const re = (r.re instanceof NDArray ? r.re.toArray() : r.re) as number[];
  const im = (r.im instanceof NDArray ? r.im.toArray() : r.im) as number[];
  const idx = re.map((_, i) => i).sort((p, q) => re[p] - re[q] || im[p] - im[q]);
  return { re: idx.map((i) => re[i]), im: idx.map((i) => im[i]) };
}

describe("golden numpy cases", () => {
  for (const [file, fn] of [
    ["ndarray.linalg.det.json", ([a]: never[]) => linalg.det(a)],
    ["ndarray.linalg.inv.json", ([a]: never[]) => linalg.inv(a)],
    ["ndarray.linalg.solve.json", ([a, b]: never[]) => linalg.solve(a, b)],
  ] as const) {
    for (const c of load(file)) {
      it(c.name ?? file, () => expectClose(run(c, fn as Fn), decode(c.expected), c.rtol, c.atol));
    }
  }
  const linalgFns = new Set(Object.keys(extra));
  load("linalg.extra.json")
    .filter((c) => linalgFns.has(c.fn ?? ""))
    .forEach((c, i) => {
      it(`${c.fn} #${i} ${JSON.stringify(c.options)}`, () => {
        const expected = decode(c.expected);
        expectClose(
          run(c, extra[c.fn as string]),
          c.fn === "eigvals" ? sortedPairs(expected as never) : expected,
          c.rtol,
          c.atol,
        );
      });
    });
});

describe("det and slogdet", () => {
  it("reproduces numpy's last bits through the log-sum path", () => {
    expect(
      linalg.det([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(-2.0000000000000004);
    expect(
      linalg.det([
        [2, 0, 1],
        [1, 3, 2],
        [1, 1, 2],
      ]),
    ).toBe(6);
    expect(
      linalg.det([
        [4, 3],
        [6, 3],
      ]),
    ).toBe(-6);
    expect(
      linalg.det([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 10],
      ]),
    ).toBe(-2.9999999999999996);
  });
  it("gives 0 for an exactly singular matrix and 1 for 0x0", () => {
    expect(
      linalg.det([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(0);
    expect(
      linalg.slogdet([
        [1, 2],
        [2, 4],
      ]),
    ).toEqual({ sign: 0, logabsdet: Number.NEGATIVE_INFINITY });
    expect(linalg.det(zeros([0, 0]))).toBe(1);
  });
  it("works on stacks", () => {
    const d = linalg.det(
      array([
        [
          [2, 0],
          [0, 3],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ]),
    ) as NDArray;
    expect(d.toArray()).toEqual([6, -2.0000000000000004]);
  });
  it("equals the product of eigenvalues for a symmetric matrix", () => {
    const s = randomMatrix(6, 6, 3);
    const a = matmul(s, array(s).T) as NDArray;
    const w = linalg.eigvalsh(a).toArray() as number[];
    const prod = w.reduce((p, q) => p * q, 1);
    expect(Math.abs((linalg.det(a) as number) - prod)).toBeLessThan(1e-12 * Math.abs(prod));
  });
});

describe("inv and solve", () => {
  const a = randomMatrix(8, 8, 7);
  it("A @ inv(A) = I", () => {
    const p = matmul(a, linalg.inv(a)) as NDArray;
    expect(maxAbsDiff(p, eye(8))).toBeLessThan(1e-12);
  });
  it("solve has a tiny residual, for vectors and matrices, with broadcasting batches", () => {
    const b = randomMatrix(8, 3, 9);
    const x = linalg.solve(a, b);
    expect(maxAbsDiff(matmul(a, x) as NDArray, array(b))).toBeLessThan(1e-12);
    const stack = array([a, randomMatrix(8, 8, 11)]);
    const xs = linalg.solve(
      stack,
      b.map((r) => r[0]),
    );
    expect(xs.shape).toEqual([2, 8]);
    const ys = linalg.solve(stack, array([b, b]));
    expect(ys.shape).toEqual([2, 8, 3]);
    expect(maxAbsDiff(matmul(stack, ys) as NDArray, array([b, b]))).toBeLessThan(1e-12);
  });
  it("reproduces numpy's bits for inv([[1, 2], [3, 4]])", () => {
    expect(
      linalg
        .inv([
          [1, 2],
          [3, 4],
        ])
        .toArray(),
    ).toEqual([
      [-1.9999999999999996, 0.9999999999999998],
      [1.4999999999999998, -0.4999999999999999],
    ]);
  });
  it("inverts a stack", () => {
    const s = array([
      [
        [2, 0],
        [0, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expectClose(
      linalg.inv(s),
      [
        [
          [0.5, 0],
          [0, 0.25],
        ],
        [
          [-2, 1],
          [1.5, -0.5],
        ],
      ],
      1e-15,
      1e-15,
    );
  });
});

describe("matmul, dot, inner, outer", () => {
  it("matches a naive product at sizes that exercise the packed kernel's edges", () => {
    for (const [m, k, n] of [
      [1, 1, 1],
      [5, 7, 3],
      [33, 65, 31],
      [70, 300, 9],
      [130, 257, 66],
    ]) {
      const a = randomMatrix(m, k, m + k);
      const b = randomMatrix(k, n, k + n);
      const c = matmul(a, b) as NDArray;
      const naive = a.map((row) => b[0].map((_, j) => row.reduce((s, v, p) => s + v * b[p][j], 0)));
      expect(maxAbsDiff(c, array(naive))).toBeLessThan(1e-12);
    }
  });
  it("returns JS numbers for vector . vector and keeps numpy's shapes", () => {
    expect(matmul([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(inner([1, 2, 3], [0, 1, 0])).toBe(2);
    expect((matmul(zeros([10, 2, 3]), zeros([3, 4])) as NDArray).shape).toEqual([10, 2, 4]);
    expect((matmul(zeros([2, 1, 2, 3]), zeros([5, 3, 4])) as NDArray).shape).toEqual([2, 5, 2, 4]);
    expect((dot(zeros([2, 3, 4]), zeros([5, 4, 6])) as NDArray).shape).toEqual([2, 3, 5, 6]);
    expect((dot(2, [1, 2]) as NDArray).toArray()).toEqual([2, 4]);
    expect(outer([1, 2], [1, 10, 100]).toArray()).toEqual([
      [1, 10, 100],
      [2, 20, 200],
    ]);
  });
  it("chains as methods and keeps integer dtypes integral", () => {
    const a = array([
      [1, 2],
      [3, 4],
    ]);
    expect(a.matmul([[1], [1]]).toArray()).toEqual([[3], [7]]);
    expect(a.matmul(eye(2)).dot([1, 1]).toArray()).toEqual([3, 7]);
    expect(array([1, 2]).dot([3, 4]).item()).toBe(11);
    const i = array(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: "int32" },
    );
    expect((matmul(i, i) as NDArray).dtype).toBe("int32");
    expect(
      (
        matmul(
          array([[1, 2]], { dtype: "float32" }),
          array([[1], [2]], { dtype: "float32" }),
        ) as NDArray
      ).dtype,
    ).toBe("float32");
  });
  it("reads strided views (transposes, slices) correctly", () => {
    const a = array(randomMatrix(6, 5, 2));
    const at = a.T;
    const c = matmul(at, a) as NDArray;
    const d = matmul(at.copy(), a.copy()) as NDArray;
    expect(maxAbsDiff(c, d)).toBe(0);
    expect(maxAbsDiff(matmul(a.slice("::2"), eye(5)) as NDArray, a.slice("::2").copy())).toBe(0);
  });
  it("throws numpy's errors", () => {
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(ShapeError);
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(/mismatch in its core dimension/);
    expect(() => matmul(2, [1, 2])).toThrow(TypeError);
    expect(() => dot([[1, 2]], [1, 2, 3])).toThrow(/not aligned/);
    expect(() => inner([1, 2], [1, 2, 3])).toThrow(ShapeError);
    expect(() => matmul(zeros([2, 2, 2]), zeros([3, 2, 2]))).toThrow(ShapeError);
  });
});

describe("factorizations reconstruct their input", () => {
  const tall = randomMatrix(7, 4, 5);
  const wide = randomMatrix(3, 6, 6);
  it("qr: reduced and complete, Q orthonormal, R upper triangular", () => {
    for (const a of [tall, wide]) {
      for (const mode of ["reduced", "complete"] as const) {
        const { Q, R } = linalg.qr(a, { mode });
        expect(maxAbsDiff(matmul(Q, R) as NDArray, array(a))).toBeLessThan(1e-14);
        expect(maxAbsDiff(matmul(Q.T, Q) as NDArray, eye(Q.shape[1]))).toBeLessThan(1e-14);
        const r = R.toArray() as number[][];
        for (let i = 0; i < r.length; i++)
          for (let j = 0; j < Math.min(i, r[i].length); j++) expect(r[i][j]).toBe(0);
      }
    }
    expect(linalg.qr(tall, { mode: "complete" }).Q.shape).toEqual([7, 7]);
    expect(linalg.qr(tall).Q.shape).toEqual([7, 4]);
    expect(linalg.qr(tall, { mode: "r" }).shape).toEqual([4, 4]);
  });
  it("svd: full and reduced, orthonormal factors, descending singular values", () => {
    for (const a of [
      tall,
      wide,
      [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ]) {
      for (const fullMatrices of [true, false]) {
        const { U, S, Vh } = linalg.svd(a, { fullMatrices });
        const A = array(a);
        const k = S.shape[0];
        const us = matmul(
          U.slice(":", `:${k}`),
          linalg
            .svd(a, { computeUv: false })
            .reshape(k, 1)
            .mul(Vh.slice(`:${k}`)),
        ) as NDArray;
        expect(maxAbsDiff(us, A)).toBeLessThan(1e-14);
        expect(maxAbsDiff(matmul(U.T, U) as NDArray, eye(U.shape[1]))).toBeLessThan(1e-14);
        expect(maxAbsDiff(matmul(Vh, Vh.T) as NDArray, eye(Vh.shape[0]))).toBeLessThan(1e-14);
        const s = S.toArray() as number[];
        for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
        expect(U.shape).toEqual(fullMatrices ? [A.shape[0], A.shape[0]] : [A.shape[0], k]);
      }
    }
  });
  it("eigh: A V = V diag(w), V orthonormal, ascending w, stacks", () => {
    const s = randomMatrix(9, 9, 4);
    const a = (matmul(s, array(s).T) as NDArray).sub(eye(9).mul(2));
    const { eigenvalues: w, eigenvectors: V } = linalg.eigh(a);
    expect(maxAbsDiff(matmul(a, V) as NDArray, V.mul(w))).toBeLessThan(1e-13);
    expect(maxAbsDiff(matmul(V.T, V) as NDArray, eye(9))).toBeLessThan(1e-14);
    const wl = w.toArray() as number[];
    for (let i = 1; i < 9; i++) expect(wl[i]).toBeGreaterThanOrEqual(wl[i - 1]);
    const stacked = linalg.eigh(
      array([
        [
          [2, 1],
          [1, 2],
        ],
        [
          [5, 0],
          [0, -1],
        ],
      ]),
    );
    expectClose(
      stacked.eigenvalues,
      [
        [1, 3],
        [-1, 5],
      ],
      1e-15,
      1e-15,
    );
    // Only the lower triangle is read by default.
    expectClose(
      linalg.eigvalsh([
        [2, 100],
        [1, 2],
      ]),
      [1, 3],
      1e-15,
      1e-15,
    );
  });
  it("cholesky: L L^T = A, lower triangular", () => {
    const s = randomMatrix(6, 6, 8);
    const a = (matmul(s, array(s).T) as NDArray).add(eye(6));
    const L = linalg.cholesky(a);
    expect(maxAbsDiff(matmul(L, L.T) as NDArray, a)).toBeLessThan(1e-14);
    const U = linalg.cholesky(a, { upper: true });
    expect(maxAbsDiff(U, L.T)).toBe(0);
  });
  it("pinv is a Moore-Penrose inverse; lstsq agrees with pinv", () => {
    for (const a of [
      tall,
      wide,
      [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
    ]) {
      const P = linalg.pinv(a);
      const A = array(a);
      expect(maxAbsDiff(matmul(matmul(A, P) as NDArray, A) as NDArray, A)).toBeLessThan(1e-13);
      expect(maxAbsDiff(matmul(matmul(P, A) as NDArray, P) as NDArray, P)).toBeLessThan(1e-13);
      const b = randomMatrix(A.shape[0], 1, 12).map((r) => r[0]);
      const { x } = linalg.lstsq(a, b);
      expect(maxAbsDiff(x, matmul(P, b) as NDArray)).toBeLessThan(1e-13);
    }
  });
});

describe("dtypes", () => {
  it("float32 input gives float32 results, like numpy; mixed inputs give float64", () => {
    const a = array(
      [
        [4, 1],
        [1, 3],
      ],
      { dtype: "float32" },
    );
    const b = array([1, 2], { dtype: "float32" });
    expect(linalg.inv(a).dtype).toBe("float32");
    expect(linalg.solve(a, b).dtype).toBe("float32");
    expect(linalg.solve(a, [1, 2]).dtype).toBe("float64");
    expect(linalg.cholesky(a).dtype).toBe("float32");
    expect(linalg.qr(a).Q.dtype).toBe("float32");
    expect(linalg.eigh(a).eigenvalues.dtype).toBe("float32");
    expect(linalg.eigvalsh(a).dtype).toBe("float32");
    expect(linalg.svd(a).Vh.dtype).toBe("float32");
    expect(linalg.pinv(a).dtype).toBe("float32");
    expect(linalg.lstsq(a, b).x.dtype).toBe("float32");
    expectClose(linalg.solve(a, b), [1 / 11, 7 / 11], 1e-7, 0);
    expect(
      linalg.inv(
        array(
          [
            [2, 0],
            [0, 4],
          ],
          { dtype: "int32" },
        ),
      ).dtype,
    ).toBe("float64");
  });
});

describe("norm, cond, matrixRank", () => {
  it("vector and matrix norms", () => {
    expect(linalg.norm([3, 4])).toBe(5);
    expect(
      linalg.norm(
        [
          [1, 2],
          [3, 4],
        ],
        { ord: Number.POSITIVE_INFINITY },
      ),
    ).toBe(7);
    expect(
      linalg.norm(
        [
          [1, 2],
          [3, 4],
        ],
        { ord: 1 },
      ),
    ).toBe(6);
    expect(
      (
        linalg.norm(
          [
            [3, 4],
            [6, 8],
          ],
          { axis: 1 },
        ) as NDArray
      ).toArray(),
    ).toEqual([5, 10]);
    expect((linalg.norm([3, 4], { keepdims: true }) as NDArray).shape).toEqual([1]);
  });
  it("rank and condition number", () => {
    expect(
      linalg.matrixRank([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(1);
    expect(linalg.matrixRank(eye(4))).toBe(4);
    expect(linalg.matrixRank([0, 0])).toBe(0);
    expect(
      linalg.matrixRank(
        [
          [1, 2],
          [2, 4],
        ],
        { tol: 10 },
      ),
    ).toBe(0);
    expect(
      linalg.cond([
        [1, 0],
        [0, 2],
      ]),
    ).toBe(2);
    expect(
      linalg.cond(
        [
          [1, 1],
          [1, 1],
        ],
        1,
      ),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(
      (
        linalg.matrixRank(
          array([eye(3).toArray() as number[][], zeros([3, 3]).toArray() as number[][]]),
        ) as NDArray
      ).toArray(),
    ).toEqual([3, 0]);
  });
});

describe("errors", () => {
  it("inv and solve of a singular matrix throw LinAlgError('Singular matrix')", () => {
    expect(() =>
      linalg.inv([
        [1, 2],
        [2, 4],
      ]),
    ).toThrow(LinAlgError);
    expect(() =>
      linalg.inv([
        [1, 2],
        [2, 4],
      ]),
    ).toThrow(/Singular matrix/);
    expect(() =>
      linalg.solve(
        [
          [0, 0],
          [0, 0],
        ],
        [1, 2],
      ),
    ).toThrow(/Singular matrix/);
    try {
      linalg.inv([[0]]);
    } catch (e) {
      expect(NablaError.isInstance(e)).toBe(true);
    }
  });
  it("non-square, too few dimensions, bad shapes", () => {
    expect(() => linalg.det([1, 2])).toThrow(/1-dimensional array given/);
    expect(() =>
      linalg.det([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(/must be square/);
    expect(() => linalg.inv([[1, 2, 3]])).toThrow(LinAlgError);
    expect(() =>
      linalg.solve(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 2, 3],
      ),
    ).toThrow(ShapeError);
    expect(() =>
      linalg.lstsq(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 2, 3],
      ),
    ).toThrow(/Incompatible dimensions/);
    expect(() => linalg.lstsq([1, 2], [1, 2])).toThrow(LinAlgError);
    expect(() =>
      linalg.solve(
        [
          [1, 0],
          [0, 1],
        ],
        5,
      ),
    ).toThrow(ShapeError);
    expect(() => linalg.pinv([[1]], { tol: 1 } as never)).toThrow(/unknown option "tol"/);
  });
  it("eigvals: non-square input, NaN; stacks work", () => {
    expect(() => linalg.eigvals([[1, 2, 3]])).toThrow(/must be square/);
    expect(() => linalg.eigvals([[Number.NaN]])).toThrow(/infs or NaNs/);
    const r = linalg.eigvals(
      array([
        [
          [0, -1],
          [1, 0],
        ],
        [
          [2, 0],
          [0, 3],
        ],
      ]),
    );
    expect(r.re.shape).toEqual([2, 2]);
    expect(r.im.toArray()).toEqual([
      [1, -1],
      [0, 0],
    ]);
  });
  it("cholesky of a non positive definite matrix", () => {
    expect(() =>
      linalg.cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(LinAlgError);
    expect(() =>
      linalg.cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/not positive definite/);
  });
  it("NaN/Infinity rejected by SVD-based functions, as LAPACK-backed numpy does", () => {
    expect(() =>
      linalg.svd([
        [1, Number.NaN],
        [0, 1],
      ]),
    ).toThrow(/infs or NaNs/);
    expect(() =>
      linalg.eigh([
        [1, Number.POSITIVE_INFINITY],
        [0, 1],
      ]),
    ).toThrow(LinAlgError);
  });
  it("bad options and orders", () => {
    expect(() => linalg.norm([1, 2], { ord: "fro" })).toThrow(
      /Invalid norm order 'fro' for vectors/,
    );
    expect(() => linalg.norm([[1, 2]], { ord: 3 })).toThrow(/Invalid norm order/);
    expect(() => linalg.norm(zeros([2, 2, 2]), { ord: 2 })).toThrow(
      /Improper number of dimensions/,
    );
    expect(() => linalg.norm([[1, 2]], { axis: [0, 0] })).toThrow(/Duplicate axes/);
    expect(() => linalg.norm([1, 2], { axis: 1 })).toThrow(RangeError);
    expect(() => linalg.qr([[1]], { mode: "raw" as never })).toThrow(RangeError);
    expect(() => linalg.eigh([[1]], { UPLO: "X" as never })).toThrow(RangeError);
    expect(() => linalg.svd([[1]], { full_matrices: false } as never)).toThrow(
      /unknown option "full_matrices"/,
    );
    expect(() => linalg.cond(zeros([0, 0]))).toThrow(LinAlgError);
  });
});
