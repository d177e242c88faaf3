import { xxh3 } from '@node-rs/xxhash';

/**
 * Open-addressing hash set of epoch microseconds (doubles) in a Float64Array: about 16 bytes per timestamp where a
 * `Set<number>` of heap numbers would take several times that, so a million-row file stays far under 100 MB.
 */
export class TimestampSet {
  private slots = new Float64Array(1024);
  private count = 0;

  /** Adds `us` (> 0); false when it was already present. */
  add(us: number): boolean {
    if (this.count * 2 >= this.slots.length) this.grow();
    return this.insert(this.slots, us);
  }

  private insert(slots: Float64Array, us: number): boolean {
    const mask = slots.length - 1;
    let i = (Math.imul((us / 4294967296) ^ us, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const slot = slots[i];
      if (slot === 0) {
        slots[i] = us;
        if (slots === this.slots) this.count++;
        return true;
      }
      if (slot === us) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const us of old) if (us !== 0) this.insert(this.slots, us);
  }
}

const MASK_64 = (1n << 64n) - 1n;

/**
 * Open-addressing hash set of readings, each kept as its 128-bit XXH3 hash in two BigUint64Array lanes: 21–43
 * bytes per reading where a `Set` of key strings takes about 95, so a million event readings stay far under 100 MB.
 * Two distinct readings share a hash with odds of about n²/2¹²⁹ (10⁻²⁷ for a million).
 */
export class ReadingSet {
  private slots = new BigUint64Array(2 * 1024);
  private count = 0;

  /** Adds the reading's key; false when it was already present. */
  add(key: string): boolean {
    // linear probing stays short up to three quarters full
    if (this.count * 8 >= this.slots.length * 3) this.grow();
    const hash = xxh3.xxh128(key);
    // a zero low lane marks an empty slot, so a hash whose low lane is zero is kept with 1 there (odds 2⁻⁶⁴)
    return this.insert(this.slots, hash & MASK_64 || 1n, hash >> 64n);
  }

  private insert(slots: BigUint64Array, low: bigint, high: bigint): boolean {
    const mask = (slots.length >> 1) - 1;
    let i = Number(low & BigInt(mask));
    for (;;) {
      const l = slots[2 * i];
      if (l === 0n) {
        slots[2 * i] = low;
        slots[2 * i + 1] = high;
        if (slots === this.slots) this.count++;
        return true;
      }
      if (l === low && slots[2 * i + 1] === high) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new BigUint64Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0n) this.insert(this.slots, old[i], old[i + 1]);
  }
}
