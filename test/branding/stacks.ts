// Shared GIVEN steps of the branding and classic tests.
import { readFileSync } from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

export interface PoolStack {
  readonly app: App;
  readonly stack: Stack;
  readonly pool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
}

/** A stack with a pool and one client, in a fixed account and region. */
export function poolStack(): PoolStack {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
  const pool = new cognito.UserPool(stack, 'Pool');
  const client = pool.addClient('Web');
  return { app, stack, pool, client };
}

/** The bytes of a file the stack staged as an asset, found by its S3 key. */
export function stagedBytes(app: App, key: string): Buffer {
  return readFileSync(path.join(app.synth().directory, `asset.${key}`));
}

/** The properties of every resource of a type, in template order. */
export function propertiesOf(template: { toJSON(): any }, type: string): any[] {
  return Object.values<any>(template.toJSON().Resources)
    .filter((resource) => resource.Type === type)
    .map((resource) => resource.Properties);
}
