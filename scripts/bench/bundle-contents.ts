/**
 * Question 3c: what the Lambda bundles are made of, package by package, from
 * the metafile esbuild writes beside each bundle (its `outputs[...].inputs`
 * give every input file's `bytesInOutput`, the bytes it contributes to the
 * minified file; esbuild API docs, "Metafile"). Printed on every run so a
 * dependency that grows a bundle shows up by name.
 *
 * The bundles, their options and their metafiles are defined once, by the
 * bundle tasks in .projenrc.ts; this reads them from the generated
 * .projen/tasks.json rather than repeating the paths.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { Table } from './report';
import { bytes } from './stats';

const ROOT = path.join(__dirname, '..', '..');
/** How many packages each bundle lists before "everything else". */
const TOP = 10;

/** One bundle as its task builds it. */
export interface BundleTask {
  readonly task: string;
  readonly outfile: string;
  readonly metafile: string;
}

/** The part of esbuild's metafile read here. */
interface Metafile {
  readonly outputs: { readonly [file: string]: MetafileOutput };
}

interface MetafileOutput {
  readonly bytes: number;
  readonly inputs: { readonly [file: string]: { readonly bytesInOutput: number } };
}

/** The bundle commands (scripts/bundle/build.ts) of the `bundle` task and the tasks it spawns. */
export function bundleTasks(): BundleTask[] {
  const tasks = JSON.parse(readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8')).tasks as
    { [name: string]: { steps?: { exec?: string }[] } };
  const found: BundleTask[] = [];
  for (const [task, definition] of Object.entries(tasks)) {
    for (const step of definition.steps ?? []) {
      const outfile = step.exec?.match(/scripts\/bundle\/build\.ts .*--outfile=(\S+)/)?.[1];
      const metafile = step.exec?.match(/scripts\/bundle\/build\.ts .*--metafile=(\S+)/)?.[1];
      if (outfile && metafile) found.push({ task, outfile, metafile });
    }
  }
  if (found.length === 0) throw new Error('no scripts/bundle/build.ts step with --outfile and --metafile in .projen/tasks.json');
  return found;
}

/** The package an input belongs to: the innermost node_modules folder's package, or this repository's own code. */
export function packageOf(input: string): string {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return '(this repository: lambda/, src/)';
  return parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/** Bytes each package contributes to the one output of a metafile, largest first, and the output's size. */
export function contributions(metafile: Metafile): { total: number; packages: [string, number][] } {
  const outputs = Object.values(metafile.outputs);
  if (outputs.length !== 1) throw new Error(`expected one output in the metafile, found ${outputs.length}`);
  const perPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(outputs[0].inputs)) {
    perPackage.set(packageOf(input), (perPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return { total: outputs[0].bytes, packages: [...perPackage].sort((a, b) => b[1] - a[1]) };
}

export function bundleContentsTable(): Table {
  const rows: string[][] = [];
  const totals: string[] = [];
  for (const bundle of bundleTasks()) {
    const { total, packages } = contributions(JSON.parse(readFileSync(path.join(ROOT, bundle.metafile), 'utf8')));
    const share = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
    for (const [name, size] of packages.slice(0, TOP)) rows.push([bundle.outfile, name, bytes(size), share(size)]);
    const rest = packages.slice(TOP).reduce((sum, [, size]) => sum + size, 0);
    if (rest > 0) rows.push([bundle.outfile, `everything else (${packages.length - TOP} packages)`, bytes(rest), share(rest)]);
    totals.push(`${bundle.outfile} ${bytes(total)}`);
  }
  return {
    title: '3c. What the Lambda bundles hold, by package',
    method: 'From the metafile esbuild writes beside each bundle (the bundle tasks in .projenrc.ts, `--metafile`): the bytes '
      + `each package's files contribute to the minified bundle, the ${TOP} largest per bundle, then the rest together.`,
    header: ['bundle', 'package', 'bytes in the bundle', 'share'],
    rows,
    notes: [`Bundle sizes: ${totals.join('; ')}.`],
  };
}
