import {
  Akima1DInterpolator,
  CubicSpline,
  interp1d,
  makeInterpSpline,
  PchipInterpolator,
} from "@nabla/interpolate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpson } from "./helpers.js";

/** Strictly increasing x (gaps in [0.1, 2]) and y in [-10, 10], n points. */
const data = (minN: number, maxN = 25) =>
  fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc.record({
      x0: fc.double({ min: -50, max: 50, noNaN: true }),
      gaps: fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), {
        minLength: n - 1,
        maxLength: n - 1,
      }),
      y: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  );

function xsOf(d: { x0: number; gaps: number[] }): number[] {
  const xs = [d.x0];
  for (const g of d.gaps) xs.push(xs[xs.length - 1] + g);
  return xs;
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

describe("properties", () => {
  it("every interpolant passes through the data", () => {
    fc.assert(
      fc.property(data(6), (d) => {
        const x = xsOf(d);
        const y = d.y;
        const tol = 1e-9 * (1 + Math.max(...y.map(Math.abs)));
        const interpolants = [
          new CubicSpline(x, y),
          new CubicSpline(x, y, { bcType: "natural" }),
          new CubicSpline(x, y, { bcType: "clamped" }),
          new CubicSpline(x, y, {
            bcType: [
              [1, 0.3],
              [2, -1],
            ],
          }),
          new PchipInterpolator(x, y),
          new Akima1DInterpolator(x, y),
          new Akima1DInterpolator(x, y, { method: "makima" }),
          ...[0, 1, 2, 3, 4, 5].map((k) => makeInterpSpline(x, y, k)),
        ];
        for (const f of interpolants) {
          const v = f(x).toArray() as number[];
          v.forEach((vi, i) => {
            if (!near(vi, y[i], tol)) throw new Error(`${String(f)} at x[${i}]: ${vi} != ${y[i]}`);
          });
        }
        for (const kind of [
          "linear",
          "nearest",
          "nearest-up",
          "zero",
          "slinear",
          "quadratic",
          "cubic",
          "previous",
          "next",
        ] as const) {
          const v = interp1d(x, y, { kind })(x).toArray() as number[];
          v.forEach((vi, i) => {
            if (!near(vi, y[i], tol))
              throw new Error(`interp1d ${kind} at x[${i}]: ${vi} != ${y[i]}`);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("periodic splines pass through the data and repeat with the period", () => {
    fc.assert(
      fc.property(data(4), (d) => {
        const x = xsOf(d);
        const y = [...d.y.slice(0, -1), d.y[0]];
        const s = new CubicSpline(x, y, { bcType: "periodic" });
        const period = x[x.length - 1] - x[0];
        const tol = 1e-9 * (1 + Math.max(...y.map(Math.abs)));
        x.forEach((xi, i) => {
          expect(near(s(xi), y[i], tol)).toBe(true);
        });
        const mid = (x[0] + x[1]) / 2;
        expect(near(s(mid + 2 * period), s(mid), tol * 10)).toBe(true);
        expect(near(s(x[0], 1), s(x[x.length - 1], 1), 1e-7 * (1 + Math.abs(s(x[0], 1))))).toBe(
          true,
        );
      }),
      { numRuns: 40 },
    );
  });

  it("PCHIP is monotone on monotone data", () => {
    fc.assert(
      fc.property(data(2), fc.boolean(), (d, up) => {
        const x = xsOf(d);
        let acc = 0;
        const y = d.y.map((v) => (acc += Math.abs(v) * (up ? 1 : -1)));
        const p = new PchipInterpolator(x, y);
        const n = 400;
        const a = x[0];
        const b = x[x.length - 1];
        let prev = p(a);
        const slack = 1e-12 * (1 + Math.abs(acc));
        for (let i = 1; i <= n; i++) {
          const v = p(a + ((b - a) * i) / n);
          if (up ? v < prev - slack : v > prev + slack)
            throw new Error(`not monotone at step ${i}: ${prev} -> ${v}`);
          prev = v;
        }
      }),
      { numRuns: 80 },
    );
  });

  it("integrate matches a fine Simpson sum of the interpolant", () => {
    fc.assert(
      fc.property(
        data(4, 12),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, u, w) => {
          const x = xsOf(d);
          const lo = x[0] - 0.5;
          const hi = x[x.length - 1] + 0.5;
          const a = lo + (hi - lo) * u;
          const b = lo + (hi - lo) * w;
          const scale = 1 + Math.max(...d.y.map(Math.abs));
          for (const f of [
            new CubicSpline(x, d.y),
            new PchipInterpolator(x, d.y),
            makeInterpSpline(x, d.y, 3),
          ]) {
            const exact = f.integrate(a, b);
            const numeric = simpson((t) => f(t), a, b, 20000);
            if (!near(exact, numeric, 1e-7 * scale * (1 + Math.abs(b - a))))
              throw new Error(`${String(f)}: ${exact} vs Simpson ${numeric}`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("derivatives match central differences; roots are zeros", () => {
    fc.assert(
      fc.property(data(4, 12), (d) => {
        const x = xsOf(d);
        const s = new CubicSpline(x, d.y);
        const ds = s.derivative();
        const scale = 1 + Math.max(...d.y.map(Math.abs));
        for (let i = 0; i + 1 < x.length; i++) {
          const t = (x[i] + x[i + 1]) / 2;
          const h = 1e-5;
          const fd = (s(t + h) - s(t - h)) / (2 * h);
          if (!near(ds(t), fd, 1e-4 * scale))
            throw new Error(`derivative at ${t}: ${ds(t)} vs ${fd}`);
        }
        for (const r of s.roots({ extrapolate: false }).toArray() as number[]) {
          if (Number.isNaN(r)) continue;
          expect(Math.abs(s(r))).toBeLessThan(1e-8 * scale);
        }
      }),
      { numRuns: 40 },
    );
  });
});
