"""Reference values for reductions, cumulative functions, diff, indexing, joining and isclose.

Writes test/fixtures/ndarray.reduce.json. Run from packages/ndarray with the machine's python3
(numpy 2.4): `python3 scripts/make-fixtures-reduce.py`.

Floats are stored with repr (round-trip exact); inf/-inf/nan as strings, as in the golden files.
Large inputs are not stored: `generated(n)` is reproduced exactly in the tests (integer
arithmetic, one correctly rounded division and a multiplication by a literal).
"""

import json
import math
import os

import warnings

import numpy as np

warnings.simplefilter("ignore", RuntimeWarning)

SCALES = [1.0, 1e-3, 1e3, 1e6, 1e-6]


def generated(n):
    i = np.arange(n, dtype=np.int64)
    base = ((i * 7919) % 10007 - 5003).astype(np.float64) / 7.0
    scale = np.array(SCALES)[i % 5]
    return base * scale


def enc(x):
    if isinstance(x, np.ndarray):
        return enc(x.tolist())
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if x is None or isinstance(x, str):
        return x
    if isinstance(x, dict):
        return {k: enc(v) for k, v in x.items()}
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


rng = np.random.default_rng(20261126)
cases = []


def case(name, fn, args, options, expected, exact=True):
    cases.append(
        {
            "name": name,
            "fn": fn,
            "args": enc(args),
            "options": enc(options),
            "expected": enc(expected),
            "rtol": 0.0 if exact else 1e-12,
            "atol": 0.0,
        }
    )


def np_axis(options):
    axis = options.get("axis")
    return tuple(axis) if isinstance(axis, list) else axis


# Reductions over small random arrays, every axis combination, with and without keepdims.
for shape in [(5,), (3, 4), (2, 3, 4), (4, 1, 3)]:
    a = np.round(rng.standard_normal(shape) * 10, 3)
    nd = len(shape)
    axes_list = [None] + list(range(nd)) + [-1]
    if nd >= 2:
        axes_list += [[0, nd - 1]]
    for axis in axes_list:
        for keepdims in [False, True]:
            opts = {}
            if axis is not None:
                opts["axis"] = axis
            if keepdims:
                opts["keepdims"] = True
            ax = np_axis(opts)
            tag = f"{shape} axis={axis} keepdims={keepdims}"
            case(f"sum {tag}", "sum", [a], opts, np.sum(a, axis=ax, keepdims=keepdims))
            case(f"prod {tag}", "prod", [a], opts, np.prod(a, axis=ax, keepdims=keepdims))
            case(f"mean {tag}", "mean", [a], opts, np.mean(a, axis=ax, keepdims=keepdims))
            case(f"max {tag}", "max", [a], opts, np.max(a, axis=ax, keepdims=keepdims))
            case(f"min {tag}", "min", [a], opts, np.min(a, axis=ax, keepdims=keepdims))
            for ddof in [0, 1]:
                o = dict(opts, ddof=ddof)
                case(f"var ddof={ddof} {tag}", "var", [a], o, np.var(a, axis=ax, keepdims=keepdims, ddof=ddof))
                case(f"std ddof={ddof} {tag}", "std", [a], o, np.std(a, axis=ax, keepdims=keepdims, ddof=ddof))
            b = a > 0
            case(f"any {tag}", "any", [b], opts, np.any(b, axis=ax, keepdims=keepdims))
            case(f"all {tag}", "all", [b], opts, np.all(b, axis=ax, keepdims=keepdims))
    for axis in [None] + list(range(nd)):
        opts = {} if axis is None else {"axis": axis}
        case(f"argmax {shape} axis={axis}", "argmax", [a], opts, np.argmax(a, axis=axis))
        case(f"argmin {shape} axis={axis}", "argmin", [a], opts, np.argmin(a, axis=axis))
        case(f"cumsum {shape} axis={axis}", "cumsum", [a], opts, np.cumsum(a, axis=axis))
        case(f"cumprod {shape} axis={axis}", "cumprod", [a], opts, np.cumprod(a, axis=axis))
    for axis in range(nd):
        for n in [1, 2]:
            case(f"diff {shape} n={n} axis={axis}", "diff", [a], {"n": n, "axis": axis}, np.diff(a, n=n, axis=axis))

