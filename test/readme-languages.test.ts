// The README's Python, Java and Go snippets are the readme apps of the bindings
// test: each README block must equal the region between the `README:begin` and
// `README:end` lines of its app, which `npm run test:bindings` builds against
// the jsii package, runs and compares with test/bindings/typescript/readme-app.ts.
// This test is the fast half: it catches a README edited without its app (or
// the reverse); the bindings run catches an app that drifted from the API.
import { readFileSync } from 'fs';
import * as path from 'path';
import { readmeSection } from '../scripts/readme-section';

const ROOT = path.join(__dirname, '..');
const SECTION = '## Python, Java and Go';

/** Each language's readme app, relative to the repository. */
const APPS: Record<string, string> = {
  python: 'test/bindings/python/readme_app.py',
  java: 'test/bindings/java/src/readme/java/readme/AuthApp.java',
  go: 'test/bindings/go/readme/main.go',
};

interface Block {
  /** 1-based line of the file where the block's first line is. */
  readonly line: number;
  readonly lines: string[];
}

/** The fenced blocks of each language in the README's section, by language. */
function readmeBlocks(): Map<string, Block[]> {
  const { lines, line: first } = readmeSection(SECTION);
  const blocks = new Map<string, Block[]>();
  for (let i = 1; i < lines.length; i++) {
    const fence = /^```(\w+)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((text, j) => j > i && text.startsWith('```'));
    if (end < 0) throw new Error(`README.md line ${first + i}: the \`\`\`${fence[1]} block is never closed`);
    blocks.set(fence[1], [...blocks.get(fence[1]) ?? [], { line: first + i + 1, lines: lines.slice(i + 1, end) }]);
    i = end;
  }
  return blocks;
}

/** The lines between an app's README:begin and README:end lines. */
function appRegion(file: string): Block {
  const lines = readFileSync(path.join(ROOT, file), 'utf-8').split('\n');
  const marker = (name: string) => {
    const found = lines.flatMap((text, i) => (new RegExp(`\\bREADME:${name}\\b`).test(text) ? [i] : []));
    if (found.length !== 1) throw new Error(`${file} must have one README:${name} line, has ${found.length}`);
    return found[0];
  };
  const begin = marker('begin');
  const end = marker('end');
  if (end < begin) throw new Error(`${file}: README:end comes before README:begin`);
  return { line: begin + 2, lines: lines.slice(begin + 1, end) };
}

/**
 * What the comparison ignores: trailing whitespace, blank lines around the
 * code, and the indentation the whole block shares.
 */
function normalize(lines: string[]): string[] {
  const out = lines.map((text) => text.replace(/\s+$/, ''));
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  const indents = out.filter((text) => text !== '').map((text) => /^[ \t]*/.exec(text)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return out.map((text) => text.slice(common));
}

/** A line diff (longest common subsequence): "-" README only, "+" app only, " " both. */
function diff(readme: string[], app: string[]): string[] {
  const lcs = readme.map(() => new Array<number>(app.length + 1).fill(0));
  lcs.push(new Array<number>(app.length + 1).fill(0));
  for (let i = readme.length - 1; i >= 0; i--) {
    for (let j = app.length - 1; j >= 0; j--) {
      lcs[i][j] = readme[i] === app[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < readme.length || j < app.length) {
    if (i < readme.length && j < app.length && readme[i] === app[j]) {
      out.push(`  ${readme[i++]}`);
      j++;
    } else if (i < readme.length && (j === app.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push(`- ${readme[i++]}`);
    } else {
      out.push(`+ ${app[j++]}`);
    }
  }
  // Only the changes and two lines around each.
  return out.filter((_, k) => out.slice(Math.max(0, k - 2), k + 3).some((text) => !text.startsWith('  ')));
}

/** Why a README block is not its app's region, or undefined when it is. */
function mismatch(language: string, block: Block, file: string): string | undefined {
  const region = appRegion(file);
  const readme = normalize(block.lines);
  const app = normalize(region.lines);
  if (readme.join('\n') === app.join('\n')) return undefined;
  const first = readme.findIndex((text, i) => text !== app[i]);
  const skipped = block.lines.findIndex((text) => text.trim() !== '');
  const at = Math.max(skipped, 0) + (first < 0 ? readme.length : first);
  return [
    `README.md line ${block.line + at}: the \`\`\`${language} block differs from ${file}`
      + ` (the lines between README:begin and README:end, from line ${region.line}).`,
    `The app is what \`npm run test:bindings\` runs: change the README and ${file} together.`,
    '--- README.md',
    `+++ ${file}`,
    ...diff(readme, app),
  ].join('\n');
}

describe('README Python, Java and Go snippets are the readme apps', () => {
  const blocks = readmeBlocks();

  test.each(Object.entries(APPS))('%s: the README block equals the marked region of %s', (language, file) => {
    const found = blocks.get(language) ?? [];
    if (found.length !== 1) {
      throw new Error(`README.md's "${SECTION}" section must have one \`\`\`${language} block, has ${found.length}`);
    }
    const problem = mismatch(language, found[0], file);
    if (problem) throw new Error(problem);
  });

  test('the section has no other code block that nothing checks', () => {
    expect([...blocks.keys()].sort()).toEqual(Object.keys(APPS).sort());
  });

  test('the comparison sees a renamed keyword argument and names where', () => {
    // GIVEN the Python app's region with its first keyword argument renamed, as a README block at line 100
    const region = appRegion(APPS.python);
    const k = region.lines.findIndex((text) => /\w=/.test(text));
    const changed = region.lines.map((text, i) => (i === k ? text.replace(/(\w+)=/, '$1_typo=') : text));

    // WHEN it is compared with the app
    const problem = mismatch('python', { line: 100, lines: changed }, APPS.python);

    // THEN the README line and the app are named, and the diff shows both lines
    expect(problem).toContain(`README.md line ${100 + k}:`);
    expect(problem).toContain(APPS.python);
    const changes = problem!.split('\n').filter((text) => /^[-+] /.test(text));
    expect(changes.map((text) => `${text[0]} ${text.slice(2).trim()}`))
      .toEqual([`- ${changed[k].trim()}`, `+ ${region.lines[k].trim()}`]);
  });

  test('indentation of the whole block and trailing whitespace do not count', () => {
    const region = appRegion(APPS.go);
    const indented = { line: 1, lines: ['', ...region.lines.map((text) => (text ? `    ${text}  ` : text)), ''] };
    expect(mismatch('go', indented, APPS.go)).toBeUndefined();
  });
});
