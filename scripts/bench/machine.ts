/** The facts of the machine and run a benchmark report names. */
import { cpus, totalmem } from 'os';

export function machineFacts(): string[] {
  const cpu = cpus();
  const models = [...new Set(cpu.map((c) => c.model.trim()))].join(', ');
  return [
    `CPUs: ${cpu.length} x ${models}`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node.js: ${process.version} (${process.platform} ${process.arch})`,
    `Date: ${new Date().toISOString()}`,
  ];
}
