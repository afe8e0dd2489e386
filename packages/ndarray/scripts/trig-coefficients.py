"""The constants of src/internal/trig.ts and the fixture test/fixtures/ndarray.trig.json.

Prints pi/2 split in three (33 + 33 + 53 bits) and Chebyshev fits (mpmath.chebyfit, 50 digits)
on r^2 in [0, (pi/4)^2] of (sin r - r)/r^3 (7 terms) and (cos r - 1 + r^2/2)/r^4 (6 terms),
with each fit's worst relative error in ulps once its coefficients are rounded to doubles.
Writes sin and cos, correctly rounded, at the inputs that stress the kernel: random inputs up to
1e5, both sides of every switch (|r| = 1e-5 near multiples of pi/2, r = +-pi/4, |x| = 1e5),
tiny and subnormal inputs.

Run: python3 packages/ndarray/scripts/trig-coefficients.py
"""
import json
import pathlib

import mpmath as mp
import numpy as np

mp.mp.dps = 50
R2 = (mp.pi / 4) ** 2


def split(v, bits):
    e = mp.floor(mp.log(abs(v), 2))
    step = mp.mpf(2) ** (e - bits + 1)
    return mp.nint(v / step) * step


half_pi = mp.pi / 2
p1 = split(half_pi, 33)
p2 = split(half_pi - p1, 33)
p3 = float(half_pi - p1 - p2)
print("TWO_OVER_PI", repr(float(2 / mp.pi)))
print("PIO2_1", repr(float(p1)), "PIO2_2", repr(float(p2)), "PIO2_3", repr(p3))


def sin_part(z):
    if z == 0:
        return mp.mpf(-1) / 6
    r = mp.sqrt(z)
    return (mp.sin(r) - r) / (z * r)


def cos_part(z):
    if z == 0:
        return mp.mpf(1) / 24
    r = mp.sqrt(z)
    return (mp.cos(r) - 1 + z / 2) / (z * z)


for name, part, terms in (("S", sin_part, 7), ("C", cos_part, 6)):
    coefficients = [float(c) for c in mp.chebyfit(part, [0, R2], terms)[::-1]]
    worst = mp.mpf(0)
    for i in range(2001):
        z = R2 * i / 2000
        r = mp.sqrt(z)
        p = sum(mp.mpf(c) * z**k for k, c in enumerate(coefficients))
        exact, approx = (mp.sin(r), r + r * z * p) if name == "S" else (mp.cos(r), 1 - z / 2 + z * z * p)
        if exact != 0:
            worst = max(worst, abs(approx - exact) / abs(exact))
    print(name, [repr(c) for c in coefficients], "worst", mp.nstr(worst / mp.mpf(2) ** -52, 3), "ulp")

rng = np.random.default_rng(20261126)
xs = list(rng.uniform(-1e5, 1e5, 400)) + list(rng.uniform(-10, 10, 400))
xs += list(rng.choice([-1, 1], 100) * 10.0 ** rng.uniform(-12, -4, 100))
for k in list(range(1, 40)) + [int(v) for v in rng.integers(40, 63000, 40)]:
    for sign in (1, -1):
        centre = float(sign * k * half_pi)
        xs += [centre, centre + 1e-5, centre - 1e-5, centre + 1.0001e-5, centre - 1.0001e-5, centre + 3e-5]
        xs += [float(sign * (k * half_pi + mp.pi / 4)), float(sign * (k * half_pi - mp.pi / 4))]
xs += [float(mp.pi / 4), float(-mp.pi / 4), 99999.99999999999, 1e5, -1e5, 1e5 + 0.5, 1e22, 5e-324, -5e-324, 1e-308]
rows = [[x, float(mp.sin(mp.mpf(x))), float(mp.cos(mp.mpf(x)))] for x in xs]
out = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "ndarray.trig.json"
out.write_text(json.dumps({"about": "x, sin(x), cos(x) correctly rounded (mpmath, 50 digits)", "rows": rows}) + "\n")
print("wrote", len(rows), "rows to", out)
