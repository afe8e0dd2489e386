"""Regenerates test/fixtures/linalg.extra.json: numpy reference values for linalg, gradient and
polynomial functions beyond the shared golden files. Run: python3 scripts/make-fixtures-linalg.py
(numpy 2.4). The golden files it complements are copied unchanged into test/fixtures/."""
import json
import os

import numpy as np

rng = np.random.default_rng(20261126)


def enc(v):
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, np.ndarray):
        return enc(v.tolist())
    if isinstance(v, (np.floating, float)):
        f = float(v)
        if np.isnan(f):
            return "nan"
        if np.isinf(f):
            return "inf" if f > 0 else "-inf"
        return f
    if isinstance(v, (np.integer,)):
        return int(v)
    return v


cases = []


def add(fn, args, options, expected, rtol=1e-12, atol=1e-13):
    cases.append({"fn": fn, "args": enc(args), "options": enc(options), "expected": enc(expected),
                  "rtol": rtol, "atol": atol})


A3 = rng.standard_normal((3, 3)).round(6)
A4 = rng.standard_normal((4, 4)).round(6)
R53 = rng.standard_normal((5, 3)).round(6)
R35 = rng.standard_normal((3, 5)).round(6)
S = rng.standard_normal((4, 4)).round(6)
SPD = (S @ S.T + 4 * np.eye(4)).round(6)
SYM = (S + S.T).round(6)
B3 = rng.standard_normal((2, 3, 3)).round(6)

# products
add("matmul", [A3.tolist(), R35.tolist()], {}, A3 @ R35)
add("matmul", [B3.tolist(), A3.tolist()], {}, B3 @ A3)
add("matmul", [A3.tolist(), [1.0, 2.0, 3.0]], {}, A3 @ np.array([1.0, 2.0, 3.0]))
add("matmul", [[1.0, 2.0, 3.0], B3.tolist()], {}, np.array([1.0, 2.0, 3.0]) @ B3)
add("dot", [B3.tolist(), R35.tolist()], {}, np.dot(B3, R35))
add("dot", [B3.tolist(), [1.0, -1.0, 2.0]], {}, np.dot(B3, [1.0, -1.0, 2.0]))
add("inner", [B3.tolist(), A3.tolist()], {}, np.inner(B3, A3))
add("outer", [[1.0, 2.0, 3.0], [[1.0, 2.0], [3.0, 4.0]]], {}, np.outer([1.0, 2.0, 3.0], [[1.0, 2.0], [3.0, 4.0]]))
big = rng.standard_normal((37, 45)).round(6)
big2 = rng.standard_normal((45, 29)).round(6)
add("matmul", [big.tolist(), big2.tolist()], {}, big @ big2, 1e-12, 1e-12)

# determinants and solves
add("det", [B3.tolist()], {}, np.linalg.det(B3), 1e-13, 1e-14)
add("det", [[[1, 2, 3], [4, 5, 6], [7, 8, 10]]], {}, np.linalg.det([[1, 2, 3], [4, 5, 6], [7, 8, 10]]), 1e-15, 0)
add("det", [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]], {}, 6.661338147750926e-18, 1e-3, 0)
add("det", [[[0, 1], [1, 0]]], {}, -1.0, 0, 0)
sd = np.linalg.slogdet([[1, 2], [3, 4]])
add("slogdet", [[[1, 2], [3, 4]]], {}, {"sign": sd.sign, "logabsdet": sd.logabsdet}, 1e-15, 0)
sd = np.linalg.slogdet(B3)
add("slogdet", [B3.tolist()], {}, {"sign": sd.sign, "logabsdet": sd.logabsdet}, 1e-13, 1e-14)
add("inv", [B3.tolist()], {}, np.linalg.inv(B3), 1e-12, 1e-13)
add("solve", [B3.tolist(), [1.0, 2.0, 3.0]], {}, np.linalg.solve(B3, [1.0, 2.0, 3.0]), 1e-12, 1e-13)
Bm = rng.standard_normal((3, 2)).round(6)
add("solve", [A3.tolist(), Bm.tolist()], {}, np.linalg.solve(A3, Bm), 1e-12, 1e-13)

