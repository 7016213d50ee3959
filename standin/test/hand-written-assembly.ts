import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Template } from '../runner/cloud-assembly';

/** One stack of a hand-written assembly: its template, where it goes, and the stacks it depends on. */
export interface HandWrittenStack {
  readonly template: Template;
  /** @default 'eu-central-1' */
  readonly region?: string;
  /** Artifact ids (the keys of `handWrittenAssembly`'s argument). @default none */
  readonly dependsOn?: readonly string[];
}

/** The account of every hand-written stack. */
export const HAND_WRITTEN_ACCOUNT = '111122223333';

/** A cloud assembly of hand-written templates, written to a new temporary directory, with the manifest listing the stacks in the order given. */
export function handWrittenAssembly(stacks: { readonly [name: string]: HandWrittenStack }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-'));
  const artifacts = Object.fromEntries(Object.entries(stacks).map(([name, stack]) => {
    fs.writeFileSync(path.join(dir, `${name}.template.json`), JSON.stringify(stack.template));
    return [name, {
      type: 'aws:cloudformation:stack',
      environment: `aws://${HAND_WRITTEN_ACCOUNT}/${stack.region ?? 'eu-central-1'}`,
      properties: { templateFile: `${name}.template.json` },
      dependencies: stack.dependsOn ?? [],
    }];
  }));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }));
  return dir;
}
