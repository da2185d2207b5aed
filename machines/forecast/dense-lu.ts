// A dense LU factorisation with partial pivoting over Float64 (PA = LU), for the blocks of an
// absorbing Markov chain: solves A x = b and Aᵀ x = b with one factorisation. The matrices
// are I − Q for a substochastic Q whose every state can leave: nonsingular M-matrices, on
// which elimination is stable.
//
// A flow's chain is sparse (a step has a few ways out), and a tour's Back/Next block stays
// banded through elimination: each row and column remembers where its nonzeros start and
// end (its profile), so elimination and solves skip the zeros outside it. A 1,000-step tour
// then costs about m × band per solve instead of m².
export class DenseLU {
  /** L below the diagonal (unit diagonal implied) and U on and above it, row-major. */
  private readonly lu: Float64Array;
  /** Row i of PA is row perm[i] of A. */
  private readonly perm: Int32Array;
  /** Row i of L is zero before rowStart[i]; row i of U is zero from rowEnd[i] on. */
  private readonly rowStart: Int32Array;
  private readonly rowEnd: Int32Array;
  /** Column i of U is zero above colStart[i]; column i of L is zero from colEnd[i] down. */
  private readonly colStart: Int32Array;
  private readonly colEnd: Int32Array;

  /** Factorises the m×m row-major matrix `a` (taken over: it is overwritten). */
  constructor(
    a: Float64Array,
    readonly m: number,
  ) {
    this.lu = a;
    this.perm = new Int32Array(m);
    for (let i = 0; i < m; i++) this.perm[i] = i;
    for (let k = 0; k < m; k++) {
      let pivot = k;
      let largest = Math.abs(a[k * m + k]);
      for (let i = k + 1; i < m; i++) {
        const size = Math.abs(a[i * m + k]);
        if (size > largest) {
          largest = size;
          pivot = i;
        }
      }
      if (largest === 0) throw new Error(`singular matrix at column ${k}`);
      if (pivot !== k) this.swapRows(k, pivot);
      const top = k * m;
      let end = m;
      while (end > k + 1 && a[top + end - 1] === 0) end--;
      const diagonal = a[top + k];
      for (let i = k + 1; i < m; i++) {
        const row = i * m;
        if (a[row + k] === 0) continue;
        const factor = a[row + k] / diagonal;
        a[row + k] = factor;
        for (let j = k + 1; j < end; j++) a[row + j] -= factor * a[top + j];
      }
    }
    this.rowStart = new Int32Array(m);
    this.rowEnd = new Int32Array(m);
    this.colStart = new Int32Array(m).fill(-1);
    this.colEnd = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      let start = 0;
      while (start < i && a[i * m + start] === 0) start++;
      this.rowStart[i] = start;
      let end = m;
      while (end > i + 1 && a[i * m + end - 1] === 0) end--;
      this.rowEnd[i] = end;
      // Row i's nonzeros of L end column profiles below; of U, start them above.
      for (let j = start; j < i; j++) if (a[i * m + j] !== 0) this.colEnd[j] = i + 1;
      for (let j = i + 1; j < end; j++) {
        if (a[i * m + j] !== 0 && this.colStart[j] === -1) this.colStart[j] = i;
      }
    }
    for (let i = 0; i < m; i++) {
      if (this.colStart[i] === -1) this.colStart[i] = i;
      if (this.colEnd[i] < i + 1) this.colEnd[i] = i + 1;
    }
  }

  private swapRows(i: number, j: number): void {
    const { lu, m } = this;
    for (let c = 0; c < m; c++) {
      const t = lu[i * m + c];
      lu[i * m + c] = lu[j * m + c];
      lu[j * m + c] = t;
    }
    const t = this.perm[i];
    this.perm[i] = this.perm[j];
    this.perm[j] = t;
  }

  /** x with A x = b. */
  solve(b: ArrayLike<number>): Float64Array {
    const { lu, m, perm, rowStart, rowEnd } = this;
    const x = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let sum = b[perm[i]];
      const row = i * m;
      for (let j = rowStart[i]; j < i; j++) sum -= lu[row + j] * x[j];
      x[i] = sum;
    }
    for (let i = m - 1; i >= 0; i--) {
      let sum = x[i];
      const row = i * m;
      for (let j = i + 1; j < rowEnd[i]; j++) sum -= lu[row + j] * x[j];
      x[i] = sum / lu[row + i];
    }
    return x;
  }

  /** x with Aᵀ x = b: A = Pᵀ L U, so Uᵀ z = b, Lᵀ w = z, x = Pᵀ w. */
  solveTransposed(b: ArrayLike<number>): Float64Array {
    const { lu, m, perm, colStart, colEnd } = this;
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let sum = b[i];
      for (let j = colStart[i]; j < i; j++) sum -= lu[j * m + i] * z[j];
      z[i] = sum / lu[i * m + i];
    }
    for (let i = m - 1; i >= 0; i--) {
      let sum = z[i];
      for (let j = i + 1; j < colEnd[i]; j++) sum -= lu[j * m + i] * z[j];
      z[i] = sum;
    }
    const x = new Float64Array(m);
    for (let i = 0; i < m; i++) x[perm[i]] = z[i];
    return x;
  }
}