# factorizations
add("cholesky", [SPD.tolist()], {}, np.linalg.cholesky(SPD), 1e-13, 1e-14)
add("cholesky", [SPD.tolist()], {"upper": True}, np.linalg.cholesky(SPD, upper=True), 1e-13, 1e-14)
add("qr.R", [R53.tolist()], {}, np.linalg.qr(R53).R, 1e-12, 1e-13)
add("qr.R", [R35.tolist()], {}, np.linalg.qr(R35).R, 1e-12, 1e-13)
add("eigvalsh", [SYM.tolist()], {}, np.linalg.eigvalsh(SYM), 1e-13, 1e-13)
add("eigvalsh", [SPD.tolist()], {"UPLO": "U"}, np.linalg.eigvalsh(SPD, UPLO="U"), 1e-13, 1e-13)
G = rng.standard_normal((40, 40)).round(6)
SYM40 = (G + G.T).round(6)
add("eigvalsh", [SYM40.tolist()], {}, np.linalg.eigvalsh(SYM40), 1e-13, 1e-13)
SPD40 = (G @ G.T + np.diag(np.logspace(-3, 3, 40))).round(6)
add("eigvalsh", [SPD40.tolist()], {}, np.linalg.eigvalsh(SPD40), 1e-12, 1e-12)
add("svd.S", [R53.tolist()], {}, np.linalg.svd(R53, compute_uv=False), 1e-13, 1e-14)
add("svd.S", [R35.tolist()], {}, np.linalg.svd(R35, compute_uv=False), 1e-13, 1e-14)
add("svd.S", [[[1, 2], [2, 4], [3, 6]]], {}, np.linalg.svd([[1, 2], [2, 4], [3, 6]], compute_uv=False), 1e-13, 1e-14)
H = 1.0 / (np.arange(1, 9)[:, None] + np.arange(8)[None, :])
add("svd.S", [H.tolist()], {}, np.linalg.svd(H, compute_uv=False), 1e-12, 1e-16)

for M in [A3, A4, rng.standard_normal((7, 7)).round(6), np.array([[0.0, -1], [1, 0]]), np.triu(A4)]:
    ev = np.linalg.eigvals(M)
    add("eigvals", [M.tolist()], {}, {"re": ev.real, "im": ev.imag}, 1e-12, 1e-12)

# least squares and friends
xs = np.arange(6.0)
Al = np.column_stack([xs, np.ones(6)])
bl = np.array([-1.0, 0.2, 0.9, 2.1, 2.9, 4.2])
x, res, rank, s = np.linalg.lstsq(Al, bl)
add("lstsq", [Al.tolist(), bl.tolist()], {}, {"x": x, "residuals": res, "rank": rank, "s": s}, 1e-12, 1e-13)
Bl = np.column_stack([bl, bl ** 2])
x, res, rank, s = np.linalg.lstsq(Al, Bl)
add("lstsq", [Al.tolist(), Bl.tolist()], {}, {"x": x, "residuals": res, "rank": rank, "s": s}, 1e-12, 1e-12)
Ad = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
x, res, rank, s = np.linalg.lstsq(Ad, [1.0, 2.0, 2.0])
add("lstsq", [Ad.tolist(), [1.0, 2.0, 2.0]], {}, {"x": x, "residuals": res, "rank": rank, "s": s}, 1e-12, 1e-13)
x, res, rank, s = np.linalg.lstsq(R35, [1.0, 2.0, 3.0])
add("lstsq", [R35.tolist(), [1.0, 2.0, 3.0]], {}, {"x": x, "residuals": res, "rank": rank, "s": s}, 1e-12, 1e-13)
add("pinv", [R53.tolist()], {}, np.linalg.pinv(R53), 1e-12, 1e-13)
add("pinv", [Ad.tolist()], {}, np.linalg.pinv(Ad), 1e-12, 1e-13)
add("matrixRank", [Ad.tolist()], {}, np.linalg.matrix_rank(Ad), 0, 0)
add("matrixRank", [R53.tolist()], {}, np.linalg.matrix_rank(R53), 0, 0)
add("matrixRank", [H.tolist()], {}, np.linalg.matrix_rank(H), 0, 0)
for p in [None, 2, -2, "fro", "nuc", 1, -1, float("inf"), float("-inf")]:
    add("cond", [A4.tolist(), p], {}, np.linalg.cond(A4, p), 1e-11, 0)
add("cond", [[[1.0, 1.0], [1.0, 1.0]], 1], {}, np.linalg.cond([[1.0, 1.0], [1.0, 1.0]], 1), 0, 0)

# norms
v = np.array([3.0, -4.0, 0.0, 1.5])
for o in [None, 0, 1, 2, 3, 0.5, -1, float("inf"), float("-inf")]:
    add("norm", [v.tolist()], {"ord": o}, np.linalg.norm(v, o), 1e-14, 0)
for o in [None, "fro", "nuc", 1, -1, 2, -2, float("inf"), float("-inf")]:
    add("norm", [A4.tolist()], {"ord": o}, np.linalg.norm(A4, o), 1e-13, 0)
add("norm", [B3.tolist()], {}, np.linalg.norm(B3), 1e-14, 0)
add("norm", [B3.tolist()], {"axis": 1}, np.linalg.norm(B3, axis=1), 1e-14, 0)
add("norm", [B3.tolist()], {"axis": -1, "ord": 1, "keepdims": True}, np.linalg.norm(B3, 1, axis=-1, keepdims=True), 1e-14, 0)
add("norm", [B3.tolist()], {"axis": [2, 1], "ord": 1}, np.linalg.norm(B3, 1, axis=(2, 1)), 1e-14, 0)
add("norm", [B3.tolist()], {"axis": [0, 2], "ord": "nuc", "keepdims": True}, np.linalg.norm(B3, "nuc", axis=(0, 2), keepdims=True), 1e-13, 0)

