import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { CfnResource, RemovalPolicy } from 'aws-cdk-lib';
import { AppSpec, houseAssets, synthScenario } from './scenario-apps';
import { deploy, expectStateMatchesDeclaration, statuses } from './state-check';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../../src/branding/private/branding-contract';
import { claimParameterName } from '../../../src/private/custom-resource-contract';
import { CloudFormationRunner, StandIn } from '../../../standin';
import { sdkClients } from '../../../standin/services/sdk-clients';
import { resourcesOfType } from '../lifecycle-fixture';

jest.setTimeout(60_000);

/**
 * Issue 17, items 1.3 and 1.4: who may take a target back, and a client
 * that is gone.
 *
 * A previous owner counts while CloudFormation says its resource exists
 * (DescribeStackResource by its stack id: not DELETE_COMPLETE or
 * DELETE_SKIPPED, not "does not exist"). One that no longer exists is
 * forgotten, so its stale record never turns a real deletion into a
 * hand-back; one that still declares the target gets its own declaration
 * back when the later owner goes away.
 *
 * The pool and its clients live in Login; the styles in Styles (cross-stack
 * references), so Styles can be deleted and made again on the same client.
 */

let standIn: StandIn;
beforeAll(async () => {
  standIn = await StandIn.start();
});
afterAll(async () => standIn?.stop());
afterEach(() => standIn.faults.clear());

function spec(prefix: string, version: string, options: { logo?: string; retain?: boolean; styleStack?: string } = {}): AppSpec {
  const styleStack = options.styleStack ?? 'Styles';
  return {
    version,
    stacks: ['Login', styleStack],
    pools: [{ id: 'Pool', prefix, managedLogin: true, clients: ['Web', 'Keep'], stack: 'Login' }],
    styles: [
      { id: 'KeepBranding', pool: 'Pool', client: 'Keep', look: { defaults: true } },
      { id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: houseAssets({ logo: options.logo ?? 'logo-1' }) }, stack: styleStack },
    ],
    mutate: (stack) => {
      if (options.retain && stack.stackName === styleStack) {
        [...resourcesOfType(stack, MANAGED_LOGIN_BRANDING_TYPE).values()]
          .filter((r) => r.node.path.includes('WebBranding'))
          .forEach((r: CfnResource) => r.applyRemovalPolicy(RemovalPolicy.RETAIN));
      }
    },
  };
}

function ids(cfn: CloudFormationRunner): { poolId: string; webClient: string } {
  const resources = [...cfn.stack('Login').resources.values()];
  return {
    poolId: resources.find((r) => r.type === 'AWS::Cognito::UserPool')!.physicalId,
    webClient: resources.find((r) => r.type === 'AWS::Cognito::UserPoolClient' && r.logicalId.startsWith('PoolWeb'))!.physicalId,
  };
}

