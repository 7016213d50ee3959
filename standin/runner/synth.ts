import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';

/** Synthesizes an app into a fresh temp dir, after `mutate` changed its stacks; returns the assembly dir the runner deploys from. */
export function synthExample(createApp: (props: { outdir: string }) => App, mutate: (stack: Stack) => void = () => undefined): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-deploy-'));
  const app = createApp({ outdir });
  app.node.children.filter(Stack.isStack).forEach(mutate);
  app.synth();
  return outdir;
}
