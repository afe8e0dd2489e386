import { Epsilon } from "./qelg.js";

/** QUADPACK's subinterval lists (scipy's infodict arrays) and the scratch one quad call needs. */
export interface Workspace {
  /** Left ends of the subintervals. */
  alist: Float64Array;
  /** Right ends. */
  blist: Float64Array;
  /** Integral over each subinterval. */
  rlist: Float64Array;
  /** Error estimate of each subinterval. */
  elist: Float64Array;
  /** Subinterval indices in decreasing order of error (0-based). */
  iord: Int32Array;
  /** Bisection level of each subinterval (QAGP). */
  level: Int32Array;
  /** Rule output: result, abserr, resabs, resasc. */
  out: Float64Array;
  /** Integrand values inside one rule application. */
  fv: Float64Array;
  /** The epsilon-algorithm table. */
  eps: Epsilon;
  /** Number of subintervals the lists can hold. */
  capacity: number;
}

function create(capacity: number): Workspace {
  return {
    alist: new Float64Array(capacity),
    blist: new Float64Array(capacity),
    rlist: new Float64Array(capacity),
    elist: new Float64Array(capacity),
    iord: new Int32Array(capacity),
    level: new Int32Array(capacity),
    out: new Float64Array(4),
    fv: new Float64Array(20),
    eps: new Epsilon(),
    capacity,
  };
}

// Typed arrays of this size live outside V8's heap and cost microseconds to allocate, more than
// a whole 21-point rule; nested integrals call quad thousands of times, so workspaces are
// recycled. A quad call takes one and gives it back when done (also when the integrand
// throws); integrals nested inside the integrand take others.
const free: Workspace[] = [];

export function acquire(limit: number): Workspace {
  const w = free.pop();
  if (w !== undefined && w.capacity >= limit) {
    w.eps.reset();
    return w;
  }
  return create(Math.max(limit, 50));
}

export function release(w: Workspace): void {
  // Keep a few ordinary-sized workspaces; a huge `limit` is not worth holding on to.
  if (free.length < 64 && w.capacity <= 2000) free.push(w);
}

/** What a QUADPACK driver returns (ier already mapped to scipy's codes 0-5). */
export interface RawQuad {
  result: number;
  abserr: number;
  ier: number;
  last: number;
  neval: number;
}