# gradient
f2 = rng.standard_normal((4, 5)).round(6)
xc = np.cumsum(rng.random(5) + 0.1).round(6)
yc = np.cumsum(rng.random(4) + 0.1).round(6)
for eo in [1, 2]:
    add("gradient", [f2.tolist(), yc.tolist(), xc.tolist()], {"edgeOrder": eo}, np.gradient(f2, yc, xc, edge_order=eo), 1e-14, 1e-14)
    add("gradient", [f2.tolist(), xc.tolist()], {"axis": 1, "edgeOrder": eo}, np.gradient(f2, xc, axis=1, edge_order=eo), 1e-14, 1e-14)
    add("gradient", [f2.tolist(), yc.tolist()], {"axis": -2, "edgeOrder": eo}, np.gradient(f2, yc, axis=-2, edge_order=eo), 1e-14, 1e-14)
f3 = rng.standard_normal((3, 4, 5)).round(6)
add("gradient", [f3.tolist(), 0.5], {"axis": [0, 2]}, np.gradient(f3, 0.5, axis=(0, 2)), 1e-14, 1e-14)
add("gradient", [f3.tolist(), 0.5, 2.0, xc.tolist()], {"edgeOrder": 2}, np.gradient(f3, 0.5, 2.0, xc, edge_order=2), 1e-14, 1e-14)
xx = np.array([0.0, 1.0, 1.5, 3.5, 4.0, 6.0])
add("gradient", [(xx ** 2).tolist(), xx.tolist()], {"edgeOrder": 2}, np.gradient(xx ** 2, xx, edge_order=2), 0, 0)
add("gradient", [[1.0, 4.0, 9.0, 16.0], [1.0, 2.0, 3.0, 4.0]], {}, np.gradient([1.0, 4.0, 9.0, 16.0], np.array([1, 2, 3, 4], dtype=np.uint8)), 0, 0)
with np.errstate(all="ignore"):
    add("gradient", [[1.0, 2.0, 3.0], [0.0, 0.0, 1.0]], {}, np.gradient([1.0, 2.0, 3.0], [0.0, 0.0, 1.0]), 0, 0)

# polynomials
xp = np.array([0, 1, 2, 3, 4, 5.0])
yp = np.array([0, 0.8, 0.9, 0.1, -0.8, -1.0])
c, res, rank, sv, rc = np.polyfit(xp, yp, 3, full=True)
add("polyfit", [xp.tolist(), yp.tolist(), 3], {"full": True},
    {"coef": c, "residuals": res, "rank": rank, "singularValues": sv, "rcond": rc}, 1e-11, 1e-13)
c, V = np.polyfit(xp, yp, 2, cov=True)
add("polyfit", [xp.tolist(), yp.tolist(), 2], {"cov": True}, {"coef": c, "cov": V}, 1e-10, 1e-14)
c, V = np.polyfit(xp, yp, 1, cov="unscaled")
add("polyfit", [xp.tolist(), yp.tolist(), 1], {"cov": "unscaled"}, {"coef": c, "cov": V}, 1e-10, 1e-14)
add("polyfit", [xp.tolist(), yp.tolist(), 1], {"w": [1, 2, 3, 4, 5, 6]}, np.polyfit(xp, yp, 1, w=[1, 2, 3, 4, 5, 6]), 1e-11, 1e-13)
Y2 = np.column_stack([yp, yp ** 2 - xp])
add("polyfit", [xp.tolist(), Y2.tolist(), 2], {}, np.polyfit(xp, Y2, 2), 1e-11, 1e-13)
c, V = np.polyfit(xp, Y2, 2, cov=True)
add("polyfit", [xp.tolist(), Y2.tolist(), 2], {"cov": True}, {"coef": c, "cov": V}, 1e-10, 1e-14)
c, res, rank, sv, rc = np.polyfit([1.0, 1, 1], [1.0, 2, 3], 2, full=True)
add("polyfit", [[1.0, 1, 1], [1.0, 2, 3], 2], {"full": True},
    {"coef": c, "residuals": res, "rank": rank, "singularValues": sv, "rcond": rc}, 1e-12, 1e-14)
r = np.roots([1, 2, 3, 4, 5])
add("roots", [[1, 2, 3, 4, 5]], {}, {"re": r.real, "im": r.imag}, 1e-12, 1e-13)
r = np.roots([1, 0, 1])
add("roots", [[1, 0, 1]], {}, {"re": r.real, "im": r.imag}, 0, 1e-15)
r = np.roots([0, 0, 1, -6, 11, -6, 0, 0])
add("roots", [[0, 0, 1, -6, 11, -6, 0, 0]], {}, {"re": r.real, "im": r.imag}, 1e-12, 1e-13)
r = np.roots(np.poly(np.arange(1, 11)))
add("roots", [np.poly(np.arange(1, 11)).tolist()], {}, {"re": r.real, "im": r.imag}, 1e-8, 1e-8)

out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "linalg.extra.json")
with open(out, "w") as fh:
    json.dump({"numpy_version": np.__version__, "cases": cases}, fh, indent=1)
print(f"wrote {len(cases)} cases to {out}")