describe('a previous owner that no longer exists is forgotten', () => {
  test('a style with DeletionPolicy Retain, its stack deleted, made again without Retain and deleted again: nothing is left', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const retained = synthScenario(spec('scenario-owner-retain', 'v1', { retain: true }));
    const plain = synthScenario(spec('scenario-owner-retain', 'v2'));
    expect(statuses(await deploy(cfn, retained))).toEqual(['Login CREATE_COMPLETE', 'Styles CREATE_COMPLETE']);
    const { poolId, webClient } = ids(cfn);

    // Retain: the stack goes, the style and its record stay (as Retain means).
    expect((await cfn.deleteStack('Styles')).status).toBe('DELETE_COMPLETE');
    expect(standIn.snapshot().pools[poolId].styles[webClient]).toBeDefined();

    // A new Styles stack (a new stack id) takes the client over from the retained resource, then goes.
    expect(statuses(await deploy(cfn, plain))).toEqual(['Login UPDATE_COMPLETE', 'Styles CREATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, plain);
    expect((await cfn.deleteStack('Styles')).status).toBe('DELETE_COMPLETE');

    // The retained resource is DELETE_SKIPPED: it no longer declares anything, so nothing is handed back to it.
    expect(standIn.snapshot().pools[poolId].styles[webClient]).toBeUndefined();
    expect(standIn.snapshot().parameters[claimParameterName(poolId, 'branding', webClient)]).toBeUndefined();
  });

  test('a record left by a stack that no longer exists: the style is removed with its stack', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const dir = synthScenario(spec('scenario-owner-ghost', 'v1'));
    expect(statuses(await deploy(cfn, dir, 'Styles'))).toEqual(['Login CREATE_COMPLETE', 'Styles ROLLBACK_COMPLETE']);
    const { poolId, webClient } = ids(cfn);
    // A record naming a resource of a stack CloudFormation has never heard of (deleted more than 90 days ago, say).
    const ghost = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/Gone/00000000-0000-4000-8000-000000000000|WebBranding';
    await sdkClients(standIn, 'eu-west-1').ssm.send(new PutParameterCommand({
      Name: claimParameterName(poolId, 'branding', webClient), Type: 'String', Overwrite: true, Value: JSON.stringify({ owner: ghost }),
    }));

    expect(statuses(await deploy(cfn, dir))).toEqual(['Login UPDATE_COMPLETE', 'Styles CREATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, dir);
    expect((await cfn.deleteStack('Styles')).status).toBe('DELETE_COMPLETE');

    expect(standIn.snapshot().pools[poolId].styles[webClient]).toBeUndefined();
    expect(standIn.snapshot().parameters[claimParameterName(poolId, 'branding', webClient)]).toBeUndefined();
  });
});

describe('two live resources declaring one client', () => {
  test('a second app styles the first app\'s client; when it goes, the first app\'s look comes back; when that goes, nothing is left', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const first = synthScenario(spec('scenario-owner-two', 'v1', { logo: 'first-app' }));
    const second = synthScenario(spec('scenario-owner-two', 'v1', { logo: 'second-app', styleStack: 'OtherStyles' }));
    expect(statuses(await deploy(cfn, first))).toEqual(['Login CREATE_COMPLETE', 'Styles CREATE_COMPLETE']);
    const { poolId, webClient } = ids(cfn);

    // The second app's stack takes the client over (the later declaration wins).
    const [, other] = await deploy(cfn, second);
    expect(other.status).toBe('CREATE_COMPLETE');
    expectStateMatchesDeclaration(cfn, standIn, second, { stacks: { Styles: first } });

    // It goes: the first app still declares the client, so its look comes back and it owns the client again.
    expect((await cfn.deleteStack('OtherStyles')).status).toBe('DELETE_COMPLETE');
    expectStateMatchesDeclaration(cfn, standIn, first);

    expect((await cfn.deleteStack('Styles')).status).toBe('DELETE_COMPLETE');
    expect(standIn.snapshot().pools[poolId].styles[webClient]).toBeUndefined();
    expect(standIn.snapshot().parameters[claimParameterName(poolId, 'branding', webClient)]).toBeUndefined();
  });
});

describe('a client deleted outside CloudFormation (item 1.4)', () => {
  test('the next update fails saying the client is gone, the rollback completes, and the stack can be deleted', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const v1 = synthScenario(spec('scenario-gone-client', 'v1'));
    const v2 = synthScenario(spec('scenario-gone-client', 'v2', { logo: 'logo-2' }));
    expect(statuses(await deploy(cfn, v1))).toEqual(['Login CREATE_COMPLETE', 'Styles CREATE_COMPLETE']);
    const { poolId, webClient } = ids(cfn);
    standIn.deleteUserPoolClient(poolId, webClient);

    const results = await deploy(cfn, v2);

    expect(statuses(results)).toEqual(['Login UPDATE_COMPLETE', 'Styles UPDATE_ROLLBACK_COMPLETE']);
    expect(results[1].failure).toMatch(new RegExp(`^WebBranding.*Client ${webClient} of user pool ${poolId} no longer exists \\(deleted outside CloudFormation\\?\\)`));
    expect((await cfn.deleteStack('Styles')).status).toBe('DELETE_COMPLETE');
    expect(standIn.snapshot().parameters[claimParameterName(poolId, 'branding', webClient)]).toBeUndefined();
  });
});
