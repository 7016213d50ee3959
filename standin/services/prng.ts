/* eslint-disable no-bitwise -- mulberry32 is defined by its 32-bit integer arithmetic */
/**
 * A seeded pseudo-random generator (mulberry32): ids and rate-based faults
 * come from it, so a run with the same seed and the same calls is the same run.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += alphabet[Math.floor(this.next() * alphabet.length)];
    }
    return out;
  }

  /** A version 4 UUID (variant 10xx), as Cognito's ManagedLoginBrandingId. */
  uuid(): string {
    const hex = this.string('0123456789abcdef', 32).split('');
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(this.next() * 4)];
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Ids shaped like Cognito's: pool `us-east-1_AbC123xyz`, client 26 lowercase alphanumerics. */
export function userPoolId(prng: Prng, region: string): string {
  return `${region}_${prng.string(ALPHANUMERIC, 9)}`;
}

export function userPoolClientId(prng: Prng): string {
  return prng.string('abcdefghijklmnopqrstuvwxyz0123456789', 26);
}
