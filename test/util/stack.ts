import { App, Stack } from 'aws-cdk-lib';

/** An environment-bound stack named `Stack`, so construct paths in error messages read `Stack/...`. */
export function testStack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
}
