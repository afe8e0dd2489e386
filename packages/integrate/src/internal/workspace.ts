/** QUADPACK's subinterval lists, `limit` entries each (scipy's infodict arrays). */
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
}

export function workspace(limit: number): Workspace {
  return {
    alist: new Float64Array(limit),
    blist: new Float64Array(limit),
    rlist: new Float64Array(limit),
    elist: new Float64Array(limit),
    iord: new Int32Array(limit),
  };
}

/** What a QUADPACK driver returns (ier already mapped to scipy's codes 0-5). */
export interface RawQuad {
  result: number;
  abserr: number;
  ier: number;
  last: number;
  neval: number;
}
