// The `linalg` namespace: `import { linalg } from "@nabla/ndarray"; linalg.det(a)`.

export { type CholeskyOptions, cholesky } from "./cholesky.js";
export { cond } from "./cond.js";
export { det } from "./det.js";
export { dot } from "./dot.js";
export { type EighOptions, type EighResult, eigh, eigvalsh } from "./eigh.js";
export { type EigvalsResult, eigvals } from "./eigvals.js";
export { inner } from "./inner.js";
export { inv } from "./inv.js";
export { type LstsqOptions, type LstsqResult, lstsq } from "./lstsq.js";
export { matmul } from "./matmul.js";
export { type MatrixRankOptions, matrixRank } from "./matrixRank.js";
export { type NormOptions, type NormOrder, norm } from "./norm.js";
export { outer } from "./outer.js";
export { type PinvOptions, pinv } from "./pinv.js";
export { type QrOptions, type QrResult, qr } from "./qr.js";
export { type SlogdetResult, slogdet } from "./slogdet.js";
export { solve } from "./solve.js";
export { type SvdOptions, type SvdResult, svd } from "./svd.js";