# Ties, NaN and infinities.
t = np.array([[1.0, 3.0, 3.0, -2.0], [np.nan, 0.0, np.nan, 5.0], [np.inf, -np.inf, 2.0, np.inf]])
for fn, f in [("max", np.max), ("min", np.min), ("argmax", np.argmax), ("argmin", np.argmin), ("sum", np.sum)]:
    case(f"{fn} special", fn, [t], {}, f(t))
    case(f"{fn} special axis=1", fn, [t], {"axis": 1}, f(t, axis=1))
    case(f"{fn} special axis=0", fn, [t], {"axis": 0}, f(t, axis=0))
case("diff prepend/append", "diff", [[1.0, 4.0, 9.0]], {"prepend": 0, "append": [20, 30]}, np.diff([1.0, 4.0, 9.0], prepend=0, append=[20, 30]))
case("diff bool", "diff", [[True, False, False, True]], {}, np.diff(np.array([True, False, False, True])))

# Pairwise summation: long rows, exactly numpy's result.
for n in [7, 8, 9, 127, 128, 129, 1000, 4095, 4096, 4097, 100003, 1000000]:
    case(f"sum generated({n})", "sumGenerated", [n], {}, np.sum(generated(n)))
case("sum of 1e6 copies of 0.1", "sumFull", [1000000, 0.1], {}, np.sum(np.full(1000000, 0.1)))
case("mean of 1e6 copies of 0.1", "meanFull", [1000000, 0.1], {}, np.mean(np.full(1000000, 0.1)))
g = generated(37 * 300).reshape(37, 300)
case("sum generated (37,300) axis=1", "sumGenerated2d", [37, 300], {"axis": 1}, np.sum(g, axis=1))
case("sum generated (37,300) axis=0", "sumGenerated2d", [37, 300], {"axis": 0}, np.sum(g, axis=0))
case("sum generated (37,300) full", "sumGenerated2d", [37, 300], {}, np.sum(g))
case("sum generated (37,300).T axis=0", "sumGenerated2dT", [37, 300], {"axis": 0}, np.sum(g.T, axis=0))
case("sum generated (37,300).T axis=1", "sumGenerated2dT", [37, 300], {"axis": 1}, np.sum(g.T, axis=1))
case("var generated (37,300) axis=1", "varGenerated2d", [37, 300], {"axis": 1}, np.var(g, axis=1))
case("std generated(100003)", "stdGenerated", [100003], {}, np.std(generated(100003)))
g3 = generated(5 * 7 * 200).reshape(5, 7, 200)
case("sum generated (5,7,200) axis=[0,2]", "sumGenerated3d", [5, 7, 200], {"axis": [0, 2]}, np.sum(g3, axis=(0, 2)))
case("sum generated (5,7,200) axis=[0,1]", "sumGenerated3d", [5, 7, 200], {"axis": [0, 1]}, np.sum(g3, axis=(0, 1)))

