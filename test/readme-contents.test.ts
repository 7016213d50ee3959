// The README is for users; what the project's maintainers need lives in
// CONTRIBUTING.md and docs/, which the README links. After a section moves, a
// reader must still find it: the README's contents list every section, every
// link between these files reaches a file (and a heading) that exists, and
// the benchmarks' figures are read in docs/benchmarks.md, the file
// `npm run bench` writes, never copied into prose that would go stale.
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { readmeSection } from '../scripts/readme-section';

const ROOT = path.join(__dirname, '..');
const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** A Markdown file's lines outside fenced code blocks. */
function prose(file: string): string[] {
  let fenced = false;
  return readFileSync(path.join(ROOT, file), 'utf-8').split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && !line.startsWith('```');
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings. */
function anchorsOf(file: string): string[] {
  return prose(file).flatMap((line) => {
    const heading = /^#{1,6} (.*)$/.exec(line);
    return heading ? [anchorOf(heading[1])] : [];
  });
}

describe('README contents and links', () => {
  test('the contents list every section of the README', () => {
    const listed = readmeSection('## Contents').lines.join('\n');
    const sections = prose('README.md').filter((line) => line.startsWith('## ') && line !== '## Contents');
    expect(sections.filter((line) => !listed.includes(`](#${anchorOf(line.slice(3))})`))).toEqual([]);
  });

  test.each(DOCS)('every relative link of %s reaches a file and heading that exist', (file) => {
    const broken = prose(file).flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]))
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [relative, anchor] = target.split('#');
        const linked = relative ? path.posix.join(path.posix.dirname(file), relative) : file;
        if (!existsSync(path.join(ROOT, linked))) return true;
        return anchor !== undefined && linked.endsWith('.md') && !anchorsOf(linked).includes(anchor);
      });
    expect(broken).toEqual([]);
  });

  test.each(['README.md', 'CONTRIBUTING.md'])('%s quotes no benchmark ratio (they are in docs/benchmarks.md)', (file) => {
    const ratios = prose(file).filter((line) => /\b\d+(\.\d+)?x\b/.test(line));
    expect(ratios).toEqual([]);
  });
});
