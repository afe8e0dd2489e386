import { rangeError } from "@nabla/ndarray";
import type { Evaluator } from "./integrand.js";
import { type BreakLists, qagpe } from "./qagpe.js";
import { qagse } from "./qagse.js";
import { GaussKronrod15Infinite } from "./qk15i.js";
import { GaussKronrod21 } from "./qk21.js";
import type { QuadSettings } from "./settings.js";
import { acquire, type RawQuad, release } from "./workspace.js";

/** Copies of the work lists for `fullOutput` (the workspace itself is recycled). */
export interface InfoLists {
  alist: Float64Array;
  blist: Float64Array;
  rlist: Float64Array;
  elist: Float64Array;
  iord: Int32Array;
  pts?: Float64Array;
  level?: Int32Array;
  ndin?: Int32Array;
}

function copyPrefix<T extends Float64Array | Int32Array>(src: T, used: number, length: number): T {
  const dst = new (src.constructor as new (n: number) => T)(length);
  dst.set(src.subarray(0, Math.min(used, length)));
  return dst;
}

/**
 * Runs QAGS, QAGI or QAGP on a plain number->number integrand with a < b already arranged.
 * With `info`, the work lists are copied into it (first `last` entries, zeros after).
 */
export function integrate1d(
  g: Evaluator,
  a: number,
  b: number,
  s: QuadSettings,
  info?: (lists: InfoLists) => void,
): RawQuad {
  const { epsabs, epsrel, limit } = s;
  const infinite = a === Number.NEGATIVE_INFINITY || b === Number.POSITIVE_INFINITY;
  let inside: number[] | undefined;
  if (s.points !== undefined) {
    if (infinite) throw rangeError("quad: Infinity inputs cannot be used with break points.");
    // As scipy: unique, sorted, strictly inside (a, b).
    inside = [...new Set(s.points)].sort((p, q) => p - q).filter((p) => a < p && p < b);
    if (inside.length >= limit) {
      throw rangeError(
        `quad: Number of break points (${inside.length}) must be less than subinterval limit (${limit}).`,
      );
    }
  }
  const w = acquire(limit);
  try {
    const fv = w.fv;
    let raw: RawQuad;
    let lists: BreakLists | undefined;
    if (inside !== undefined) {
      lists = { pts: new Float64Array(inside.length + 2), ndin: new Int32Array(inside.length + 2) };
      raw = qagpe(new GaussKronrod21(g, fv), a, b, inside, epsabs, epsrel, limit, w, lists);
    } else if (!infinite) {
      raw = qagse(new GaussKronrod21(g, fv), a, b, epsabs, epsrel, limit, w, false);
      raw.neval = 42 * raw.last - 21;
    } else {
      // (bound, inf) -> inf = 1; (-inf, bound) -> -1; (-inf, inf) -> 2, mapped onto t in (0, 1].
      const inf = a === Number.NEGATIVE_INFINITY ? (b === Number.POSITIVE_INFINITY ? 2 : -1) : 1;
      const bound = inf === 2 ? 0 : inf === 1 ? a : b;
      const rule = new GaussKronrod15Infinite(g, bound, inf, fv);
      raw = qagse(rule, 0, 1, epsabs, epsrel, limit, w, true);
      raw.neval = (30 * raw.last - 15) * (inf === 2 ? 2 : 1);
    }
    if (info !== undefined) {
      const used = raw.last;
      info({
        alist: copyPrefix(w.alist, used, limit),
        blist: copyPrefix(w.blist, used, limit),
        rlist: copyPrefix(w.rlist, used, limit),
        elist: copyPrefix(w.elist, used, limit),
        iord: copyPrefix(w.iord, used, limit),
        ...(lists
          ? { pts: lists.pts, ndin: lists.ndin, level: copyPrefix(w.level, used, limit) }
          : {}),
      });
    }
    return raw;
  } finally {
    release(w);
  }
}

/** quad's arithmetic without validation or infodict: a == b gives 0, b < a negates. */
export function quadRaw(g: Evaluator, a: number, b: number, s: QuadSettings): RawQuad {
  if (a === b) return { result: 0, abserr: 0, ier: 0, last: 0, neval: 0 };
  const flip = b < a;
  const raw = integrate1d(g, flip ? b : a, flip ? a : b, s);
  if (flip) raw.result = -raw.result;
  return raw;
}