# Sorting, order statistics and NaN-ignoring reductions.
for shape in [(7,), (3, 5), (2, 3, 4)]:
    a = np.round(rng.standard_normal(shape) * 10, 1)  # rounding makes ties
    nd = len(shape)
    for axis in [None] + list(range(nd)):
        opts = {} if axis is None else {"axis": axis}
        tag = f"{shape} axis={axis}"
        case(f"sort {tag}", "sort", [a], {"axis": axis}, np.sort(a, axis=axis))
        case(f"argsort {tag}", "argsort", [a], {"axis": axis}, np.argsort(a, axis=axis, kind="stable"))
        case(f"median {tag}", "median", [a], opts, np.median(a, axis=axis))
        for q in [0.0, 0.1, 0.5, 0.73, 1.0]:
            case(f"quantile q={q} {tag}", "quantile", [a, q], opts, np.quantile(a, q, axis=axis))
        case(f"quantile q=[0.2,0.9] {tag}", "quantile", [a, [0.2, 0.9]], opts, np.quantile(a, [0.2, 0.9], axis=axis))
        case(f"percentile q=[[5,50],[95,100]] {tag}", "percentile", [a, [[5, 50], [95, 100]]], opts, np.percentile(a, [[5, 50], [95, 100]], axis=axis))
    an = a.copy().ravel()
    an[:: 3] = np.nan
    an = an.reshape(shape)
    for axis in [None] + list(range(nd)):
        opts = {} if axis is None else {"axis": axis}
        tag = f"{shape} with NaN axis={axis}"
        case(f"sort {tag}", "sort", [an], {"axis": axis}, np.sort(an, axis=axis))
        case(f"argsort {tag}", "argsort", [an], {"axis": axis}, np.argsort(an, axis=axis, kind="stable"))
        case(f"median {tag}", "median", [an], opts, np.median(an, axis=axis))
        case(f"nansum {tag}", "nansum", [an], opts, np.nansum(an, axis=axis))
        case(f"nanprod {tag}", "nanprod", [an], opts, np.nanprod(an, axis=axis))
        case(f"nanmean {tag}", "nanmean", [an], opts, np.nanmean(an, axis=axis))
        case(f"nanmax {tag}", "nanmax", [an], opts, np.nanmax(an, axis=axis))
        case(f"nanmin {tag}", "nanmin", [an], opts, np.nanmin(an, axis=axis))
        for ddof in [0, 1]:
            o = dict(opts, ddof=ddof)
            case(f"nanvar ddof={ddof} {tag}", "nanvar", [an], o, np.nanvar(an, axis=axis, ddof=ddof))
            case(f"nanstd ddof={ddof} {tag}", "nanstd", [an], o, np.nanstd(an, axis=axis, ddof=ddof))
        try:
            case(f"nanargmax {tag}", "nanargmax", [an], opts, np.nanargmax(an, axis=axis))
            case(f"nanargmin {tag}", "nanargmin", [an], opts, np.nanargmin(an, axis=axis))
        except ValueError:
            pass
allnan = np.array([[np.nan, np.nan], [1.0, np.nan]])
for fn, f in [("nanmax", np.nanmax), ("nanmin", np.nanmin), ("nanmean", np.nanmean), ("nansum", np.nansum), ("nanvar", np.nanvar)]:
    case(f"{fn} all-NaN row", fn, [allnan], {"axis": 1}, f(allnan, axis=1))
case("nanvar ddof beyond count", "nanvar", [allnan], {"axis": 0, "ddof": 1}, np.nanvar(allnan, axis=0, ddof=1))

# average, ptp, count_nonzero; flip, roll, tile, repeat, split.
w = np.round(rng.random((3, 4)) * 3, 1)
b = np.round(rng.standard_normal((3, 4)) * 10, 2)
case("average", "average", [b], {}, np.average(b))
case("average weights full", "average", [b], {"weights": w}, np.average(b, weights=w))
case("average weights axis=1", "average", [b], {"axis": 1, "weights": w[0]}, np.average(b, axis=1, weights=w[0]))
case("average weights axis=0", "average", [b], {"axis": 0, "weights": w[:, 0]}, np.average(b, axis=0, weights=w[:, 0]))
case("average weights same shape axis=0", "average", [b], {"axis": 0, "weights": w}, np.average(b, axis=0, weights=w))
case("average keepdims", "average", [b], {"axis": 1, "weights": w, "keepdims": True}, np.average(b, axis=1, weights=w, keepdims=True))
for axis in [None, 0, 1]:
    opts = {} if axis is None else {"axis": axis}
    case(f"ptp axis={axis}", "ptp", [b], opts, np.ptp(b, axis=axis))
    case(f"countNonzero axis={axis}", "countNonzero", [b > 0], opts, np.count_nonzero(b > 0, axis=axis))
c = np.arange(24.0).reshape(2, 3, 4)
for axis in [None, 0, 2, [0, 2]]:
    case(f"flip axis={axis}", "flip", [c], {} if axis is None else {"axis": axis}, np.flip(c, axis=None if axis is None else tuple(axis) if isinstance(axis, list) else axis))
for shift, axis in [(1, None), (-5, None), (2, 2), (-1, 1), ([1, 2], [0, 2]), (7, 1), ([1, 1], 2)]:
    npaxis = tuple(axis) if isinstance(axis, list) else axis
    npshift = tuple(shift) if isinstance(shift, list) else shift
    case(f"roll shift={shift} axis={axis}", "roll", [c, shift], {} if axis is None else {"axis": axis}, np.roll(c, npshift, axis=npaxis))
for reps in [2, [2, 1], [1, 2, 1, 2], [0, 2]]:
    case(f"tile reps={reps}", "tile", [c[0], reps], {}, np.tile(c[0], reps))
