/**
 * Throw this from a `callback` to stop the optimizer (Python's `StopIteration`); the result then
 * has `status: 99`, `success: false` and message "`callback` raised `StopIteration`.". Returning
 * `true` from the callback does the same.
 * @example
 * minimize(f, x0, { callback: (r) => { if (r.fun < 1e-3) throw new StopIteration(); } });
 */
export class StopIteration extends Error {
  constructor(message = "StopIteration") {
    super(message);
    this.name = "StopIteration";
  }
}
