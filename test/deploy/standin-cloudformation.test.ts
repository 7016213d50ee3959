import {
  CloudFormationClient, DescribeStackResourceCommand, DescribeStacksCommand,
  ListStacksCommand, StackResourceDetail,
} from '@aws-sdk/client-cloudformation';
import { RemovalPolicy } from 'aws-cdk-lib';
import { readTemplate, resourcesOfType } from './lifecycle-fixture';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../src/branding/private/branding-contract';
import { CloudFormationRunner, StandIn } from '../../standin';
import { AFTER_STYLES, synthScenario } from './scenarios/scenario-apps';
import { lambdaEnvironment } from '../../standin/runner/lambda-environment';
import { sdkClients } from '../../standin/services/sdk-clients';
import { rejectionOf } from '../../standin/test/standin-fixture';

/**
 * CloudFormation's DescribeStackResource in the stand-in, through the real
 * `@aws-sdk/client-cloudformation` (query protocol), answered from the
 * stacks of a CloudFormation runner built on the stand-in: what the handler
 * asks to learn whether a previous owner of a style still exists.
 */
const STACK = 'Styles';

// Each test synthesizes and deploys through the bundled handler: seconds on a loaded machine.
jest.setTimeout(60_000);

let standIn: StandIn;
let cfn: CloudFormationRunner;
let client: CloudFormationClient;

beforeEach(async () => {
  standIn = await StandIn.start({ region: 'eu-west-1' });
  cfn = new CloudFormationRunner(standIn);
  client = sdkClients(standIn).cloudFormation;
});

afterEach(async () => {
  client.destroy();
  await standIn.stop();
});

/** One pool with one client styled by a ManagedLoginBranding construct named `style`; returns the assembly dir. */
function app(version: string, style: string, options: { retain?: boolean } = {}): string {
  return synthScenario({
    version,
    pools: [{ id: 'Pool', prefix: 'acme-owners', managedLogin: true, clients: ['Web'] }],
    styles: [{ id: style, pool: 'Pool', client: 'Web', look: { defaults: true } }],
    mutate: (stack) => {
      if (options.retain) {
        resourcesOfType(stack, MANAGED_LOGIN_BRANDING_TYPE).forEach((resource) => resource.applyRemovalPolicy(RemovalPolicy.RETAIN));
      }
    },
  });
}

/** The logical id of the assembly's one resource of a type (by default its style). */
function styleId(assemblyDir: string, type = MANAGED_LOGIN_BRANDING_TYPE): string {
  const ids = Object.entries(readTemplate(assemblyDir, STACK).Resources).filter(([, r]) => r.Type === type).map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0];
}

async function describeResource(stackName: string, logicalResourceId: string): Promise<StackResourceDetail> {
  const output = await client.send(new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: logicalResourceId }));
  return output.StackResourceDetail!;
}