case("tile 1d", "tile", [[1.0, 2.0], [2, 3]], {}, np.tile([1.0, 2.0], (2, 3)))
for reps, axis in [(2, None), (3, 1), ([1, 0, 2, 1], 1), ([2, 1, 3], 0)]:
    case(f"repeat reps={reps} axis={axis}", "repeat", [c[0], reps], {} if axis is None else {"axis": axis}, np.repeat(c[0], reps, axis=axis))
for sections, axis in [(2, 2), (3, 1), ([1, 3], 2), ([-1], 1), ([2, 1], 2), ([0, 10], 2)]:
    case(f"split {sections} axis={axis}", "split", [c, sections], {"axis": axis}, list(np.split(c, sections, axis=axis)))
for sections, axis in [(3, 2), (5, 1), (4, 0)]:
    case(f"arraySplit {sections} axis={axis}", "arraySplit", [c, sections], {"axis": axis}, list(np.array_split(c, sections, axis=axis)))

# searchsorted and unique.
srt = np.array([1.0, 2.0, 2.0, 3.0, 5.0, np.nan])
qv = np.array([[0.0, 1.0, 2.0], [2.5, 5.0, np.nan], [6.0, 3.0, -1.0]])
for side in ["left", "right"]:
    case(f"searchsorted side={side}", "searchsorted", [srt, qv], {"side": side}, np.searchsorted(srt, qv, side=side))
    case(f"searchsorted scalar side={side}", "searchsorted", [srt, 2.0], {"side": side}, np.searchsorted(srt, 2.0, side=side))
perm = rng.permutation(len(srt))
case("searchsorted sorter", "searchsorted", [srt[perm], qv], {"sorter": np.argsort(srt[perm], kind="stable")}, np.searchsorted(srt[perm], qv, sorter=np.argsort(srt[perm], kind="stable")))
uq = np.array([[3.0, 1.0, np.nan, 2.0], [1.0, np.nan, 3.0, 3.0]])
case("unique", "unique", [uq], {}, np.unique(uq))
vals, idx, inv, cnt = np.unique(uq, return_index=True, return_inverse=True, return_counts=True)
case("unique all flags", "unique", [uq], {"returnIndex": True, "returnInverse": True, "returnCounts": True}, {"values": vals, "indices": idx, "inverse": inv, "counts": cnt})
vals, cnt = np.unique(uq, return_counts=True, equal_nan=False)
case("unique equalNan=false", "unique", [uq], {"returnCounts": True, "equalNan": False}, {"values": vals, "counts": cnt})

# take_along_axis.
tb = np.round(rng.standard_normal((3, 4)) * 10, 1)
for axis in [0, 1, -1]:
    case(f"takeAlongAxis argsort axis={axis}", "takeAlongAxis", [tb, np.argsort(tb, axis=axis, kind="stable")], {"axis": axis}, np.take_along_axis(tb, np.argsort(tb, axis=axis, kind="stable"), axis=axis))
    k = np.argmax(tb, axis=axis, keepdims=True)
    case(f"takeAlongAxis argmax keepdims axis={axis}", "takeAlongAxis", [tb, k], {"axis": axis}, np.take_along_axis(tb, k, axis=axis))
case("takeAlongAxis broadcast", "takeAlongAxis", [tb, [[0, -1]]], {"axis": 1}, np.take_along_axis(tb, np.array([[0, -1]]), axis=1))
case("takeAlongAxis flat", "takeAlongAxis", [tb, [11, 0, 5]], {"axis": None}, np.take_along_axis(tb, np.array([11, 0, 5]), axis=None))

