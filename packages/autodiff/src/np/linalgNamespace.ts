// The `np.linalg` namespace.
export { det, inv, type NormOptions, norm, solve } from "./linalg.js";
