// Decimal digits of floats as numpy's Dragon4 produces them: the shortest digits that
// round-trip, capped at a number of digits, rounding the exact binary value half to even.
// JS gives the shortest digits (toExponential without argument), and toFixed/toExponential
// round the exact value correctly except that they break exact ties away from zero. A tie at
// d decimals needs x * 2**(d+1) to be an integer, so only such values take the exact (BigInt)
// route and are rounded half to even here.

/** A decimal `d.ddd × 10^exp` with `digits = "dddd"` (no sign, no leading zeros unless 0). */
export interface Decimal {
  digits: string;
  exp: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite non-negative double as `digits × 10^scale` (integer digits). */
function exact(x: number): [digits: string, scale: number] {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  if (m === 0n) return ["0", 0];
  if (e >= 0) return [(m << BigInt(e)).toString(), 0];
  // m × 2^e = m × 5^-e × 10^e: an exact integer times a power of ten.
  return [(m * 5n ** BigInt(-e)).toString(), e];
}

/** Drops the last `k` digits of the integer `d`, rounding half to even. */
function dropDigits(d: string, k: number): string {
  if (k <= 0) return d;
  const keep = d.length - k;
  if (keep < 0) return "0";
  const kept = keep > 0 ? d.slice(0, keep) : "0";
  const dropped = d.slice(keep);
  const first = dropped.charCodeAt(0) - 48;
  let up = first > 5;
  if (first === 5) {
    up = /[1-9]/.test(dropped.slice(1)) || (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
  }
  return up ? (BigInt(kept) + 1n).toString() : kept;
}

function parseExponential(s: string): Decimal {
  const e = s.indexOf("e");
  return { digits: s.slice(0, e).replace(".", ""), exp: Number(s.slice(e + 1)) };
}

/**
 * The shortest digits that read back as `x` (non-negative, finite) in its own precision:
 * float64, or float32 when `single` (numpy prints float32 `1.1` as `1.1`, not `1.10000002`).
 */
export function shortest(x: number, single: boolean): Decimal {
  if (!single || x === 0) return parseExponential(x.toExponential());
  for (let k = 1; k < 9; k++) {
    const s = x.toPrecision(k);
    if (Math.fround(Number(s)) === x) return parseExponential(Number(s).toExponential());
  }
  return parseExponential(x.toExponential(8));
}

/** Digits of `x` (non-negative, finite) with at most `precision` digits after the point. */
export function positional(
  x: number,
  precision: number,
  single: boolean,
): [int: string, frac: string] {
  let { digits, exp } = shortest(x, single);
  if (digits.length - 1 - exp > precision) {
    if (x < 1e21 && !Number.isInteger(x * 2 ** (precision + 1))) {
      // Not a tie, so toFixed's correctly rounded result is the half-even one.
      const [int, frac = ""] = x.toFixed(precision).split(".");
      return [int, frac.replace(/0+$/, "")];
    }
    const [d, scale] = exact(x);
    digits = dropDigits(d, -(scale + precision));
    exp = digits.length - 1 - precision;
  }
  let int: string;
  let frac: string;
  if (exp >= 0) {
    int = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    frac = digits.slice(exp + 1);
  } else {
    int = "0";
    frac = "0".repeat(-exp - 1) + digits;
  }
  int = int.replace(/^0+(?=\d)/, "");
  return [int, frac.replace(/0+$/, "")];
}

/** Mantissa digits (at most `precision` after the point) and decimal exponent of `x`. */
export function scientific(x: number, precision: number, single: boolean): Decimal {
  let { digits, exp } = shortest(x, single);
  if (digits.length - 1 > precision) {
    const t = precision - exp;
    if (t >= 0 ? !Number.isInteger(x * 2 ** (t + 1)) : !Number.isInteger(x)) {
      // Not a tie, so toExponential's correctly rounded result is the half-even one.
      const fast = parseExponential(x.toExponential(precision));
      const trimmed = fast.digits.replace(/0+$/, "");
      return { digits: trimmed === "" ? "0" : trimmed, exp: fast.exp };
    }
    const [d, scale] = exact(x);
    exp = d.length - 1 + scale;
    digits = dropDigits(d, d.length - (precision + 1));
    if (digits.length > precision + 1) {
      digits = digits.slice(0, precision + 1);
      exp += 1;
    }
  }
  const trimmed = digits.replace(/0+$/, "");
  return { digits: trimmed === "" ? "0" : trimmed, exp };
}
