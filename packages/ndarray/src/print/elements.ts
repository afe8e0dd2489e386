import type { DType } from "../dtype.js";
import { positional, scientific } from "./digits.js";
import type { PrintOptions } from "./options.js";

/** Formats one element to its final padded text; built once per array from the shown values. */
export type ElementFormat = (x: number) => string;

/** numpy's formatter for `dtype`, fitted to `values` (the elements that will be shown). */
export function elementFormat(
  dtype: DType,
  values: readonly number[],
  options: PrintOptions,
  zeroDim: boolean,
): ElementFormat {
  if (dtype === "bool")
    return zeroDim ? (x) => (x ? "True" : "False") : (x) => (x ? " True" : "False");
  if (dtype === "int32") return integerFormat(values);
  return floatFormat(values, options, dtype === "float32");
}

function integerFormat(values: readonly number[]): ElementFormat {
  let width = 0;
  for (const v of values) width = Math.max(width, String(v).length);
  return (x) => String(x).padStart(width, " ");
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** numpy's FloatingFormat with floatmode "maxprec" and sign "-". */
function floatFormat(
  values: readonly number[],
  options: PrintOptions,
  single: boolean,
): ElementFormat {
  const { precision, suppress, nanstr, infstr } = options;
  const finite = values.filter(Number.isFinite);
  let maxAbs = 0;
  let minAbs = Number.POSITIVE_INFINITY;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > maxAbs) maxAbs = a;
    if (a < minAbs) minAbs = a;
  }
  // float32 switches at 1e6: numpy uses 10**min(8, finfo(dtype).precision).
  const cutoff = single ? 1e6 : 1e8;
  const exponential =
    maxAbs > 0 && (maxAbs >= cutoff || (!suppress && (minAbs < 1e-4 || maxAbs / minAbs > 1000)));

  let padLeft = 0;
  let padRight = 0;
  let format: (x: number) => string;
  if (finite.length === 0) {
    format = () => "";
  } else if (exponential) {
    const parts = finite.map((v) => scientific(Math.abs(v), precision, single));
    let digits = 0;
    let expDigits = 2;
    for (let i = 0; i < finite.length; i++) {
      digits = Math.max(digits, parts[i].digits.length - 1);
      expDigits = Math.max(expDigits, String(Math.abs(parts[i].exp)).length);
      padLeft = Math.max(padLeft, isNegative(finite[i]) ? 2 : 1);
    }
    padRight = expDigits + 2 + digits;
    format = (x) => {
      const { digits: d, exp } = scientific(Math.abs(x), precision, single);
      const int = `${isNegative(x) ? "-" : ""}${d[0]}`.padStart(padLeft, " ");
      const e = `e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(expDigits, "0")}`;
      return `${int}.${d.slice(1).padEnd(digits, "0")}${e}`;
    };
  } else {
    for (const v of finite) {
      const [int, frac] = positional(Math.abs(v), precision, single);
      padLeft = Math.max(padLeft, int.length + (isNegative(v) ? 1 : 0));
      padRight = Math.max(padRight, frac.length);
    }
    format = (x) => {
      const [int, frac] = positional(Math.abs(x), precision, single);
      return (
        `${isNegative(x) ? "-" : ""}${int}`.padStart(padLeft, " ") +
        `.${frac.padEnd(padRight, " ")}`
      );
    };
  }

  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === Number.NEGATIVE_INFINITY) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, nanstr.length - offset, infstr.length + negInf - offset);
  }
  const width = padLeft + padRight + 1;
  return (x) => {
    if (Number.isNaN(x)) return nanstr.padStart(width, " ");
    if (!Number.isFinite(x)) return (x < 0 ? `-${infstr}` : infstr).padStart(width, " ");
    return format(x);
  };
}

/** Python's `repr(float)` (what numpy's `str` shows for a 0-d float array): `1.0`, `1e-05`, `1e+16`. */
export function pythonFloat(x: number, single: boolean, options: PrintOptions): string {
  if (Number.isNaN(x)) return options.nanstr;
  if (!Number.isFinite(x)) return x < 0 ? `-${options.infstr}` : options.infstr;
  const sign = isNegative(x) ? "-" : "";
  const a = Math.abs(x);
  const { digits, exp } = scientific(a, 17, single);
  if (a !== 0 && (exp < -4 || exp >= 16)) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const [int, frac] = positional(a, 17 + Math.max(0, -exp), single);
  return `${sign}${int}.${frac === "" ? "0" : frac}`;
}
