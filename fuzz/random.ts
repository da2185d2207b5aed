// A small seeded PRNG for the fuzzer. Every case draws from its own generator, seeded from
// (run seed, case index), so any case can be made again on its own: `--seed S --case I`.

/** sfc32: fast, 128 bits of state, good enough for test input generation. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = (seed ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
    this.b ^= stream >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** An integer drawn log-uniformly in [min, max] (min ≥ 1): as many tens as thousands. */
  logInt(min: number, max: number): number {
    const low = Math.log(min);
    const high = Math.log(max + 1);
    return Math.min(max, Math.floor(Math.exp(low + this.next() * (high - low))));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error("pick from an empty list");
    return values[Math.floor(this.next() * values.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A 32-bit seed for another generator (fast-check's, for example). */
  seed(): number {
    return Math.floor(this.next() * 0x7fffffff);
  }
}

/** The generator of case `index` in the run seeded `seed`. */
export function caseRandom(seed: number, index: number): Random {
  return new Random(seed >>> 0, (index + 1) >>> 0);
}
