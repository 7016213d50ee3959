/** Statistics and timing helpers of the benchmarks: medians, quartiles and side-by-side ratios. */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: number[]): number => quantile(values, 0.5);

/** Milliseconds `run` takes. */
export function timeMs(run: () => void): number {
  return timed(run).wall;
}

/**
 * Wall and CPU milliseconds (user + system, this process) `run` takes. CPU
 * time leaves out the time spent waiting for a core, so it moves less with
 * the load of a shared machine.
 */
export function timed(run: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

setFlagsFromString('--expose_gc');
const gcNow = runInNewContext('gc') as () => void;

/** A full garbage collection, so one side's garbage is not collected on the other side's clock. */
export function collectGarbage(): void {
  gcNow();
}

/** Timings of two alternatives measured in alternation, and the ratio a/b of each pair. */
export interface SideBySide {
  /** Wall milliseconds. */
  readonly a: number[];
  readonly b: number[];
  /** a / b of each pair, wall time. */
  readonly ratios: number[];
  /** CPU milliseconds. */
  readonly aCpu: number[];
  readonly bCpu: number[];
  /** a / b of each pair, CPU time. */
  readonly cpuRatios: number[];
}

/** What `sideBySide` does around the timed runs, untimed. */
export interface SideBySideOptions {
  /** Untimed runs of each before the timed pairs. */
  readonly warmup: number;
  /** Runs after every pair. */
  readonly afterEach?: () => void;
  /** Runs before every timed run, so each starts from the state a new process would give it. */
  readonly beforeEach?: () => void;
}

/**
 * Times `a` and `b` `pairs` times each, alternating which goes first (ABBA),
 * after `options.warmup` untimed runs of each, with a garbage collection
 * before every timed run. The machine is shared: only the ratio of the two
 * means something.
 */
export function sideBySide(a: () => void, b: () => void, pairs: number, options: SideBySideOptions): SideBySide {
  const afterEach = options.afterEach ?? (() => {});
  const settle = () => {
    options.beforeEach?.();
    collectGarbage();
  };
  for (let i = 0; i < options.warmup; i++) {
    a();
    b();
    afterEach();
  }
  const result: SideBySide = { a: [], b: [], ratios: [], aCpu: [], bCpu: [], cpuRatios: [] };
  for (let i = 0; i < pairs; i++) {
    let ta: { wall: number; cpu: number };
    let tb: { wall: number; cpu: number };
    if (i % 2 === 0) {
      settle();
      ta = timed(a);
      settle();
      tb = timed(b);
    } else {
      settle();
      tb = timed(b);
      settle();
      ta = timed(a);
    }
    result.a.push(ta.wall);
    result.b.push(tb.wall);
    result.ratios.push(ta.wall / tb.wall);
    result.aCpu.push(ta.cpu);
    result.bCpu.push(tb.cpu);
    result.cpuRatios.push(ta.cpu / tb.cpu);
    afterEach();
  }
  return result;
}

/** "1.07x (IQR 1.02-1.11, min-max 0.95-1.20)" of the per-pair ratios. */
export function ratioWithSpread(ratios: number[]): string {
  const f = (n: number) => n.toFixed(2);
  return `${f(median(ratios))}x (IQR ${f(quantile(ratios, 0.25))}-${f(quantile(ratios, 0.75))}, `
    + `min-max ${f(Math.min(...ratios))}-${f(Math.max(...ratios))})`;
}

export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;

export function bytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(2)} MB`;
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${n} B`;
}
