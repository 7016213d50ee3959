/** The facts of the machine and run a benchmark report names. */
import { cpus, loadavg, totalmem } from 'os';

/** The 1-minute load average now: how busy the shared machine was (above the CPU count, runs queue). */
export function loadNow(): number {
  return loadavg()[0];
}

/** @param loads the load averages sampled during the run */
export function machineFacts(loads: number[]): string[] {
  const cpu = cpus();
  const models = [...new Set(cpu.map((c) => c.model.trim()))].join(', ');
  return [
    `CPUs: ${cpu.length} x ${models}`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node.js: ${process.version} (${process.platform} ${process.arch})`,
    `Date: ${new Date().toISOString()}`,
    `Load average (1 min) during the run: ${loads.map((l) => l.toFixed(1)).join(', ')} (sampled at each step; the machine is `
    + 'shared, so absolute times vary with it and only the side-by-side ratios are meant to be compared)',
  ];
}
