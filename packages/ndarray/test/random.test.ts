import { arange, array, NablaError, NDArray, random } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import streams from "./fixtures/ndarray.random.json" with { type: "json" };

type Call = {
  method: string;
  args: unknown[];
  options: Record<string, unknown>;
  expected: unknown;
};

/** Standard normal CDF through Numerical Recipes' erfcc (fractional error below 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

function values(a: NDArray): number[] {
  return Array.from(a.toTypedArray());
}

function moments(xs: number[]): { mean: number; variance: number } {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

describe("defaultRng reproduces numpy's default_rng streams", () => {
  for (const c of streams.cases) {
    it(`seed ${JSON.stringify(c.seed)}`, () => {
      const rng = random.defaultRng(c.seed as number | number[]);
      for (const call of c.calls as Call[]) {
        const args = [...call.args];
        // Options follow numpy's positional arguments: integers(low, high, size), choice(a, size).
        const optionsAt = call.method === "integers" ? 3 : 2;
        if (call.method === "integers")
          while (args.length < 3) args.push(args.length === 1 ? null : undefined);
        if (Object.keys(call.options).length > 0) {
          while (args.length < optionsAt) args.push(undefined);
          args.push(call.options);
        }
        let actual: unknown;
        if (call.method === "shuffle") {
          const x = array(args[0] as number[]);
          rng.shuffle(x);
          actual = x.toArray();
        } else {
          const method = (rng as unknown as Record<string, (...a: unknown[]) => unknown>)[
            call.method
          ];
          const result = method.apply(rng, args);
          actual = result instanceof NDArray ? result.toArray() : result;
        }
        expect(actual).toEqual(call.expected);
      }
    });
  }
});

describe("Generator: shapes, reproducibility and ranges", () => {
  it("returns a number without size and an array with a size or shape", () => {
    const rng = random.defaultRng(7);
    expect(typeof rng.random()).toBe("number");
    expect(typeof rng.standardNormal()).toBe("number");
    expect(typeof rng.normal()).toBe("number");
    expect(typeof rng.uniform()).toBe("number");
    expect(typeof rng.integers(3)).toBe("number");
    expect(rng.random(4).shape).toEqual([4]);
    expect(rng.normal(0, 1, [2, 3]).shape).toEqual([2, 3]);
    expect(rng.standardNormal([2, 0]).size).toBe(0);
    expect(rng.integers(0, 5, [3, 1]).dtype).toBe("int32");
    expect(rng.integers(0, 5, 3, { dtype: "float64" }).dtype).toBe("float64");
    expect(rng.random(3).dtype).toBe("float64");
  });

  it("the same seed gives the same stream, another seed another", () => {
    const a = random.defaultRng(2024);
    const b = random.defaultRng(2024);
    expect(values(a.standardNormal(100))).toEqual(values(b.standardNormal(100)));
    expect(values(a.normal(3, 2, 50))).toEqual(values(b.normal(3, 2, 50)));
    expect(a.integers(0, 1000)).toBe(b.integers(0, 1000));
    const c = random.defaultRng(2025);
    expect(values(c.standardNormal(100))).not.toEqual(
      values(random.defaultRng(2024).standardNormal(100)),
    );
  });

  it("unseeded generators draw fresh streams", () => {
    expect(values(random.defaultRng().random(8))).not.toEqual(
      values(random.defaultRng().random(8)),
    );
  });

  it("random and uniform stay in [low, high)", () => {
    const rng = random.defaultRng(3);
    const u = values(rng.random(100_000));
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const w = values(rng.uniform(-3, -1, 100_000));
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...w)).toBeLessThan(-1);
    expect(Math.min(...w)).toBeLessThan(-2.999);
    expect(Math.max(...w)).toBeGreaterThan(-1.001);
  });

  it("integers: [low, high) by default, [low, high] with endpoint", () => {
    const rng = random.defaultRng(11);
    const open = values(rng.integers(-2, 3, 10_000));
    expect(new Set(open)).toEqual(new Set([-2, -1, 0, 1, 2]));
    const closed = values(rng.integers(-2, 3, 10_000, { endpoint: true }));
    expect(new Set(closed)).toEqual(new Set([-2, -1, 0, 1, 2, 3]));
    expect(values(rng.integers(5, 6, 20))).toEqual(new Array(20).fill(5));
    expect(values(rng.integers(5, 5, 4, { endpoint: true }))).toEqual([5, 5, 5, 5]);
    const one = values(rng.integers(4, null, 5000));
    expect(Math.min(...one)).toBe(0);
    expect(Math.max(...one)).toBe(3);
  });
});

describe("Generator: distributions (deterministic given the seed)", () => {
  const n = 200_000;

  it("uniform has mean 1/2 and variance 1/12", () => {
    const { mean, variance } = moments(values(random.defaultRng(5).random(n)));
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
  });

  it("integers are uniform over their range (chi-square, 9 degrees of freedom)", () => {
    const draws = values(random.defaultRng(6).integers(0, 10, n));
    const counts = new Array(10).fill(0);
    for (const d of draws) counts[d]++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // 99.9th percentile of chi2(9)
  });

  it("standardNormal: mean, variance, skewness, kurtosis and Kolmogorov-Smirnov", () => {
    const xs = values(random.defaultRng(8).standardNormal(n));
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    const skew = xs.reduce((s, x) => s + x ** 3, 0) / n;
    const kurt = xs.reduce((s, x) => s + x ** 4, 0) / n;
    expect(Math.abs(skew)).toBeLessThan(5 * Math.sqrt(15 / n));
    expect(Math.abs(kurt - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
    const sorted = [...xs].sort((a, b) => a - b);
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n)); // 0.1% critical value
  });

  it("standardNormal samples the tails beyond the ziggurat's base layer at the right rate", () => {
    const xs = values(random.defaultRng(9).standardNormal(n));
    for (const cut of [2, 3, 3.6541528853610088, 4]) {
      const p = 2 * (1 - normalCdf(cut));
      const count = xs.filter((x) => Math.abs(x) > cut).length;
      expect(Math.abs(count - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)) + 1);
    }
    const negatives = xs.filter((x) => x < 0).length;
    expect(Math.abs(negatives - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4));
  });

  it("normal(loc, scale) shifts and scales", () => {
    const { mean, variance } = moments(values(random.defaultRng(10).normal(-4, 0.5, n)));
    expect(Math.abs(mean + 4)).toBeLessThan(5 * (0.5 / Math.sqrt(n)));
    expect(Math.abs(variance - 0.25)).toBeLessThan(5 * 0.25 * Math.sqrt(2 / n));
    expect(values(random.defaultRng(1).normal(2, 0, 3))).toEqual([2, 2, 2]);
  });
});

describe("Generator: shuffle, permutation and choice", () => {
  it("permutation and shuffle reorder without losing elements", () => {
    const rng = random.defaultRng(4);
    const p = values(rng.permutation(1000));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const m = arange(12).reshape(4, 3);
    const rows = rng.permutation(m).toArray() as number[][];
    expect(rows.map((r) => r[1] - r[0])).toEqual([1, 1, 1, 1]);
    expect(m.get(0, 0)).toBe(0); // the input is not touched
    const view = arange(10).slice("::2");
    rng.shuffle(view);
    expect(values(view).sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8]);
    const cols = arange(6).reshape(2, 3).T;
    rng.shuffle(cols);
    expect((cols.toArray() as number[][]).map((r) => r[1] - r[0])).toEqual([3, 3, 3]);
  });

  it("choice without replacement gives distinct elements, weighted choice follows p", () => {
    const rng = random.defaultRng(12);
    for (const [pop, k] of [
      [50, 50],
      [30000, 100],
      [30000, 5000],
    ]) {
      const picks = values(rng.choice(pop, k, { replace: false }));
      expect(new Set(picks).size).toBe(k);
      expect(Math.max(...picks)).toBeLessThan(pop);
    }
    const weighted = values(rng.choice(3, 60_000, { p: [0.2, 0, 0.8] }));
    const ones = weighted.filter((v) => v === 1).length;
    const twos = weighted.filter((v) => v === 2).length;
    expect(ones).toBe(0);
    expect(Math.abs(twos - 48_000)).toBeLessThan(5 * Math.sqrt(60_000 * 0.8 * 0.2));
    expect(rng.choice(array([1, 2], { dtype: "int32" }), 3).dtype).toBe("int32");
    expect(rng.choice(4, 0).size).toBe(0);
  });

  it("errors", () => {
    const rng = random.defaultRng(0);
    expect(() => rng.shuffle([1, 2] as never)).toThrow(/use permutation\(x\)/);
    expect(() => rng.shuffle(array(3))).toThrow(TypeError);
    expect(() => rng.permutation(-1)).toThrow(RangeError);
    expect(() => rng.permutation(array(3))).toThrow(TypeError);
    expect(() => rng.choice(0, 2)).toThrow(/a must be a positive integer/);
    expect(() => rng.choice([], 2)).toThrow(/a cannot be empty/);
    expect(() => rng.choice([[1, 2]], 1)).toThrow(/1-dimensional/);
    expect(() => rng.choice(3, 4, { replace: false })).toThrow(/larger sample than population/);
    expect(() => rng.choice(3, 2, { p: [0.5, 0.5] })).toThrow(/same size/);
    expect(() => rng.choice(2, 2, { p: [0.5, 0.6] })).toThrow(/do not sum to 1/);
    expect(() => rng.choice(2, 2, { p: [-0.5, 1.5] })).toThrow(/non-negative/);
    expect(() => rng.choice(3, 2, { replace: false, p: [1, 0, 0] })).toThrow(
      /Fewer non-zero entries/,
    );
    expect(() => rng.choice(3, 2, { weights: [1, 1, 1] } as never)).toThrow(
      /unknown option "weights"/,
    );
  });
});

describe("Generator: errors", () => {
  const rng = random.defaultRng(0);
  it("rejects empty or reversed integer ranges", () => {
    expect(() => rng.integers(5, 5)).toThrow(/integers: low >= high/);
    expect(() => rng.integers(5, 4, 3, { endpoint: true })).toThrow(/integers: low > high/);
    expect(() => rng.integers(0)).toThrow(RangeError);
  });
  it("rejects non-integer bounds, bad dtype, int32 overflow and unknown options", () => {
    expect(() => rng.integers(1.5, 3)).toThrow(TypeError);
    expect(() => rng.integers(0, 2 ** 53 + 2)).toThrow(/below 2\*\*53/);
    expect(() => rng.integers(0, 2 ** 40, 3)).toThrow(
      /do not fit in int32; pass \{ dtype: "float64" \}/,
    );
    expect(() => rng.integers(0, 3, 2, { dtype: "int64" as never })).toThrow(TypeError);
    expect(() => rng.integers(0, 3, 2, { endPoint: true } as never)).toThrow(
      /unknown option "endPoint"/,
    );
  });
  it("rejects bad sizes, scales and bounds", () => {
    expect(() => rng.random(-1)).toThrow(/size must hold non-negative integers/);
    expect(() => rng.random([2, 1.5])).toThrow(RangeError);
    expect(() => rng.random("3" as never)).toThrow(TypeError);
    expect(() => rng.normal(0, -1)).toThrow(/normal: scale must be non-negative/);
    expect(() => rng.normal(Number.NaN, 1)).toThrow(TypeError);
    expect(() => rng.uniform(0, Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => rng.uniform(-Number.MAX_VALUE, Number.MAX_VALUE)).toThrow(/overflows/);
  });
  it("rejects bad seeds with a marked error", () => {
    expect(() => random.defaultRng(-1)).toThrow(/seed must be a non-negative integer/);
    expect(() => random.defaultRng(1.5)).toThrow(RangeError);
    expect(() => random.defaultRng([])).toThrow(/must not be empty/);
    expect(() => random.defaultRng("1" as never)).toThrow(TypeError);
    let thrown: unknown;
    try {
      random.defaultRng(-1);
    } catch (e) {
      thrown = e;
    }
    expect(NablaError.isInstance(thrown)).toBe(true);
  });
});