# Indexing and joining.
a = np.arange(24.0).reshape(2, 3, 4)
case("take flat", "take", [a, [0, 5, -1, 23]], {}, np.take(a, [0, 5, -1, 23]))
case("take axis=1", "take", [a, [[2, 0], [1, 1]]], {"axis": 1}, np.take(a, [[2, 0], [1, 1]], axis=1))
case("take axis=-1", "take", [a, [3, -4]], {"axis": -1}, np.take(a, [3, -4], axis=-1))
case("take wrap", "take", [a, [7, -9]], {"axis": 2, "mode": "wrap"}, np.take(a, [7, -9], axis=2, mode="wrap"))
case("take clip", "take", [a, [7, -9]], {"axis": 2, "mode": "clip"}, np.take(a, [7, -9], axis=2, mode="clip"))
m = (a % 3) == 0
case("mask full", "booleanMask", [a, m], {}, a[m])
case("mask leading", "booleanMask", [a, [True, False]], {}, a[np.array([True, False])])
case("mask leading 2", "booleanMask", [a, m[:, :, 0]], {}, a[m[:, :, 0]])
case("compress axis=1", "compress", [[False, True, True], a], {"axis": 1}, np.compress([False, True, True], a, axis=1))
case("compress flat short", "compress", [[True, False, True], a], {}, np.compress([True, False, True], a))
case("where 3", "where", [a > 10, a, -a[0]], {}, np.where(a > 10, a, -a[0]))
case("nonzero", "nonzero", [m], {}, list(np.nonzero(m)))
case("argwhere", "argwhere", [m[0]], {}, np.argwhere(m[0]))
case("flatnonzero", "flatnonzero", [m], {}, np.flatnonzero(m))
x = np.arange(6.0).reshape(2, 3)
y = np.arange(6.0, 12.0).reshape(2, 3)
case("concatenate axis=0", "concatenate", [[x, y]], {}, np.concatenate([x, y]))
case("concatenate axis=1", "concatenate", [[x, y]], {"axis": 1}, np.concatenate([x, y], axis=1))
case("concatenate axis=null", "concatenate", [[x, y]], {"axis": None}, np.concatenate([x, y], axis=None))
for axis in [0, 1, 2, -1]:
    case(f"stack axis={axis}", "stack", [[x, y]], {"axis": axis}, np.stack([x, y], axis=axis))
case("hstack 2d", "hstack", [[x, y]], {}, np.hstack([x, y]))
case("hstack 1d", "hstack", [[[1.0, 2.0], [3.0]]], {}, np.hstack([[1.0, 2.0], [3.0]]))
case("vstack 1d", "vstack", [[[1.0, 2.0], [3.0, 4.0]]], {}, np.vstack([[1.0, 2.0], [3.0, 4.0]]))
case("vstack 2d", "vstack", [[x, y]], {}, np.vstack([x, y]))
case("columnStack", "columnStack", [[[1.0, 2.0], [3.0, 4.0]]], {}, np.column_stack([[1.0, 2.0], [3.0, 4.0]]))
for indexing in ["xy", "ij"]:
    for sparse in [False, True]:
        out = np.meshgrid([1.0, 2.0, 3.0], [4.0, 5.0], [6.0, 7.0, 8.0, 9.0], indexing=indexing, sparse=sparse)
        case(f"meshgrid 3 {indexing} sparse={sparse}", "meshgrid", [[1.0, 2.0, 3.0], [4.0, 5.0], [6.0, 7.0, 8.0, 9.0]], {"indexing": indexing, "sparse": sparse}, list(out))
    case(f"meshgrid 2 {indexing}", "meshgrid", [[1.0, 2.0, 3.0], [4.0, 5.0]], {"indexing": indexing}, list(np.meshgrid([1.0, 2.0, 3.0], [4.0, 5.0], indexing=indexing)))
case("meshgrid 1", "meshgrid", [[1.0, 2.0]], {}, list(np.meshgrid([1.0, 2.0])))

# diag / diagonal / trace beyond the golden file.
r = np.arange(12.0).reshape(3, 4)
for k in [-3, -1, 0, 1, 3, 4, 5]:
    case(f"diag (3,4) k={k}", "diag", [r, k], {}, np.diag(r, k))
case("diag 1d k=2", "diag", [[1.0, 2.0], 2], {}, np.diag([1.0, 2.0], 2))
case("diagonal 3d", "diagonal", [a], {"offset": 1, "axis1": 1, "axis2": 2}, np.diagonal(a, offset=1, axis1=1, axis2=2))
case("trace 2d", "trace", [r], {}, np.trace(r))
case("trace 2d offset", "trace", [r], {"offset": -1}, np.trace(r, offset=-1))
case("trace 3d", "trace", [a], {}, np.trace(a))

