import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Example } from '../../examples';

/** One example app, synthesized into a directory of its own. */
export interface SynthesizedExample {
  readonly app: App;
  readonly stacks: Stack[];
  /** The cloud assembly directory, holding validation-report.json. */
  readonly outdir: string;
}

/** A fresh cloud assembly directory, so reports of two syntheses never mix. */
export function freshOutdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-security-'));
}

/**
 * Creates the example's app (with `props`) into a fresh directory; `prepare`
 * may add to the app before it is synthesized.
 */
export function synthesizeExample(example: Example, props: AppProps = {}, prepare?: (app: App) => void): SynthesizedExample {
  const outdir = freshOutdir();
  const app = example.createApp({ ...props, outdir });
  prepare?.(app);
  app.synth();
  return { app, stacks: app.node.children.filter(Stack.isStack), outdir };
}

/** One `Validations.of(...).acknowledge()` found in a construct tree. */
export interface Acknowledgement {
  /** The construct it was recorded on. */
  readonly construct: IConstruct;
  /** Its construct path. */
  readonly path: string;
  /** The rule id as recorded, with aws-cdk-lib's namespace (e.g. `Annotation::AwsSolutions-COG8`). */
  readonly id: string;
  readonly reason: string;
}

/** Every acknowledgement recorded anywhere under `root`, in tree order. */
export function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) => construct.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>)
      .map(([id, reason]) => ({ construct, path: construct.node.path, id, reason }))));
}