describe('DescribeStackResource against the runner\'s stacks', () => {
  test('a live resource answers its status and physical id, by stack name and by stack id', async () => {
    // GIVEN a deployed stack with one style
    const v1 = app('1', 'Web');
    const [result] = await cfn.deployAssembly(v1);
    expect(result.status).toBe('CREATE_COMPLETE');
    const style = styleId(v1);
    const stackId = cfn.stack(STACK).stackId;

    // WHEN the style is described by the stack's name and by its id
    const byName = await describeResource(STACK, style);
    const byId = await describeResource(stackId, style);

    // THEN both show the resource as CloudFormation holds it
    const expected = {
      StackName: STACK,
      StackId: stackId,
      LogicalResourceId: style,
      PhysicalResourceId: cfn.physicalId(STACK, style),
      ResourceType: MANAGED_LOGIN_BRANDING_TYPE,
      ResourceStatus: 'CREATE_COMPLETE',
    };
    expect(byName).toMatchObject(expected);
    expect(byId).toMatchObject(expected);
    expect(byName.LastUpdatedTimestamp).toBeInstanceOf(Date);
    expect(stackId).toMatch(new RegExp(`^arn:aws:cloudformation:eu-west-1:123456789012:stack/${STACK}/[0-9a-f-]{36}$`));
  });

  test('DescribeStacks answers a stack\'s status by name or id, and refuses an unknown one in CloudFormation\'s words', async () => {
    // GIVEN a deployed stack
    const [result] = await cfn.deployAssembly(app('1', 'Web'));
    expect(result.status).toMatch(/_COMPLETE$/);

    // WHEN
    const byName = await client.send(new DescribeStacksCommand({ StackName: STACK }));
    const unknown = await rejectionOf(client.send(new DescribeStacksCommand({ StackName: 'NoSuchStack' })));

    // THEN
    expect(byName.Stacks?.map((s) => [s.StackName, s.StackStatus])).toEqual([[STACK, expect.stringMatching(/_COMPLETE$/)]]);
    const byId = await client.send(new DescribeStacksCommand({ StackName: byName.Stacks![0].StackId }));
    expect(byId.Stacks?.[0].StackName).toBe(STACK);
    expect(unknown).toMatchObject({ name: 'ValidationError', message: 'Stack with id NoSuchStack does not exist' });
  });

  test('a resource an update removed (a renamed construct) does not exist for the stack any more', async () => {
    // GIVEN the style deployed as Web, then renamed to Partner by an update
    const v1 = app('1', 'Web');
    await cfn.deployAssembly(v1);
    const stackId = cfn.stack(STACK).stackId;
    const v2 = app('2', 'Partner');
    const [update] = await cfn.deployAssembly(v2);
    expect(update.status).toBe('UPDATE_COMPLETE');
    const [old, renamed] = [styleId(v1), styleId(v2)];
    expect(old).not.toBe(renamed);

    // WHEN the old logical id is described, by name and by stack id
    const byName = await rejectionOf(describeResource(STACK, old));
    const byId = await rejectionOf(describeResource(stackId, old));

    // THEN CloudFormation's ValidationError names the stack as asked; the new logical id is there
    expect(byName).toMatchObject({ name: 'ValidationError', message: `Resource ${old} does not exist for stack ${STACK}`, $metadata: { httpStatusCode: 400 } });
    expect(byId).toMatchObject({ name: 'ValidationError', message: `Resource ${old} does not exist for stack ${stackId}` });
    expect(await describeResource(STACK, renamed)).toMatchObject({ ResourceStatus: 'CREATE_COMPLETE', PhysicalResourceId: cfn.physicalId(STACK, renamed) });
  });

  test('a deleted stack is found by its stack id only, its resources DELETE_COMPLETE', async () => {
    // GIVEN a stack deployed, then deleted
    const v1 = app('1', 'Web');
    await cfn.deployAssembly(v1);
    const style = styleId(v1);
    const { stackId } = cfn.stack(STACK);
    const physicalId = cfn.physicalId(STACK, style);
    expect((await cfn.deleteStack(STACK)).status).toBe('DELETE_COMPLETE');

    // WHEN its style is described by stack id and by stack name
    const byId = await describeResource(stackId, style);
    const byName = await rejectionOf(describeResource(STACK, style));

    // THEN by id the resource is DELETE_COMPLETE; by name the stack does not exist
    expect(byId).toMatchObject({ StackId: stackId, StackName: STACK, LogicalResourceId: style, PhysicalResourceId: physicalId, ResourceStatus: 'DELETE_COMPLETE' });
    expect(byName).toMatchObject({ name: 'ValidationError', message: `Stack '${STACK}' does not exist` });
  });

  test('a stack deployed again under the same name is a new stack id; the old id still answers DELETE_COMPLETE', async () => {
    // GIVEN a stack deployed, deleted and deployed again
    const v1 = app('1', 'Web');
    await cfn.deployAssembly(v1);
    const style = styleId(v1);
    const oldId = cfn.stack(STACK).stackId;
    await cfn.deleteStack(STACK);
    await cfn.deployAssembly(v1);
    const newId = cfn.stack(STACK).stackId;

    // WHEN / THEN the name finds the new stack, the old id the deleted one
    expect(newId).not.toBe(oldId);
    expect(await describeResource(STACK, style)).toMatchObject({ StackId: newId, ResourceStatus: 'CREATE_COMPLETE' });
    expect(await describeResource(oldId, style)).toMatchObject({ StackId: oldId, ResourceStatus: 'DELETE_COMPLETE' });
  });

  test('a resource with DeletionPolicy Retain gets no Delete and is DELETE_SKIPPED in the deleted stack', async () => {
    // GIVEN a style with DeletionPolicy Retain, its stack deleted
    const v1 = app('1', 'Web', { retain: true });
    expect(readTemplate(v1, STACK).Resources[styleId(v1)].DeletionPolicy).toBe('Retain');
    await cfn.deployAssembly(v1);
    const style = styleId(v1);
    const { stackId } = cfn.stack(STACK);
    const deletion = await cfn.deleteStack(STACK);
    expect(deletion.status).toBe('DELETE_COMPLETE');

    // WHEN the style is described by the stack id
    const detail = await describeResource(stackId, style);

    // THEN it was skipped: no event went to it, and CloudFormation reports DELETE_SKIPPED
    expect(deletion.events.filter((e) => e.logicalId === style)).toEqual([]);
    expect(detail).toMatchObject({ LogicalResourceId: style, ResourceStatus: 'DELETE_SKIPPED' });
    // (the pool too: CDK's UserPool is retained by default) while AfterStyles, with no policy, was deleted
    expect(await describeResource(stackId, styleId(v1, 'AWS::Cognito::UserPool'))).toMatchObject({ ResourceStatus: 'DELETE_SKIPPED' });
    expect(await describeResource(stackId, AFTER_STYLES)).toMatchObject({ ResourceStatus: 'DELETE_COMPLETE' });
  });

  test('a resource whose Delete the handler is carrying out is DELETE_IN_PROGRESS meanwhile', async () => {
    // GIVEN a deployed style whose Cognito delete answers after 1.5 s
    const v1 = app('1', 'Web');
    await cfn.deployAssembly(v1);
    const style = styleId(v1);
    const { stackId } = cfn.stack(STACK);
    standIn.faults.inject({ kind: 'slow', operation: 'DeleteManagedLoginBranding', delayMs: 1500 });

    // WHEN the stack is deleted, and the style described while that runs
    const deletion = cfn.deleteStack(STACK);
    const seen = new Set<string>();
    let done = false;
    void deletion.finally(() => {
      done = true;
    });
    while (!done) {
      seen.add((await describeResource(stackId, style)).ResourceStatus!);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await deletion;

    // THEN it was DELETE_IN_PROGRESS while its Delete ran, and DELETE_COMPLETE after
    expect(seen).toContain('DELETE_IN_PROGRESS');
    expect(await describeResource(stackId, style)).toMatchObject({ ResourceStatus: 'DELETE_COMPLETE' });
  });
});

describe('DescribeStackResource requests the model or the stand-in refuses', () => {
  test('a request without LogicalResourceId is refused by botocore\'s model', async () => {
    // GIVEN a stand-in (no stacks needed: the model check comes first)
    // WHEN LogicalResourceId is left out
    const error = await rejectionOf(client.send(new DescribeStackResourceCommand({ StackName: STACK } as never)));

    // THEN CloudFormation's ValidationError names the member
    expect(error).toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value null at 'logicalResourceId' failed to satisfy constraint: Member must not be null",
      $metadata: { httpStatusCode: 400 },
    });
    expect(standIn.calls.at(-1)).toMatchObject({ service: 'cloudformation', operation: 'DescribeStackResource', outcome: 'ValidationError', status: 400 });
  });

  test('a stand-in with no runner knows no stack', async () => {
    // GIVEN a stand-in no runner was built on
    const bare = await StandIn.start();
    const bareClient = sdkClients(bare).cloudFormation;
    try {
      // WHEN a resource is described
      const error = await rejectionOf(bareClient.send(new DescribeStackResourceCommand({ StackName: STACK, LogicalResourceId: 'Web' })));

      // THEN the stack does not exist
      expect(error).toMatchObject({ name: 'ValidationError', message: `Stack '${STACK}' does not exist` });
    } finally {
      bareClient.destroy();
      await bare.stop();
    }
  });

  test('another CloudFormation operation is refused as an invalid action', async () => {
    // WHEN ListStacks, which the stand-in does not serve, is called
    const error = await rejectionOf(client.send(new ListStacksCommand({})));

    // THEN it is refused, not answered with made-up data
    expect(error).toMatchObject({ name: 'InvalidAction', message: 'The stand-in does not implement ListStacks of cloudformation.' });
  });

  test('faults apply: throttling answers CloudFormation\'s Throttling', async () => {
    // GIVEN one throttled DescribeStackResource
    standIn.faults.inject({ kind: 'throttle', operation: 'DescribeStackResource', count: 1 });

    // WHEN a resource is described
    const error = await rejectionOf(client.send(new DescribeStackResourceCommand({ StackName: STACK, LogicalResourceId: 'Web' })));

    // THEN the answer is CloudFormation's throttling error
    expect(error).toMatchObject({ name: 'Throttling', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
  });
});

describe('the simulated Lambda\'s environment', () => {
  test('points an SDK CloudFormation client without an endpoint at the stand-in', async () => {
    // GIVEN the environment the runner gives a function, as the SDK reads it from process.env
    const env = lambdaEnvironment({ codeDir: __dirname, handler: '__entrypoint__.handler', region: 'eu-west-1', functionName: 'handler' }, standIn.endpoint, process.execPath);
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const lambdaClient = new CloudFormationClient({ maxAttempts: 1 });
    try {
      // WHEN the function's client describes a resource
      const error = await rejectionOf(lambdaClient.send(new DescribeStackResourceCommand({ StackName: STACK, LogicalResourceId: 'Web' })));

      // THEN the stand-in answered it
      expect(error).toMatchObject({ name: 'ValidationError', message: `Stack '${STACK}' does not exist` });
      expect(standIn.calls.at(-1)).toMatchObject({ service: 'cloudformation', operation: 'DescribeStackResource' });
    } finally {
      lambdaClient.destroy();
      process.env = saved;
    }
  });
});
