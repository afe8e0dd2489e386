// Eigenvalues of a real upper Hessenberg matrix: balancing, then the Francis double-shift QR
// iteration (EISPACK hqr, as in Numerical Recipes). Private kernel for
// `roots` and `linalg.eigvals`.
import { LinAlgError } from "../errors.js";

const RADIX = 2;

/**
 * Eigenvalues of the n x n upper Hessenberg matrix h (row-major, modified). Real parts go to
 * `wr`, imaginary parts to `wi`; a complex pair is stored next to each other, positive
 * imaginary part first. Throws LinAlgError if the iteration does not converge.
 */
export function hessenbergEigenvalues(
  h: Float64Array,
  n: number,
  wr: Float64Array,
  wi: Float64Array,
): void {
  // 1-based working copy: a(i, j) = a[i * N + j], which keeps the classic algorithm readable.
  const N = n + 1;
  const a = new Float64Array(N * N);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[(i + 1) * N + j + 1] = h[i * n + j];
  balance(a, n, N);
  let anorm = 0;
  for (let i = 1; i <= n; i++)
    for (let j = Math.max(i - 1, 1); j <= n; j++) anorm += Math.abs(a[i * N + j]);
  let nn = n;
  let t = 0;
  let p = 0;
  let q = 0;
  let r = 0;
  let s = 0;
  let w = 0;
  let x = 0;
  let y = 0;
  let z = 0;
  while (nn >= 1) {
    let its = 0;
    let l: number;
    do {
      for (l = nn; l >= 2; l--) {
        s = Math.abs(a[(l - 1) * N + l - 1]) + Math.abs(a[l * N + l]);
        if (s === 0) s = anorm;
        if (Math.abs(a[l * N + l - 1]) + s === s) {
          a[l * N + l - 1] = 0;
          break;
        }
      }
      x = a[nn * N + nn];
      if (l === nn) {
        wr[nn - 1] = x + t;
        wi[nn - 1] = 0;
        nn--;
      } else {
        y = a[(nn - 1) * N + nn - 1];
        w = a[nn * N + nn - 1] * a[(nn - 1) * N + nn];
        if (l === nn - 1) {
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + (p >= 0 ? Math.abs(z) : -Math.abs(z));
            wr[nn - 2] = wr[nn - 1] = x + z;
            if (z !== 0) wr[nn - 1] = x - w / z;
            wi[nn - 2] = wi[nn - 1] = 0;
          } else {
            wr[nn - 2] = wr[nn - 1] = x + p;
            wi[nn - 2] = z;
            wi[nn - 1] = -z;
          }
          nn -= 2;
        } else {
          if (its === 60) throw new LinAlgError("Eigenvalues did not converge.");
          if (its === 10 || its === 20 || its === 40) {
            // Exceptional shift to break cycles.
            t += x;
            for (let i = 1; i <= nn; i++) a[i * N + i] -= x;
            s = Math.abs(a[nn * N + nn - 1]) + Math.abs(a[(nn - 1) * N + nn - 2]);
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = a[m * N + m];
            r = x - z;
            s = y - z;
            p = (r * s - w) / a[(m + 1) * N + m] + a[m * N + m + 1];
            q = a[(m + 1) * N + m + 1] - z - r - s;
            r = a[(m + 2) * N + m + 1];
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(a[m * N + m - 1]) * (Math.abs(q) + Math.abs(r));
            const v =
              Math.abs(p) *
              (Math.abs(a[(m - 1) * N + m - 1]) + Math.abs(z) + Math.abs(a[(m + 1) * N + m + 1]));
            if (u + v === v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            a[i * N + i - 2] = 0;
            if (i !== m + 2) a[i * N + i - 3] = 0;
          }
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = a[k * N + k - 1];
              q = a[(k + 1) * N + k - 1];
              r = 0;
              if (k !== nn - 1) r = a[(k + 2) * N + k - 1];
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            const root = Math.sqrt(p * p + q * q + r * r);
            s = p >= 0 ? root : -root;
            if (s !== 0) {
              if (k === m) {
                if (l !== m) a[k * N + k - 1] = -a[k * N + k - 1];
              } else a[k * N + k - 1] = -s * x;
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = a[k * N + j] + q * a[(k + 1) * N + j];
                if (k !== nn - 1) {
                  p += r * a[(k + 2) * N + j];
                  a[(k + 2) * N + j] -= p * z;
                }
                a[(k + 1) * N + j] -= p * y;
                a[k * N + j] -= p * x;
              }
              const mmin = Math.min(nn, k + 3);
              for (let i = l; i <= mmin; i++) {
                p = x * a[i * N + k] + y * a[i * N + k + 1];
                if (k !== nn - 1) {
                  p += z * a[i * N + k + 2];
                  a[i * N + k + 2] -= p * r;
                }
                a[i * N + k + 1] -= p * q;
                a[i * N + k] -= p;
              }
            }
          }
        }
      }
    } while (l < nn - 1);
  }
}

/** Diagonal similarity scaling by powers of 2 so rows and columns have comparable norms. */
function balance(a: Float64Array, n: number, N: number): void {
  const sqrdx = RADIX * RADIX;
  let done = false;
  while (!done) {
    done = true;
    for (let i = 1; i <= n; i++) {
      let r = 0;
      let c = 0;
      for (let j = 1; j <= n; j++) {
        if (j !== i) {
          c += Math.abs(a[j * N + i]);
          r += Math.abs(a[i * N + j]);
        }
      }
      if (c !== 0 && r !== 0) {
        let g = r / RADIX;
        let f = 1;
        const s = c + r;
        while (c < g) {
          f *= RADIX;
          c *= sqrdx;
        }
        g = r * RADIX;
        while (c > g) {
          f /= RADIX;
          c /= sqrdx;
        }
        if ((c + r) / f < 0.95 * s) {
          done = false;
          g = 1 / f;
          for (let j = 1; j <= n; j++) a[i * N + j] *= g;
          for (let j = 1; j <= n; j++) a[j * N + i] *= f;
        }
      }
    }
  }
}
