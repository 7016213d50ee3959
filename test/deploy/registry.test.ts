import { CfnResource, Stack } from 'aws-cdk-lib';
import { resourcesOfType } from './lifecycle-fixture';
import { CloudFormationRunner, StandIn } from '../../standin';
import { synthScenario } from './scenarios/scenario-apps';
import { uncheckedTypes } from './scenarios/state-check';
import { RESOURCE_TYPES } from '../../lambda/registry';

jest.setTimeout(60_000);

/**
 * The runner, the scenarios' state check and the demo take the library's
 * custom-resource types from lambda/registry.ts, the list the handler
 * dispatches on, so a new type cannot be deployed in the tests without its
 * handler running or checked without its own comparison.
 */

let standIn: StandIn;
beforeAll(async () => {
  standIn = await StandIn.start();
});
afterAll(async () => standIn?.stop());

/** Adds, beside the app's styles, a custom resource of `type` sent to the library's handler. */
function withTypeSentToHandler(type: string): (stack: Stack) => void {
  return (stack) => {
    const handler = [...resourcesOfType(stack, 'AWS::Lambda::Function').values()].find((fn) => fn.node.path.includes('CdkCognitoLoginHandler'))!;
    const widget = new CfnResource(stack, 'Widget', { type, properties: { ServiceToken: handler.getAtt('Arn') } });
    widget.overrideLogicalId('Widget');
  };
}

test('the runner refuses a custom resource sent to the library\'s handler whose type lambda/registry.ts does not list', async () => {
  // GIVEN a stack whose template sends Custom::CognitoWidget to the handler
  const dir = synthScenario({
    version: 'v1',
    pools: [{ id: 'Pool', prefix: 'scenario-registry', managedLogin: true, clients: ['Web'] }],
    styles: [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look: { defaults: true } }],
    mutate: withTypeSentToHandler('Custom::CognitoWidget'),
  });

  // WHEN / THEN: no SUCCESS without behaviour; the runner names the list to add it to
  await expect(new CloudFormationRunner(standIn).deploy(dir, 'Styles'))
    .rejects.toThrow(/Styles\/Widget: Custom::CognitoWidget is sent to this library's handler, but lambda\/registry\.ts does not list it/);
});

test('a registered type sent to the handler goes through the handler', async () => {
  // GIVEN the same stack with a registered type whose properties the handler refuses
  const dir = synthScenario({
    version: 'v1',
    pools: [{ id: 'Pool', prefix: 'scenario-registry-known', managedLogin: true, clients: ['Web'] }],
    styles: [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look: { defaults: true } }],
    mutate: withTypeSentToHandler(RESOURCE_TYPES[0].type.resourceType),
  });

  // WHEN
  const result = await new CloudFormationRunner(standIn).deploy(dir, 'Styles');

  // THEN the handler ran and refused it: an answer the runner could not have made up
  expect(result.status).toBe('ROLLBACK_COMPLETE');
  expect(result.failure).toMatch(/^Widget: .*UserPoolId/);
});

test('the scenarios\' state check compares every registered type', () => {
  expect(uncheckedTypes()).toEqual([]);
});
