import { readFileSync } from 'fs';
import * as path from 'path';

/** A section of the README: its lines, from the heading to the next `## ` heading. */
export interface ReadmeSection {
  /** The section's lines, the heading first. */
  readonly lines: string[];
  /** 1-based line of the README where the heading is. */
  readonly line: number;
}

/** The README section under `heading` (a whole line, such as `## Troubleshooting`). */
export function readmeSection(heading: string): ReadmeSection {
  const lines = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8').split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const next = lines.findIndex((text, i) => i > start && text.startsWith('## '));
  return { lines: lines.slice(start, next < 0 ? undefined : next), line: start + 1 };
}

/** The TypeScript blocks (```ts fences, any fixture) of the README section under `heading`, in order. */
export function typescriptBlocks(heading: string): string[] {
  return [...readmeSection(heading).lines.join('\n').matchAll(/```ts[^\n]*\n([\s\S]*?)```/g)].map((match) => match[1]);
}
