import fc from "fast-check";
import { describe, it } from "vitest";
import { checkGrads, np, type Tracer, type Value } from "../src/index.js";

// Random programs built from the primitives (on a domain where each is smooth), checked against
// finite differences in forward and reverse mode, to second order.
type Op = (args: Value[]) => Value;
const unaryOps: Op[] = [
  ([x]) => np.sin(x),
  ([x]) => np.cos(x),
  ([x]) => np.tanh(x),
  ([x]) => np.arctan(x),
  ([x]) => np.exp(np.multiply(0.3, x)),
  ([x]) => np.sqrt(np.add(1, np.multiply(x, x))),
  ([x]) => np.log(np.add(2, np.sin(x))),
  ([x]) => np.power(np.add(2, np.cos(x)), 1.5),
  ([x]) => np.multiply(x, np.sum(x)),
  ([x]) => np.cumsum(x),
  ([x]) => np.flip(x),
  ([x]) => np.divide(x, np.add(1, np.multiply(x, x))),
  ([x]) =>
    np.matmul(
      np.array([
        [1, -0.5, 0.2],
        [0.3, 0.8, -1],
        [0.1, 0.4, 0.6],
      ]),
      x,
    ),
  ([x]) => np.concatenate([np.slice(x, "1:"), np.slice(x, ":1")]),
  ([x]) => np.broadcastTo(np.mean(x), [3]),
];
const binaryOps: Op[] = [
  ([x, y]) => np.add(x, y),
  ([x, y]) => np.subtract(x, y),
  ([x, y]) => np.multiply(x, y),
  ([x, y]) => np.divide(x, np.add(2, np.sin(y))),
  ([x, y]) => np.arctan2(x, np.add(3, np.cos(y))),
  ([x, y]) => np.where(np.array([true, false, true]), x, y),
  ([x, y]) => np.hypot(np.add(x, 3), y),
];

interface Program {
  steps: { op: number; binary: boolean; a: number; b: number }[];
}

const program = fc.record({
  steps: fc.array(
    fc.record({ op: fc.nat(100), binary: fc.boolean(), a: fc.nat(100), b: fc.nat(100) }),
    { minLength: 1, maxLength: 6 },
  ),
});

function build(p: Program): (x: Tracer, y: Tracer) => Value {
  return (x, y) => {
    const vals: Value[] = [x, y];
    for (const s of p.steps) {
      const a = vals[s.a % vals.length];
      const b = vals[s.b % vals.length];
      vals.push(
        s.binary
          ? binaryOps[s.op % binaryOps.length]([a, b])
          : unaryOps[s.op % unaryOps.length]([a]),
      );
    }
    return np.sum(np.sin(vals[vals.length - 1]));
  };
}

describe("random compositions of primitives", () => {
  it("match finite differences in forward and reverse mode, orders 1 and 2", () => {
    fc.assert(
      fc.property(
        program,
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (p, xs) => {
          const f = build(p);
          checkGrads(f, [np.array(xs.slice(0, 3)), np.array(xs.slice(3))], {
            order: 2,
            atol: 1e-5,
            rtol: 1e-5,
          });
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});
