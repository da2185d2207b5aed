// Each simulated user draws from its own stream, seeded from (model seed, user index): the
// same user draws the same numbers whichever worker runs it and whatever ran before, so a
// forecast's bytes do not depend on `--workers`, and `--user n` replays user n alone.
// The generator is pure-rand's xoroshiro128+; its state is filled by a 32-bit finaliser
// (murmur3's) over the seed and the index, so neighbouring users do not start correlated.
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

type Generator = ReturnType<typeof xoroshiro128plusFromState>;

const golden = 0x9e3779b9;

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
function mix32(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

const twoTo32 = 4294967296;

export class UserStream {
  private generator: Generator = xoroshiro128plusFromState([1, 2, 3, 4]);
  private readonly state = [0, 0, 0, 0];
  private seed = Number.NaN;
  private seedMix = 0;
  private poissonMean = 0;
  private poissonZero = 1;

  /** Starts the stream of user `index` (0-based) under `seed` (any safe integer). */
  reset(seed: number, index: number): void {
    if (seed !== this.seed) {
      this.seed = seed;
      this.seedMix = mix32(
        mix32((seed >>> 0) ^ golden) + mix32((Math.floor(seed / twoTo32) | 0) + golden),
      );
    }
    const base = mix32(this.seedMix + Math.imul(index, golden));
    const state = this.state;
    state[0] = mix32(base + golden);
    state[1] = mix32(base + 2 * golden);
    state[2] = mix32(base ^ index);
    state[3] = mix32(base - golden);
    // xoroshiro's all-zero state is a fixed point.
    if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
    // The generator copies the state: the array is reused, one small object per user.
    this.generator = xoroshiro128plusFromState(state);
  }

  /** Uniform in [0, 1), 32 bits. */
  uniform(): number {
    return (this.generator.next() >>> 0) / twoTo32;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** An index in [from, to) of `cumulative`, whose running sums restart at `from`. */
  pickIn(cumulative: Float64Array, from: number, to: number): number {
    const target = this.uniform() * cumulative[to - 1];
    const last = to - 1;
    for (let i = from; i < last; i++) if (target < cumulative[i]) return i;
    return last;
  }

  /**
   * A Poisson draw of mean `mean`, by inversion from one uniform (so each draw costs one
   * number and the stream stays aligned); past a mean of 500 (e^-mean underflows) the
   * normal approximation, still from one uniform.
   */
  poisson(mean: number): number {
    const u = this.uniform();
    if (mean <= 0) return 0;
    if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalQuantile(u)));
    // e^-mean once per mean (a forecast draws every day of every user with the same one).
    if (mean !== this.poissonMean) {
      this.poissonMean = mean;
      this.poissonZero = Math.exp(-mean);
    }
    let k = 0;
    let p = this.poissonZero;
    let cdf = p;
    while (u >= cdf && k < 10_000) {
      k++;
      p *= mean / k;
      cdf += p;
      if (p === 0) break;
    }
    return k;
  }
}

/** The standard normal quantile (Acklam's rational approximation; ample for counts). */
function normalQuantile(p: number): number {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [
    -54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857,
  ];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373,
    4.37466414146497, 2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  if (q < 0.02425) {
    const t = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) /
      ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1)
    );
  }
  if (q > 1 - 0.02425) return -normalQuantile(1 - q);
  const t = q - 0.5;
  const r = t * t;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * t) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
