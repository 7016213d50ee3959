/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): the functions with the most
 * self time, and the files with the most self time.
 *
 *   ts-node --project scripts/tsconfig.json scripts/bench/profile-top.ts FILE.cpuprofile [top=10] [file filter, e.g. src/]
 */
import { readFileSync } from 'fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}
interface Profile { readonly nodes: ProfileNode[]; readonly samples: number[]; readonly timeDeltas: number[] }

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
const top = Number(process.argv[3] ?? 10);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const short = (url: string) => url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '~/').replace(/.*\/wt20-synth\//, '');
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const fn = `${functionName || '(anonymous)'} ${short(url)}:${lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  const file = short(url) || `(${functionName})`;
  byFile.set(file, (byFile.get(file) ?? 0) + t);
}
// Total (inclusive) time: a node's self time plus its subtree's, counted once per function where it recurses.
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const byFunctionTotal = new Map<string, number>();
const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const walk = (id: number, open: Set<string>): number => {
  const node = nodes.get(id)!;
  const key = keyOf(node);
  const inner = open.has(key) ? open : new Set([...open, key]);
  const t = (self.get(id) ?? 0) + (node.children ?? []).reduce((sum, c) => sum + walk(c, inner), 0);
  if (!open.has(key)) byFunctionTotal.set(key, (byFunctionTotal.get(key) ?? 0) + t);
  return t;
};
walk(profile.nodes[0].id, new Set());
const filter = process.argv[4];
const show = (title: string, m: Map<string, number>) => {
  console.log(`${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(t / 1000).toFixed(0).padStart(7)} ms ${(100 * t / total).toFixed(1).padStart(5)} %  ${k}`);
  }
};
show('self time by function', byFunction);
show('self time by file', byFile);
// e.g. `src/` for the library's own functions by total time
if (filter) show(`total time by function, in files matching ${filter}`, new Map([...byFunctionTotal].filter(([k]) => k.includes(filter))));
else show('total time by function', byFunctionTotal);
