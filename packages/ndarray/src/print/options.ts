import { rangeError, typeError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";

/** numpy's print options (`np.get_printoptions()`), in camelCase. */
export interface PrintOptions {
  /** Maximum digits after the decimal point for floats (default 8). */
  precision: number;
  /** Arrays with more elements than this are summarised with `...` (default 1000). */
  threshold: number;
  /** Items shown at each end of a summarised axis (default 3). */
  edgeitems: number;
  /** Characters per line before wrapping (default 75). */
  linewidth: number;
  /** Print small floats in fixed notation instead of switching to scientific (default false). */
  suppress: boolean;
  /** Text for NaN (default "nan"). */
  nanstr: string;
  /** Text for infinity (default "inf"). */
  infstr: string;
}

const defaults: PrintOptions = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: "nan",
  infstr: "inf",
};

let current: PrintOptions = { ...defaults };

const keys = Object.keys(defaults);

/** Validates `options` (for `fn`) and merges them over `base`. */
export function resolvePrintOptions(
  fn: string,
  options: Partial<PrintOptions> | undefined,
  base: PrintOptions = current,
): PrintOptions {
  checkOptions(fn, options, keys);
  const out = { ...base };
  if (!options) return out;
  for (const key of ["precision", "threshold", "edgeitems", "linewidth"] as const) {
    const v = options[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      throw rangeError(`${fn}: ${key} must be a non-negative integer, got ${String(v)}.`);
    }
    out[key] = v;
  }
  if (options.suppress !== undefined) {
    if (typeof options.suppress !== "boolean") {
      throw typeError(`${fn}: suppress must be a boolean, got ${typeof options.suppress}.`);
    }
    out.suppress = options.suppress;
  }
  for (const key of ["nanstr", "infstr"] as const) {
    const v = options[key];
    if (v === undefined) continue;
    if (typeof v !== "string") throw typeError(`${fn}: ${key} must be a string, got ${typeof v}.`);
    out[key] = v;
  }
  return out;
}

/**
 * Sets how arrays print from now on, as `np.set_printoptions`; options not given keep their
 * current value. To restore saved options, pass back what {@link getPrintoptions} returned.
 * @example
 * setPrintoptions({ precision: 3 });
 * String(array([Math.PI])); // "array([3.142])"
 * setPrintoptions({ precision: 8 });
 */
export function setPrintoptions(options: Partial<PrintOptions>): void {
  current = resolvePrintOptions("setPrintoptions", options);
}

/**
 * The current print options, as `np.get_printoptions()` (a copy).
 * @example
 * getPrintoptions().precision; // 8
 */
export function getPrintoptions(): PrintOptions {
  return { ...current };
}

/**
 * Runs `fn` with some print options changed and restores the previous ones afterwards (also when
 * `fn` throws): numpy's `with np.printoptions(...)` context manager. Returns what `fn` returns.
 * @example
 * printoptions({ precision: 2 }, () => String(array([Math.PI]))); // "array([3.14])"
 */
export function printoptions<T>(options: Partial<PrintOptions>, fn: () => T): T {
  const saved = current;
  current = resolvePrintOptions("printoptions", options);
  try {
    return fn();
  } finally {
    current = saved;
  }
}