# isclose: numpy's asymmetric formula, infinities and NaN.
va = [1.0, 1.0, 0.0, 0.0, np.nan, np.inf, np.inf, -np.inf, 1e10, 1e-7, 1.0, 1e-300, 100.0]
vb = [1.0 + 1e-5, 1.0 + 2e-5, 1e-8, 1.1e-8, np.nan, np.inf, -np.inf, np.inf, 1.00001e10, 1e-8, np.inf, 0.0, 100.001]
for opts in [{}, {"equalNan": True}, {"rtol": 0.0, "atol": 0.0}, {"rtol": 1e-3}, {"atol": 0.5}]:
    kw = {"rtol": opts.get("rtol", 1e-5), "atol": opts.get("atol", 1e-8), "equal_nan": opts.get("equalNan", False)}
    case(f"isclose {opts}", "isclose", [va, vb], opts, np.isclose(va, vb, **kw))
    case(f"isclose reversed {opts}", "isclose", [vb, va], opts, np.isclose(vb, va, **kw))
case("isclose broadcast", "isclose", [[[1.0], [2.0]], [1.0, 2.0, 2.00001]], {}, np.isclose([[1.0], [2.0]], [1.0, 2.0, 2.00001]))

# Views: numpy basic slicing on a (3, 4, 5) array, specs as nabla's strings.
base = np.arange(60.0).reshape(3, 4, 5)


def spec_str(sl):
    if isinstance(sl, int):
        return sl
    part = lambda v: "" if v is None else str(v)
    return f"{part(sl.start)}:{part(sl.stop)}" + ("" if sl.step is None else f":{sl.step}")


for k in range(60):
    specs = []
    for axis in range(int(rng.integers(1, 4))):
        n = base.shape[axis]
        if rng.random() < 0.2:
            specs.append(int(rng.integers(-n, n)))
            continue
        pick = lambda: None if rng.random() < 0.3 else int(rng.integers(-n - 2, n + 3))
        step = [None, 1, 2, 3, -1, -2, -3][int(rng.integers(0, 7))]
        specs.append(slice(pick(), pick(), step))
    view = base[tuple(specs)]
    case(f"slice {[spec_str(x) for x in specs]}", "slice", [[spec_str(x) for x in specs]], {}, view)

# ufunc special values: each function on the grid of special operands.
special = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.5, 3.0, np.inf, -np.inf, np.nan, 1e308, 5e-324]
xs = np.array([x for x in special for _ in special])
ys = np.array([y for _ in special for y in special])
with np.errstate(all="ignore"):
    for name, f in [
        ("power", np.power),
        ("mod", np.mod),
        ("maximum", np.maximum),
        ("minimum", np.minimum),
        ("arctan2", np.arctan2),
        ("hypot", np.hypot),
        ("add", np.add),
        ("subtract", np.subtract),
        ("multiply", np.multiply),
        ("divide", np.divide),
    ]:
        exact = name not in ("power", "arctan2", "hypot")
        case(f"ufunc {name} special grid", name, [xs, ys], {}, f(xs, ys), exact=exact)
    sv = np.array(special + [2.5, 3.5, -2.5, -0.5, 1.5, 0.49999999999999994, 4503599627370497.0])
    for name, f in [
        ("round", np.round),
        ("rint", np.rint),
        ("floor", np.floor),
        ("ceil", np.ceil),
        ("trunc", np.trunc),
        ("sign", np.sign),
        ("abs", np.abs),
        ("negative", np.negative),
        ("sqrt", np.sqrt),
        ("log", np.log),
        ("exp", np.exp),
        ("isnan", np.isnan),
        ("isinf", np.isinf),
        ("isfinite", np.isfinite),
    ]:
        exact = name not in ("log", "exp")
        case(f"ufunc {name} special values", name, [sv], {}, f(sv), exact=exact)
    for d in [1, 2, -1]:
        v = np.array([1.2345, 2.675, -1.005, 125.0, 135.0, 0.125, 1e-20])
        case(f"ufunc round decimals={d}", "round", [v], {"decimals": d}, np.round(v, d))

out = {
    "function": "ndarray.reduce",
    "reference": "numpy",
    "numpy_version": np.__version__,
    "generated": "x[i] = (((i * 7919) % 10007) - 5003) / 7 * [1, 1e-3, 1e3, 1e6, 1e-6][i % 5]",
    "cases": cases,
}
path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "ndarray.reduce.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0)
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
